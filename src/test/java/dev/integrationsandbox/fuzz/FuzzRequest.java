package dev.integrationsandbox.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request, ready to send as bytes: what a failure reports, so its {@link #toString()}
 * is a reproducer (method, target, headers and the body's text).
 *
 * @param mutation how the request departs from a valid one ({@code VALID} when it does not)
 * @param headers in order, repeated names allowed
 * @param body null for none
 */
record FuzzRequest(
    FuzzOperation operation,
    String mutation,
    String method,
    String uri,
    List<String[]> headers,
    byte[] body) {

  String vendor() {
    return operation.vendor();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(operation).append(" [").append(mutation).append("]\n  ");
    b.append(method).append(' ').append(abbreviate(uri, 300));
    for (String[] h : headers) {
      b.append("\n  ").append(h[0]).append(": ").append(abbreviate(h[1], 120));
    }
    if (body != null) {
      String text = new String(body, StandardCharsets.UTF_8);
      b.append("\n  body (").append(body.length).append(" bytes): ");
      b.append(abbreviate(text, 600));
    }
    return b.toString();
  }

  private static String abbreviate(String s, int max) {
    String visible = s.replace("\u0000", "\\u0000");
    return visible.length() <= max
        ? visible
        : visible.substring(0, max) + "…(" + visible.length() + " chars)";
  }
}
