package dev.integrationsandbox.spi;

/**
 * The part of a {@link Vendor} that every vendor writes alike: a fixed descriptor and, unless it
 * overrides {@link #dialect(Call)} to choose by path, one dialect for every call.
 */
public abstract class DescribedVendor implements Vendor {

  private final Descriptor descriptor;
  private final Dialect dialect;

  protected DescribedVendor(Descriptor descriptor, Dialect dialect) {
    this.descriptor = descriptor;
    this.dialect = dialect;
  }

  @Override
  public final Descriptor descriptor() {
    return descriptor;
  }

  @Override
  public Dialect dialect(Call call) {
    return dialect;
  }
}
