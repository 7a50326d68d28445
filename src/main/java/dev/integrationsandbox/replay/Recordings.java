package dev.integrationsandbox.replay;

import dev.integrationsandbox.record.Har;
import dev.integrationsandbox.record.RecordingReader;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The recordings named by {@code --replay-from}, read once for every vendor in replay or spy mode
 * and split by vendor, each vendor's exchanges in recorded order. Lines are read one at a time
 * ({@link ReplayLine}) and kept as {@link Recorded} exchanges, never as JSON trees, and the whole
 * is bounded: files larger together than {@code --replay-max-size}, or holding more exchanges of
 * the replayed vendors than {@code --replay-max-exchanges}, are refused before they can exhaust the
 * heap. Blocking: call from a worker.
 */
public final class Recordings {

  /** The limits a recording is held to, and the flags that set them. */
  public record Limits(long bytes, int exchanges) {}

  private final Map<String, List<Recorded>> byVendor;

  private Recordings(Map<String, List<Recorded>> byVendor) {
    this.byVendor = byVendor;
  }

  /** No recordings: no vendor replays. */
  public static Recordings none() {
    return new Recordings(Map.of());
  }

  /**
   * @param sources JSON Lines files, recording folders, and HAR files ({@code *.har})
   * @param replayed the vendors whose exchanges are kept; others' lines are read and let go
   * @param vendorOfPath the vendor a path belongs to, or null: for HAR entries saved by other tools
   * @throws IOException naming the file, or the limit that the recordings exceed
   */
  public static Recordings read(
      List<Path> sources,
      Predicate<String> replayed,
      Function<String, String> vendorOfPath,
      Limits limits)
      throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path source : sources) {
      files.addAll(Files.isDirectory(source) ? RecordingReader.files(source) : List.of(source));
    }
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    if (bytes > limits.bytes()) {
      throw new IOException(
          "the recordings are "
              + size(bytes)
              + ", more than --replay-max-size "
              + size(limits.bytes())
              + " (raise it, and the heap with it, or replay fewer files)");
    }
    Loader loader = new Loader(replayed, limits.exchanges());
    try {
      for (Path file : files) {
        if (isHar(file)) {
          Har.lines(har(file), vendorOfPath).forEach(loader::add);
        } else {
          RecordingReader.forEach(file, ReplayLine::parse, loader::add);
        }
      }
    } catch (LimitExceeded e) {
      throw new IOException(e.getMessage());
    }
    return new Recordings(loader.done());
  }

  /** Recordings from lines at hand, all kept (tests, tools). */
  static Recordings of(List<JsonObject> lines) {
    Loader loader = new Loader(vendor -> true, Integer.MAX_VALUE);
    lines.forEach(loader::add);
    return new Recordings(loader.done());
  }

  /** How many exchanges of a vendor the recordings hold. */
  public int count(String vendor) {
    return of(vendor).size();
  }

  List<Recorded> of(String vendor) {
    return byVendor.getOrDefault(vendor, List.of());
  }

  static boolean isHar(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".har");
  }

  private static JsonObject har(Path file) throws IOException {
    try {
      return new JsonObject(Files.readString(file));
    } catch (DecodeException e) {
      throw new IOException(file + " is not a HAR (JSON) file: " + e.getMessage());
    }
  }

  /** A size as the flag takes it when it is whole, e.g. {@code 256MiB}, else in bytes. */
  private static String size(long bytes) {
    if (bytes % 1048576 == 0) {
      return bytes / 1048576 + "MiB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + "KiB" : bytes + " bytes";
  }

  /** Turns lines into {@link Recorded} exchanges as they come, counting them against the limit. */
  private static final class Loader {
    private final Predicate<String> replayed;
    private final int max;
    private final Map<String, List<Recorded>> byVendor = new LinkedHashMap<>();
    private final Pool pool = new Pool(new AnswerStore());
    private int count;

    Loader(Predicate<String> replayed, int max) {
      this.replayed = replayed;
      this.max = max;
    }

    void add(JsonObject line) {
      add(ReplayLine.parse(line.encode()));
    }

    void add(ReplayLine line) {
      String vendor = line.vendor();
      if (vendor == null || line.method() == null || !replayed.test(vendor)) {
        return;
      }
      if (++count > max) {
        throw new LimitExceeded(
            "the recordings hold more than --replay-max-exchanges "
                + max
                + " exchanges of the replayed vendors (raise it, and the heap with it, or replay"
                + " fewer files)");
      }
      List<Recorded> list = byVendor.computeIfAbsent(vendor, v -> new ArrayList<>());
      list.add(Recorded.of(list.size(), line, pool));
    }

    Map<String, List<Recorded>> done() {
      Map<String, List<Recorded>> out = new LinkedHashMap<>();
      byVendor.forEach((vendor, list) -> out.put(vendor, List.copyOf(list)));
      return out;
    }
  }

  /** A recording's limit, passed out of a line-by-line reader and reported as an IOException. */
  private static final class LimitExceeded extends RuntimeException {
    LimitExceeded(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * One object for equal header names and values, content types and operations while a recording is
   * read, and one copy of equal small answers and requests: a recording repeats most of them.
   */
  static final class Pool {

    /** Bytes up to this size are shared when equal; larger ones rarely repeat. */
    private static final int SHARED_MAX = 4096;

    private final AnswerStore store;
    private final Map<String, String> texts = new HashMap<>();
    private final Map<ByteBuffer, byte[]> requests = new HashMap<>();
    private final Map<ByteBuffer, Long> answers = new HashMap<>();

    Pool(AnswerStore store) {
      this.store = store;
    }

    AnswerStore store() {
      return store;
    }

    String text(String value) {
      return value == null ? null : texts.computeIfAbsent(value, v -> v);
    }

    byte[] bytes(byte[] request) {
      return request.length > SHARED_MAX
          ? request
          : requests.computeIfAbsent(ByteBuffer.wrap(request), b -> request);
    }

    /** Where an answer is kept in the store. */
    long answer(byte[] answer) {
      return answer.length > SHARED_MAX
          ? store.add(answer)
          : answers.computeIfAbsent(ByteBuffer.wrap(answer), b -> store.add(answer));
    }
  }
}
