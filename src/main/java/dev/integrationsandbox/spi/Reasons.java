package dev.integrationsandbox.spi;

import io.netty.handler.codec.http.HttpResponseStatus;

/** HTTP reason phrases, for dialects that answer an HTTP-level refusal with the bare phrase. */
public final class Reasons {

  private Reasons() {}

  /** {@code 414} → {@code Request-URI Too Long}. */
  public static String phrase(int status) {
    return HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
