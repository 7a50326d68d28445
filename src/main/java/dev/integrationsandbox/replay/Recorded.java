package dev.integrationsandbox.replay;

import dev.integrationsandbox.core.SandboxRoutes;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.record.Redactor;
import dev.integrationsandbox.spi.Reply;
import io.netty.buffer.Unpooled;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One exchange of a recording, ready to be served again, and small: a recording of 100,000
 * exchanges is held whole. The answer is kept as the bytes to send, as the recording wrote them,
 * outside the heap ({@link AnswerStore}); the request as its JSON text, parsed into a {@link
 * RequestShape} only when it is needed (to index it, or to explain a miss); header names, values
 * and answers that repeat are kept once ({@link Recordings.Pool}). A byte array rather than a
 * buffer for the request: a buffer costs 80 bytes more each.
 *
 * @param position the exchange's place among its vendor's exchanges, from 0
 * @param id the exchange's id in the recording ({@code "id"} of its line)
 * @param request {@code [method, uri, body]} as JSON text, the world taken out of the uri
 * @param headers the answer's headers as name, value, name, value…
 * @param body where the answer's bytes are in the store
 * @param grantsCredentials whether the body holds redacted secrets, to be issued anew per reply
 */
record Recorded(
    int position,
    String id,
    String operation,
    byte[] request,
    int status,
    String contentType,
    String[] headers,
    AnswerStore store,
    long body,
    int bodyLength,
    boolean grantsCredentials) {

  private static final String[] NO_HEADERS = new String[0];

  /**
   * Headers that described the bytes on the wire as they were: the recording holds the body decoded
   * and the sandbox frames it anew.
   */
  private static final Set<String> FRAMING =
      Set.of(
          "content-length",
          "content-encoding",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "content-type",
          "x-sandbox-exchange-id");

  static Recorded of(int position, ReplayLine line, Recordings.Pool pool) {
    List<String> recordedHeaders = line.responseHeaders();
    String[] headers = new String[recordedHeaders.size()];
    int kept = 0;
    String contentType = null;
    for (int i = 0; i < recordedHeaders.size(); i += 2) {
      String name = recordedHeaders.get(i);
      String value = recordedHeaders.get(i + 1);
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("content-type")) {
        contentType = pool.text(value);
      } else if (!FRAMING.contains(lower)) {
        headers[kept++] = pool.text(name);
        headers[kept++] = pool.text(value);
      }
    }
    byte[] answer = bytes(line, contentType);
    String request =
        "["
            + Json.encode(line.method())
            + ","
            + Json.encode(SandboxRoutes.withoutWorld(line.uri()))
            + ","
            + (line.requestBody() == null ? "null" : line.requestBody())
            + "]";
    return new Recorded(
        position,
        line.id() != null ? line.id() : String.valueOf(position),
        pool.text(line.operation()),
        pool.bytes(request.getBytes(StandardCharsets.UTF_8)),
        line.status(),
        contentType,
        kept == 0 ? NO_HEADERS : Arrays.copyOf(headers, kept),
        pool.store(),
        pool.answer(answer),
        answer.length,
        grantsCredentials(line.responseBody()));
  }

  /**
   * The answer as recorded: JSON as it was written; text as it was; a JSON string under a JSON type
   * as one.
   */
  private static byte[] bytes(ReplayLine line, String contentType) {
    if (line.responseBody() == null) {
      return new byte[0];
    }
    boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    String text = line.responseText() != null && !json ? line.responseText() : line.responseBody();
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Only a body that holds the redaction mark is parsed to look for redacted secrets. */
  private static boolean grantsCredentials(String body) {
    return body != null
        && body.contains("\"" + Redactor.MASK + "\"")
        && Credentials.holdsMasked(Json.decodeValue(body));
  }

  /** Bytes held once, lent to a reply or a parser without a copy. */
  private static Buffer view(byte[] bytes) {
    return BufferInternal.buffer(Unpooled.wrappedBuffer(bytes));
  }

  /** The recorded request, parsed from its text. */
  RequestShape request(Set<String> ignored) {
    JsonArray request = new JsonArray(view(this.request));
    return RequestShape.of(
        request.getString(0), request.getString(1), request.getValue(2), ignored);
  }

  /**
   * A fresh answer each time: the pipeline adds its own headers to the reply's map. An answer whose
   * credentials were redacted (a token grant) gets new ones, so that the client holds a token
   * rather than the redaction mark. The note marks the exchange as replayed ({@link
   * Exchange#replayed()}), so that it is not recorded again.
   */
  Reply reply() {
    MultiMap replyHeaders = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < headers.length; i += 2) {
      replyHeaders.add(headers[i], headers[i + 1]);
    }
    return new Reply(
        status,
        contentType,
        replyHeaders,
        null,
        grantsCredentials
            ? Json.encodeToBuffer(Credentials.issue(Json.decodeValue(store.view(body, bodyLength))))
            : store.view(body, bodyLength),
        Exchange.REPLAYED + "recorded exchange " + id,
        List.of());
  }
}
