package dev.integrationsandbox.spi;

/** The options of a vendor that takes none: any key under {@code vendors.<id>} is refused. */
public record NoOptions() {}
