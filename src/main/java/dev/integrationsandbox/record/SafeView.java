package dev.integrationsandbox.record;

import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.Exchange.Captured;
import dev.integrationsandbox.record.PersonalDataFields.Marks;
import dev.integrationsandbox.spi.Body;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An exchange as the sandbox shows it anywhere but on the wire (the journal, the inspector, the
 * violations report, log lines): secrets redacted, and, when masking is on, personal data replaced
 * by the same fakes the recorder writes, by the contract's marks and then by format. One place, so
 * that what a recording keeps from a team is not shown to it through the admin API or a log.
 *
 * <p>An exchange of real traffic is kept in the journal already safe ({@link #kept}), and shown as
 * it is: redacting again would find nothing, and masking again would turn each fake into another.
 */
public final class SafeView {

  private final Redactor redactor;
  private final PersonalDataMask mask;

  /**
   * @param mask the masking of personal data, with the contracts' marks; null when off
   */
  public SafeView(Redactor redactor, PersonalDataMask mask) {
    this.redactor = redactor;
    this.mask = mask;
  }

  public Redactor redactor() {
    return redactor;
  }

  /** The exchange's request target, with the segments and parameters its operation marks masked. */
  public String uri(Exchange e) {
    if (e.safe()) {
      return e.uri();
    }
    String uri = redactor.uri(e.uri());
    return mask == null ? uri : mask.target(uri, mask.fields().of(e.vendor(), e.operationId()));
  }

  /** Free text (a message, a violation, a path): secrets, then documents and e-mail addresses. */
  public String text(String text) {
    String redacted = redactor.text(text);
    return mask == null ? redacted : mask.text(redacted);
  }

  /** Free text that the exchange holds (its error, a violation's message), as {@link #text}. */
  public String text(Exchange e, String text) {
    return e.safe() ? text : text(text);
  }

  /** A body of the exchange as JSON (or text), at most {@code limit} bytes of it shown. */
  public Object body(Exchange e, Buffer raw, String contentType, boolean request, int limit) {
    Object shown = redactor.body(raw, contentType, limit);
    if (mask == null || e.safe()) {
      return shown;
    }
    Marks marks = mask.fields().of(e.vendor(), e.operationId());
    Map<String, PersonalDataMask.Kind> marked = request ? marks.request() : marks.response();
    return mask.json(shown, marked);
  }

  /**
   * The exchange as this view shows it, made once, for a journal that should not hold what it never
   * shows (a heap dump of it, or any later reader, finds no credential or real CPF). A body cut at
   * the journal's limit keeps only its size: it is never shown, and redacting a prefix cut anywhere
   * (in the middle of a token) could not be trusted.
   */
  public Exchange kept(Exchange e) {
    if (e.safe()) {
      return e;
    }
    return new Exchange(
        e.id(),
        e.at(),
        e.vendor(),
        e.operationId(),
        e.mode(),
        e.method(),
        uri(e),
        headers(e.requestHeaders()),
        body(e, e.requestBody(), contentType(e.requestHeaders()), true),
        e.status(),
        e.responseContentType(),
        headers(e.responseHeaders()),
        body(e, e.responseBody(), e.responseContentType(), false),
        e.violations().stream()
            .map(v -> new Violation(v.in(), text(v.location()), text(v.message())))
            .toList(),
        text(e.error()),
        e.notes().stream().map(this::text).toList(),
        e.durationNanos(),
        e.world(),
        true,
        e.success());
  }

  private MultiMap headers(MultiMap headers) {
    if (headers == null) {
      return null;
    }
    MultiMap safe = MultiMap.caseInsensitiveMultiMap();
    headers.forEach(
        h ->
            safe.add(
                h.getKey(), redactor.secretName(h.getKey()) ? Redactor.MASK : text(h.getValue())));
    return safe;
  }

  private static String contentType(MultiMap headers) {
    return headers == null ? null : headers.get("Content-Type");
  }

  /**
   * A kept body in the form it is shown: JSON encoded, a form as a form, other text as text; a body
   * that is neither JSON nor a form and holds nothing to hide stays as it came, bytes that are not
   * UTF-8 (a body that did not inflate) among them.
   */
  private Captured body(Exchange e, Captured captured, String contentType, boolean request) {
    if (captured.truncated()) {
      return new Captured(Buffer.buffer(), captured.size());
    }
    if (captured.kept().length() == 0
        || (mask == null && redactor.holdsNothingToRedact(captured.kept()))) {
      return captured;
    }
    Object shown = body(e, captured.kept(), contentType, request, Integer.MAX_VALUE);
    Buffer safe;
    if (shown instanceof String text) {
      if (text.equals(captured.kept().toString())) {
        return captured;
      }
      safe = Buffer.buffer(text);
    } else if (shown instanceof JsonObject form
        && Redactor.readsAsForm(new Body(captured.kept()), contentType)) {
      safe = Buffer.buffer(form(form));
    } else {
      safe = Json.encodeToBuffer(shown);
    }
    return new Captured(safe, safe.length());
  }

  private static String form(JsonObject fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach(
        f -> {
          if (out.length() > 0) {
            out.append('&');
          }
          out.append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(String.valueOf(f.getValue()), StandardCharsets.UTF_8));
        });
    return out.toString();
  }
}
