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
 * and what recordings will be written from. Like WireMock's {@code ServeEvent}, it is made once,
 * when the answer is sent, and then only read.
 *
 * @param at the sandbox clock's time when the request arrived
 * @param operationId null when no operation matched
 * @param error the sandbox-side diagnostic (never sent to the client), or null
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
    Buffer requestBody,
    int status,
    String responseContentType,
    MultiMap responseHeaders,
    Buffer responseBody,
    List<Violation> violations,
    String error,
    long durationNanos) {}
