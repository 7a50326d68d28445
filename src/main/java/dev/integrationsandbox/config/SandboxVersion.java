package dev.integrationsandbox.config;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest; "development" when run from classes. */
public final class SandboxVersion implements IVersionProvider {

  public static String get() {
    String version = SandboxVersion.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"integration-sandbox " + get()};
  }
}
