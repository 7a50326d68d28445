package dev.integrationsandbox.fault;

import dev.integrationsandbox.spi.FaultPreset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A vendor as faults can aim at it: its operations and its presets, so that an admin request naming
 * a typo is refused with the names that exist.
 */
public record FaultTarget(String vendor, Set<String> operations, List<FaultPreset> presets) {

  public FaultTarget {
    operations = Set.copyOf(operations);
    presets = List.copyOf(presets);
  }

  Optional<FaultPreset> preset(String name) {
    return presets.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  List<String> presetNames() {
    return presets.stream().map(FaultPreset::name).toList();
  }
}
