package dev.integrationsandbox.inspector;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.record.RecordingReader;
import dev.integrationsandbox.replay.ReplayFlows;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small real recording for the recording and replay views: BTG's flow (token, info, create,
 * close, close again) recorded through a proxy in front of an emulator, both stopped after.
 */
public final class BtgRecording {

  /** The flow's exchanges, in recorded order. */
  public static final int EXCHANGES = 5;

  private BtgRecording() {}

  /** Records into a new temporary folder and returns it. */
  public static Path record() throws Exception {
    Path folder = Files.createTempDirectory("btg-recording");
    Vertx vertx = Vertx.vertx();
    try {
      TestSandbox upstream = TestSandbox.start(vertx).await();
      TestSandbox proxy = ReplayFlows.recordingProxy(vertx, upstream.port(), folder).await();
      ReplayFlows.on(proxy, null).btg();
      for (int i = 0; i < 50 && lines(folder).size() < EXCHANGES; i++) {
        Thread.sleep(100);
      }
      proxy.stop().await();
      upstream.stop().await();
    } finally {
      vertx.close().await();
    }
    if (lines(folder).size() != EXCHANGES) {
      throw new IllegalStateException("recorded " + lines(folder).size() + " of " + EXCHANGES);
    }
    return folder;
  }

  public static List<JsonObject> lines(Path folder) throws Exception {
    return RecordingReader.readFolder(folder);
  }

  public static Path file(Path folder) throws Exception {
    return RecordingReader.files(folder).get(0);
  }
}
