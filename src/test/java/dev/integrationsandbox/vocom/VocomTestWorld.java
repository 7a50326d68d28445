package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.support.SandboxClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.function.Executable;

/**
 * The committed fixtures, a frozen clock and predictable call ids, shared by the Vocom tests; the
 * fixtures' identities and request bodies are in {@link VocomTestData}.
 */
final class VocomTestWorld {

  static final Instant START = Instant.parse("2026-01-15T11:00:00Z");

  static final VocomFixtures FIXTURES = VocomFixtures.load(Path.of("fixtures", "vocom"));

  final SandboxClock clock = new SandboxClock();
  private final AtomicInteger calls = new AtomicInteger();

  VocomTestWorld() {
    clock.set(START);
    clock.freeze(true);
  }

  String nextCallId() {
    return String.format("00000000-0000-4000-8000-%012d", calls.incrementAndGet());
  }

  CallCenter seedCompany() {
    return new CallCenter(FIXTURES.companies().get(VocomTestData.COMPANY), clock, this::nextCallId);
  }

  VocomEmulator emulator() {
    return new VocomEmulator(FIXTURES, clock, this::nextCallId, Latencies.NONE);
  }

  /** Asserts that {@code command} fails with the vendor's {@code status_type} {@code expected}. */
  static void assertFails(StatusType expected, Executable command) {
    Failure failure = assertThrows(Failure.class, command);
    assertEquals(expected.wire(), failure.code(), failure.getMessage());
  }
}
