package dev.integrationsandbox.postcenter;

import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.StandIns;
import dev.integrationsandbox.support.SandboxClock;
import java.util.List;
import java.util.Map;

/** PostCenter's establishments, loaded once and shared by every world. */
final class PostCenterEmulation implements Emulation<TicketDesk> {

  private final List<Establishment> establishments;

  PostCenterEmulation(List<Establishment> establishments) {
    this.establishments = List.copyOf(establishments);
  }

  @Override
  public Emulator<TicketDesk> newEmulator(SandboxClock clock) {
    return new PostCenterEmulator(establishments, clock);
  }

  @Override
  public String summary() {
    return establishments.size()
        + " establishments, "
        + establishments.stream().mapToInt(e -> e.tickets().size()).sum()
        + " tickets";
  }

  /** The first establishment's API key. */
  @Override
  public StandIns standIns() {
    return establishments.stream()
        .findFirst()
        .map(e -> new StandIns("Key " + e.apiKey(), Map.of()))
        .orElse(StandIns.NONE);
  }
}
