package dev.integrationsandbox.spi;

import java.util.List;

/**
 * The part of a {@link Vendor} that every vendor writes alike: a fixed descriptor, its fault
 * presets and, unless it overrides {@link #dialect(Call)} to choose by path, one dialect for every
 * call.
 */
public abstract class DescribedVendor implements Vendor {

  private final Descriptor descriptor;
  private final Dialect dialect;
  private final List<FaultPreset> faultPresets;

  protected DescribedVendor(
      Descriptor descriptor, Dialect dialect, List<FaultPreset> faultPresets) {
    this.descriptor = descriptor;
    this.dialect = dialect;
    this.faultPresets = List.copyOf(faultPresets);
  }

  @Override
  public final Descriptor descriptor() {
    return descriptor;
  }

  @Override
  public Dialect dialect(Call call) {
    return dialect;
  }

  @Override
  public final List<FaultPreset> faultPresets() {
    return faultPresets;
  }
}
