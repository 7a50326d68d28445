package dev.integrationsandbox.spi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The credentials an emulator accepts in place of a recording's redacted ones: a recorded request
 * carries {@code Authorization: ***} or {@code "password": "***"}, and sending it again to the
 * emulator (the fidelity diff does) needs a credential from the emulator's own fixtures.
 *
 * @param authorization the whole {@code Authorization} value for a request that does not send a
 *     token (a token request, or every request of a vendor without tokens); null for none. Bearer
 *     tokens are not here: they are obtained during the run.
 * @param fields values of secret-named body fields ({@code client_secret}, {@code password})
 */
public record StandIns(String authorization, Map<String, String> fields) {

  public static final StandIns NONE = new StandIns(null, Map.of());

  public StandIns {
    fields = Map.copyOf(fields);
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
