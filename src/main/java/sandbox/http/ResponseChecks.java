package sandbox.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import sandbox.config.ResponseValidation;

/**
 * Decides which answers are held to the contract on their way out.
 *
 * <p>Validating a response with vertx-json-schema costs tens of microseconds (60 µs for BTG's
 * 462-byte {@code tickets/info}), ten times the rest of the request path. For an emulator's own
 * answers, which the test suite validates exhaustively, {@link ResponseValidation#SAMPLED} checks
 * the first {@value #FIRST} answers of each operation and status, then one in {@value #EVERY}: a
 * shape bug still shows in the journal and metrics within seconds, at a fiftieth of the cost.
 */
final class ResponseChecks {

  static final int FIRST = 50;
  static final int EVERY = 64;

  private record Key(String vendor, String operation, int status) {}

  private final ResponseValidation policy;
  private final ConcurrentHashMap<Key, AtomicLong> seen = new ConcurrentHashMap<>();

  ResponseChecks(ResponseValidation policy) {
    this.policy = policy;
  }

  boolean shouldCheck(String vendor, String operation, int status) {
    return switch (policy) {
      case ALL -> true;
      case OFF -> false;
      case SAMPLED -> {
        long n =
            seen.computeIfAbsent(new Key(vendor, operation, status), k -> new AtomicLong())
                .getAndIncrement();
        yield n < FIRST || n % EVERY == 0;
      }
    };
  }
}
