package dev.integrationsandbox.replay;

import dev.integrationsandbox.record.RecordingReader;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recordings named by {@code --replay-from}, read once for every vendor in replay mode and
 * split by vendor, each vendor's exchanges in recorded order. Blocking: call from a worker.
 */
public final class Recordings {

  private Recordings() {}

  public static Map<String, List<JsonObject>> byVendor(List<Path> sources) throws IOException {
    Map<String, List<JsonObject>> out = new LinkedHashMap<>();
    for (Path source : sources) {
      List<JsonObject> lines =
          Files.isDirectory(source)
              ? RecordingReader.readFolder(source)
              : RecordingReader.read(source);
      for (JsonObject line : lines) {
        if (line.getString("vendor") != null && line.getJsonObject("request") != null) {
          out.computeIfAbsent(line.getString("vendor"), v -> new ArrayList<>()).add(line);
        }
      }
    }
    return out;
  }
}
