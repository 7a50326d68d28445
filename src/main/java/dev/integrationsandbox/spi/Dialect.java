package dev.integrationsandbox.spi;

/**
 * How one vendor (or one of its hosts) says that something went wrong: BTG's API gateway answers
 * {@code 401 {"message":"Unauthorized"}}, Cognito {@code 400 {"error":"invalid_client"}}, Vocom
 * {@code 200 {"response":{…,"status":"error","status_type":"params_failed"}}}. A client written
 * against the real vendor parses these, so the sandbox never answers in any other shape.
 */
@FunctionalInterface
public interface Dialect {

  /**
   * Renders a failure.
   *
   * @param call the request, when one was routed (for echoes such as Vocom's {@code agent}); its
   *     operationId may be null for unknown routes
   */
  Reply render(Failure failure, Call call);
}
