package dev.integrationsandbox.record;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads recordings back, in the order they were written: every file of a folder by name (which
 * sorts by start time), one exchange per line. A sandbox killed while writing leaves at most one
 * torn line at the end of its last file; it is skipped, while a broken line anywhere else is an
 * error, since it means the file was damaged in another way. Blocking: call from a worker.
 */
public final class RecordingReader {

  private RecordingReader() {}

  public static List<JsonObject> readFolder(Path folder) throws IOException {
    List<JsonObject> all = new ArrayList<>();
    for (Path file : files(folder)) {
      all.addAll(read(file));
    }
    return all;
  }

  /** The recording files of a folder, oldest first. */
  public static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> listed = Files.list(folder)) {
      return listed
          .filter(p -> p.getFileName().toString().startsWith(Recorder.PREFIX))
          .filter(p -> p.getFileName().toString().endsWith(Recorder.SUFFIX))
          .sorted()
          .toList();
    }
  }

  public static List<JsonObject> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<JsonObject> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(new JsonObject(line));
      } catch (DecodeException e) {
        if (i < lines.size() - 1) {
          throw new IOException(file + ":" + (i + 1) + " is not a JSON line: " + e.getMessage());
        }
      }
    }
    return out;
  }
}
