package dev.integrationsandbox.exchange;

import dev.integrationsandbox.config.Mode;
import dev.integrationsandbox.contract.Violation;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.List;

/**
 * One request and its answer, complete and immutable: what the journal keeps, what metrics count
 * and what recordings are written from. Like WireMock's {@code ServeEvent}, it is made once, when
 * the answer has been sent, and then only read by {@link ExchangeListener}s.
 *
 * <p>Bodies are cut at the configured size ({@link Captured}), so that what a client sends costs
 * the journal a bounded number of bytes however large the body was; headers are bounded by the
 * vendor's header limit, and are kept as the request and the reply had them, since neither changes
 * once the answer is sent.
 *
 * @param at the sandbox clock's time when the request arrived
 * @param operationId null when no operation matched
 * @param error the sandbox-side diagnostic (never sent to the client), or null
 * @param notes lint notes: what the vendor accepts but looked odd, never sent to the client
 * @param world the world the request addressed
 * @param safe whether secrets are already redacted and personal data masked, as {@code
 *     record/SafeView} shows an exchange: the journal's copy of real traffic, which the view then
 *     shows as it is (masking twice would turn each fake into another)
 * @param success whether the answer is known to be the vendor's success ({@link
 *     dev.integrationsandbox.spi.Reply#success}): no in-body error, whatever its body says
 */
public record Exchange(
    String id,
    Instant at,
    String vendor,
    String operationId,
    Mode mode,
    HttpMethod method,
    String uri,
    MultiMap requestHeaders,
    Captured requestBody,
    int status,
    String responseContentType,
    MultiMap responseHeaders,
    Captured responseBody,
    List<Violation> violations,
    String error,
    List<String> notes,
    long durationNanos,
    String world,
    boolean safe,
    boolean success) {

  /** An exchange as it was: what the pipeline hands every listener. */
  public Exchange(
      String id,
      Instant at,
      String vendor,
      String operationId,
      Mode mode,
      HttpMethod method,
      String uri,
      MultiMap requestHeaders,
      Captured requestBody,
      int status,
      String responseContentType,
      MultiMap responseHeaders,
      Captured responseBody,
      List<Violation> violations,
      String error,
      List<String> notes,
      long durationNanos,
      String world) {
    this(
        id,
        at,
        vendor,
        operationId,
        mode,
        method,
        uri,
        requestHeaders,
        requestBody,
        status,
        responseContentType,
        responseHeaders,
        responseBody,
        violations,
        error,
        notes,
        durationNanos,
        world,
        false,
        false);
  }

  /** How {@link #error} begins for a call that an armed fault answered instead of the vendor. */
  public static final String FAULT = "FAULT ";

  /**
   * Whether an armed fault answered (or cut) this call instead of the vendor: coverage does not
   * count such answers as the vendor's.
   */
  public boolean faulted() {
    return error != null && error.startsWith(FAULT);
  }

  /** How {@link #error} begins for a call answered from a recording (replay and spy modes). */
  public static final String REPLAYED = "REPLAYED ";

  /**
   * Whether a recording answered this call: the recorder does not write it again, so that spy mode
   * records only what it forwarded and a recording grows by the flows it lacked.
   */
  public boolean replayed() {
    return error != null && error.startsWith(REPLAYED);
  }

  /** The bytes this exchange keeps in memory, give or take the objects' own overhead. */
  public long retainedBytes() {
    return 512L
        + requestBody.kept().length()
        + responseBody.kept().length()
        + uri.length() * 2L
        + headerBytes(requestHeaders)
        + headerBytes(responseHeaders)
        + (error == null ? 0 : error.length() * 2L);
  }

  /** Walks the headers without an iterator: Vert.x's wraps each entry in an object. */
  private static long headerBytes(MultiMap headers) {
    long[] n = {0};
    headers.forEach((name, value) -> n[0] += 64 + (name.length() + value.length()) * 2L);
    return n[0];
  }

  /**
   * A body as kept: its first bytes, up to the capture limit, and its whole size.
   *
   * @param size the whole body's size in bytes
   */
  public record Captured(Buffer kept, long size) {

    public static final Captured EMPTY = new Captured(Buffer.buffer(), 0);

    /**
     * At most {@code limit} bytes of {@code body}: the body itself when it fits (request and reply
     * bodies are never written to once the answer is sent, so sharing costs nothing), otherwise a
     * copy of its first bytes, so that the rest can be collected.
     */
    public static Captured of(Buffer body, int limit) {
      if (body == null || body.length() == 0) {
        return EMPTY;
      }
      if (body.length() <= limit) {
        return new Captured(body, body.length());
      }
      return new Captured(body.getBuffer(0, Math.max(0, limit)), body.length());
    }

    /**
     * At most {@code limit} bytes of a body of which only {@code prefix} was kept (a streamed
     * answer past the proxy's copy), {@code size} bytes in all.
     */
    public static Captured cut(Buffer prefix, long size, int limit) {
      Captured kept = of(prefix, limit);
      return new Captured(kept.kept(), size);
    }

    public boolean truncated() {
      return kept.length() < size;
    }
  }
}
