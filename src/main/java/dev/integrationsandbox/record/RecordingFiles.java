package dev.integrationsandbox.record;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recordings on disk, described without being loaded: for each file its size, its line count
 * (one exchange a line) and the time of its first and last exchange, read from the file's head and
 * tail. A file is scanned for line breaks up to {@value #SCAN_MAX_BYTES} bytes and its count
 * extrapolated past that, so a listing costs the same whatever the recordings weigh. Blocking: call
 * from a worker.
 *
 * <pre>
 * curl localhost:8080/__sandbox/recordings
 * </pre>
 */
public final class RecordingFiles {

  /** Bytes of a file scanned for line breaks; a larger file's count is an estimate. */
  static final long SCAN_MAX_BYTES = 64L * 1024 * 1024;

  /** Files listed at most: a folder of a year of recordings lists its newest ones. */
  static final int FILES_MAX = 500;

  /** Bytes read at either end of a file to find its first and last exchange's time. */
  static final int EDGE_BYTES = 1024 * 1024;

  /** A recording line begins with its format, id and time, so the time is near the start. */
  private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]{1,64})\"");

  private static final byte[] LINE_START = "\n{\"format\":".getBytes(StandardCharsets.UTF_8);

  /** Where a file was named: recorded to ({@code --record-dir}) or replayed from. */
  public enum Role {
    RECORD,
    REPLAY;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A file the listing may name, and why. */
  public record Source(Path path, Role role) {}

  private RecordingFiles() {}

  /**
   * The recording files of {@code --record-dir} and {@code --replay-from}, oldest first within a
   * folder; at most {@value #FILES_MAX}, the newest of each folder kept.
   */
  public static List<Source> sources(Path recordDir, List<Path> replayFrom) throws IOException {
    List<Source> out = new ArrayList<>();
    if (recordDir != null && Files.isDirectory(recordDir)) {
      add(out, recordDir, Role.RECORD);
    }
    for (Path p : replayFrom) {
      add(out, p, Role.REPLAY);
    }
    return out.size() <= FILES_MAX
        ? out
        : List.copyOf(out.subList(out.size() - FILES_MAX, out.size()));
  }

  private static void add(List<Source> out, Path path, Role role) throws IOException {
    if (Files.isDirectory(path)) {
      for (Path file : RecordingReader.files(path)) {
        out.add(new Source(file, role));
      }
    } else if (Files.isRegularFile(path)) {
      out.add(new Source(path, role));
    }
  }

  /** {@code {"files":[…],"truncated":false}}. */
  public static JsonObject list(Path recordDir, List<Path> replayFrom) throws IOException {
    JsonArray files = new JsonArray();
    List<Source> sources = sources(recordDir, replayFrom);
    for (Source s : sources) {
      files.add(describe(s));
    }
    return new JsonObject()
        .put("recordDir", recordDir == null ? null : recordDir.toString())
        .put(
            "replayFrom",
            new JsonArray(replayFrom.stream().map(p -> (Object) p.toString()).toList()))
        .put("files", files)
        .put("truncated", sources.size() == FILES_MAX);
  }

  static JsonObject describe(Source source) throws IOException {
    Path file = source.path();
    long size = Files.size(file);
    boolean har = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".har");
    JsonObject out =
        new JsonObject()
            .put("path", file.toString())
            .put("name", file.getFileName().toString())
            .put("role", source.role().id())
            .put("format", har ? "har" : "jsonl")
            .put("bytes", size)
            .put("modified", Files.getLastModifiedTime(file).toInstant().toString());
    if (har || size == 0) {
      return out.put("lines", har ? null : 0);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long scanned = Math.min(size, SCAN_MAX_BYTES);
      long lines = lineBreaks(channel, scanned);
      boolean exact = scanned == size;
      if (exact && lastByte(channel, size) != '\n') {
        lines++;
      }
      out.put("lines", exact ? lines : Math.round((double) lines * size / scanned))
          .put("linesExact", exact)
          .put("firstAt", firstAt(channel, size))
          .put("lastAt", lastAt(channel, size));
    }
    return out;
  }

  private static long lineBreaks(FileChannel channel, long limit) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
    long count = 0;
    long position = 0;
    while (position < limit) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), limit - position));
      int read = channel.read(buffer, position);
      if (read <= 0) {
        break;
      }
      for (int i = 0; i < read; i++) {
        if (buffer.get(i) == '\n') {
          count++;
        }
      }
      position += read;
    }
    return count;
  }

  private static int lastByte(FileChannel channel, long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, size - 1);
    return one.get(0);
  }

  private static String firstAt(FileChannel channel, long size) throws IOException {
    return at(read(channel, 0, (int) Math.min(size, 4096)), 0);
  }

  /** The time of the line that starts last in the file's tail (a torn last line included). */
  private static String lastAt(FileChannel channel, long size) throws IOException {
    int length = (int) Math.min(size, EDGE_BYTES);
    byte[] tail = read(channel, size - length, length);
    for (int i = tail.length - LINE_START.length; i >= 0; i--) {
      if (startsAt(tail, i)) {
        return at(tail, i + 1);
      }
    }
    return size <= EDGE_BYTES ? at(tail, 0) : null;
  }

  private static boolean startsAt(byte[] bytes, int at) {
    for (int j = 0; j < LINE_START.length; j++) {
      if (bytes[at + j] != LINE_START[j]) {
        return false;
      }
    }
    return true;
  }

  private static String at(byte[] bytes, int from) {
    int length = Math.min(512, bytes.length - from);
    Matcher m = AT.matcher(new String(bytes, from, length, StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : null;
  }

  private static byte[] read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) <= 0) {
        break;
      }
    }
    return buffer.array();
  }
}
