package dev.integrationsandbox.record;

import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.record.PersonalDataFields.Marks;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * An exchange as the sandbox shows it anywhere but on the wire (the journal, the inspector, the
 * violations report, log lines): secrets redacted, and, when masking is on, personal data replaced
 * by the same fakes the recorder writes, by the contract's marks and then by format. One place, so
 * that what a recording keeps from a team is not shown to it through the admin API or a log.
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
    String uri = redactor.uri(e.uri());
    return mask == null ? uri : mask.target(uri, mask.fields().of(e.vendor(), e.operationId()));
  }

  /** Free text (a message, a violation, a path): secrets, then documents and e-mail addresses. */
  public String text(String text) {
    String redacted = redactor.text(text);
    return mask == null ? redacted : mask.text(redacted);
  }

  /** A body of the exchange as JSON (or text), at most {@code limit} bytes of it shown. */
  public Object body(Exchange e, Buffer raw, String contentType, boolean request, int limit) {
    Object shown = redactor.body(raw, contentType, limit);
    if (mask == null) {
      return shown;
    }
    Marks marks = mask.fields().of(e.vendor(), e.operationId());
    Map<String, PersonalDataMask.Kind> marked = request ? marks.request() : marks.response();
    return mask.json(shown, marked);
  }
}
