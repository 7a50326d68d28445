package dev.integrationsandbox.postcenter;

import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.support.SandboxClock;
import java.util.List;

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
}
