package dev.integrationsandbox.hubsoft;

import java.util.List;
import java.util.Locale;

/**
 * A Passport client of one HubSoft installation, with the API users allowed to take tokens through
 * it (HubSoft's administrator creates both for each integration).
 */
record OAuthClient(String clientId, String clientSecret, String provedor, List<ApiUser> users) {

  /** An API user: the e-mail and password of the password grant, and the name HubSoft shows. */
  record ApiUser(long id, String username, String password, String name) {}

  /** The user with these credentials; the e-mail is matched case-insensitively, as MySQL does. */
  ApiUser user(String username, String password) {
    for (ApiUser u : users) {
      if (u.username().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))
          && u.password().equals(password)) {
        return u;
      }
    }
    return null;
  }
}
