package dev.integrationsandbox.core;

import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Vendor;
import java.util.List;

/**
 * Holds a request to its vendor's contract, in every mode: the media type where the vendor checks
 * it, then parameters and body. A body sent to an operation that takes none is ignored, as API
 * gateways and web frameworks ignore it (a GET with {@code Content-Type: application/json} and
 * {@code {}} is served). A departure is a {@link Failure} that the vendor's dialect renders.
 */
final class RequestCheck {

  private RequestCheck() {}

  static void check(Vendor vendor, Contract contract, Call call) {
    if (vendor.checksContentType()
        && contract.hasRequestBody(call.operationId())
        && !call.body().isEmpty()
        && !contract.accepts(call.operationId(), call.contentType())) {
      throw Failure.of(
          Failure.Kind.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type " + call.contentType() + " is not accepted by " + call.operationId());
    }
    List<Violation> violations = contract.validateRequest(call);
    if (!violations.isEmpty()) {
      throw Failure.invalid(violations);
    }
  }
}
