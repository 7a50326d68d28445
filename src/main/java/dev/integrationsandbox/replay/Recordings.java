package dev.integrationsandbox.replay;

import dev.integrationsandbox.record.Har;
import dev.integrationsandbox.record.RecordingReader;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The recordings named by {@code --replay-from}, read once for every vendor in replay mode and
 * split by vendor, each vendor's exchanges in recorded order. Blocking: call from a worker.
 */
public final class Recordings {

  private Recordings() {}

  /**
   * @param sources JSON Lines files, recording folders, and HAR files ({@code *.har})
   * @param vendorOfPath the vendor a path belongs to, or null: for HAR entries saved by other tools
   */
  public static Map<String, List<JsonObject>> byVendor(
      List<Path> sources, Function<String, String> vendorOfPath) throws IOException {
    Map<String, List<JsonObject>> out = new LinkedHashMap<>();
    for (Path source : sources) {
      List<JsonObject> lines =
          Files.isDirectory(source)
              ? RecordingReader.readFolder(source)
              : isHar(source) ? Har.lines(har(source), vendorOfPath) : RecordingReader.read(source);
      for (JsonObject line : lines) {
        if (line.getString("vendor") != null && line.getJsonObject("request") != null) {
          out.computeIfAbsent(line.getString("vendor"), v -> new ArrayList<>()).add(line);
        }
      }
    }
    return out;
  }

  static boolean isHar(Path file) {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".har");
  }

  private static JsonObject har(Path file) throws IOException {
    try {
      return new JsonObject(Files.readString(file));
    } catch (io.vertx.core.json.DecodeException e) {
      throw new IOException(file + " is not a HAR (JSON) file: " + e.getMessage());
    }
  }
}
