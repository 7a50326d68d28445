package dev.integrationsandbox.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.record.RecordingReader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A recording made with personal data masked replays under the same mask key: a live request is
 * masked as its recording was, by the contract's personal-data marks as well as by format, so a
 * field only the contract marks (Vocom's agent name) still matches.
 */
@Timeout(60)
class MaskedReplayTest {

  static Vertx vertx;
  static Path recordings;
  static Path key;
  static TestSandbox replay;
  static List<String> btg;
  static List<String> hubSoft;
  static List<String> vocom;

  @BeforeAll
  static void recordMaskedThenReplay() throws Exception {
    vertx = Vertx.vertx();
    Vertx upstreamVertx = Vertx.vertx();
    recordings = Files.createTempDirectory("masked-recordings");
    key = Files.createTempFile("mask", ".key");
    Files.writeString(key, "a key of more than sixteen bytes, kept apart");
    TestSandbox upstream = TestSandbox.start(upstreamVertx).await();
    TestSandbox proxy =
        ReplayFlows.recordingProxy(
                vertx,
                upstream.port(),
                recordings,
                "--mask-personal-data",
                "--mask-key-file",
                key.toString())
            .await();
    btg = ReplayFlows.on(proxy, null).btg();
    hubSoft = ReplayFlows.on(proxy, null).hubSoft();
    vocom = ReplayFlows.on(proxy, null).vocom();
    int served = btg.size() + hubSoft.size() + vocom.size();
    for (int i = 0; i < 50 && RecordingReader.readFolder(recordings).size() < served; i++) {
      Thread.sleep(100);
    }
    proxy.stop().await();
    upstream.stop().await();
    upstreamVertx.close().await();
    replay =
        TestSandbox.start(
                vertx,
                "--mode",
                "btg=replay,hubsoft=replay,vocom=replay",
                "--replay-from",
                recordings.toString(),
                "--mask-personal-data",
                "--mask-key-file",
                key.toString())
            .await();
  }

  @AfterAll
  static void stop() throws Exception {
    replay.stop().await();
    vertx.close().await();
    Files.deleteIfExists(key);
  }

  @Test
  void theRecordingHoldsNoAgentNameInTheClear() throws Exception {
    for (JsonObject line : RecordingReader.readFolder(recordings)) {
      if ("vocom".equals(line.getString("vendor"))) {
        assertFalse(line.encode().contains("\"DEV\""), line.encode());
      }
    }
  }

  @Test
  void vocomsFlowMatchesThoughItsAgentWasMaskedOnlyByTheContract() {
    assertSameFlow(vocom, "vocom", ReplayFlows::vocom);
  }

  @Test
  void btgsFlowMatchesWithItsDocumentMasked() {
    assertSameFlow(btg, "btg", ReplayFlows::btg);
  }

  @Test
  void hubSoftsFlowMatchesWithItsCustomerMasked() {
    assertSameFlow(hubSoft, "hubsoft", ReplayFlows::hubSoft);
  }

  /** The replayed answers are the recorded ones, masked: compared after masking the live ones. */
  private static void assertSameFlow(
      List<String> live, String world, Function<ReplayFlows, List<String>> flow) {
    List<String> replayed = flow.apply(ReplayFlows.on(replay, world));
    assertEquals(live.size(), replayed.size(), "" + replayed);
    for (int i = 0; i < replayed.size(); i++) {
      assertFalse(
          replayed.get(i).contains("nothing recorded") || replayed.get(i).contains("closest"),
          "request " + i + " of the flow missed: " + replayed.get(i));
    }
  }
}
