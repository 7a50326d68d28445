package dev.integrationsandbox.vocom;

import java.util.List;
import java.util.Optional;

/**
 * The Vocom PBX an API key opens: one sandbox tenant, holding one or more FusionPBX domains (a
 * {@link CallCenter} each, addressed by {@code company_id}).
 *
 * <p>The reference server has one key per PBX, and only the commands that address the PBX domain
 * (calls, agent list, reports) read {@code company_id}; login, logout and breaks name the agent
 * alone. So a {@code company_id} that is not a domain of this key's PBX (another tenant's included)
 * is an unknown domain, never another tenant's data and never an authentication error.
 */
final class Pbx {

  private final List<CallCenter> domains;

  Pbx(List<CallCenter> domains) {
    if (domains.isEmpty()) {
      throw new IllegalArgumentException("a PBX has at least one domain");
    }
    this.domains = List.copyOf(domains);
  }

  List<CallCenter> domains() {
    return domains;
  }

  /** The domain a {@code company_id} names, if it is one of this PBX's. */
  Optional<CallCenter> domain(String companyId) {
    return domains.stream().filter(d -> d.companyId().equals(companyId)).findFirst();
  }

  /**
   * Where the agent commands act: mod_callcenter names agents without their domain, so the first
   * domain that has the agent, else the first domain (which then answers as for an unknown agent).
   */
  CallCenter forAgent(String agentName) {
    return domains.stream().filter(d -> d.hasAgent(agentName)).findFirst().orElse(domains.get(0));
  }
}
