package dev.integrationsandbox.postcenter;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * An agent ("ejecutivo", "cm" in PostCenter's answers) of an establishment: who may be assigned a
 * ticket, and whether automatic assignment may pick them now.
 *
 * @param email optional, as the vendor documents it: null when the agent has none
 * @param assignableTo the ids of the accounts whose tickets the agent may take
 */
public record Agent(long cmid, String name, String email, boolean online, Set<Long> assignableTo) {

  public Agent {
    assignableTo = Set.copyOf(assignableTo);
  }

  public boolean canTake(Account account) {
    return online && assignableTo.contains(account.id());
  }

  /** The vendor's {@code CMEmbeddedSerializer}: {@code cmid}, {@code name}, optional email. */
  public JsonObject embedded() {
    JsonObject json = new JsonObject().put("cmid", cmid).put("name", name);
    if (email != null) {
      json.put("email", email);
    }
    return json;
  }
}
