package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.support.SandboxClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.function.Executable;

/** The committed fixtures, a frozen clock and predictable call ids, shared by the Vocom tests. */
final class VocomTestWorld {

  static final String COMPANY = "894343d2-3f02-4c02-909b-a0bfa57c0a93";
  static final String API_KEY = "e45c53c6-049f-474d-896a-8e891ec57473";

  /** The vendor document's cURL header, {@code api_key:<API_KEY>}. */
  static final String SEED_AUTHORIZATION =
      "Basic YXBpX2tleTplNDVjNTNjNi0wNDlmLTQ3NGQtODk2YS04ZTg5MWVjNTc0NzM=";

  static final String OTHER_COMPANY = "5b1d7c2e-8f4a-4e63-9c1d-2a7e0f3b6d58";
  static final String OTHER_API_KEY = "0f6e2a91-3c7d-4b58-a1e4-9d2c8b7f6a30";

  static final String LANCHE = "0c8a9f1f-b49d-42d5-9b6b-2c108619aa7c";
  static final String FEEDBACK = "816b6751-0592-44dc-a311-b870f7850750";

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
    return new CallCenter(FIXTURES.companies().get(COMPANY), clock, this::nextCallId);
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
