package dev.integrationsandbox.record;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads recordings back, in the order they were written: every file of a folder by name (which
 * sorts by start time), one exchange per line. A sandbox killed while writing leaves at most one
 * torn line at the end of its last file; it is skipped, while a broken line anywhere else is an
 * error, since it means the file was damaged in another way. Blocking: call from a worker.
 */
public final class RecordingReader {

  private RecordingReader() {}

  /**
   * The exchanges of a recording however it was given: a folder of JSON Lines files, one such file,
   * or a HAR file (whose entries name no vendor unless the sandbox wrote them).
   */
  public static List<JsonObject> readAny(Path recording) throws IOException {
    if (!Files.exists(recording)) {
      throw new IOException(recording + " does not exist");
    }
    if (Files.isDirectory(recording)) {
      return readFolder(recording);
    }
    if (recording.getFileName().toString().endsWith(".har")) {
      try {
        return Har.lines(
            new JsonObject(Files.readString(recording, StandardCharsets.UTF_8)), path -> null);
      } catch (DecodeException e) {
        throw new IOException(recording + " is not a HAR (JSON) file: " + e.getMessage());
      }
    }
    return read(recording);
  }

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
    List<JsonObject> out = new ArrayList<>();
    forEach(file, out::add);
    return out;
  }

  /**
   * Hands each exchange of a file to {@code each} as it is read, so that a large recording is never
   * held whole as JSON trees.
   */
  public static void forEach(Path file, Consumer<JsonObject> each) throws IOException {
    forEach(file, JsonObject::new, each);
  }

  /**
   * Hands each line of a file, as {@code parse} reads it, to {@code each}.
   *
   * @param parse reads one line; throws {@link DecodeException} when it is not a recorded exchange
   */
  public static <T> void forEach(Path file, Function<String, T> parse, Consumer<T> each)
      throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      String line = in.readLine();
      while (line != null) {
        number++;
        String next = in.readLine();
        if (!line.isBlank()) {
          T exchange = parse(file, number, line, next == null, parse);
          if (exchange != null) {
            each.accept(exchange);
          }
        }
        line = next;
      }
    }
  }

  /** The exchange on a line; null for a torn last line, which a killed sandbox may leave. */
  private static <T> T parse(
      Path file, int number, String line, boolean last, Function<String, T> parse)
      throws IOException {
    try {
      return parse.apply(line);
    } catch (DecodeException e) {
      if (last) {
        return null;
      }
      throw new IOException(file + ":" + number + " is not a JSON line: " + e.getMessage());
    }
  }
}
