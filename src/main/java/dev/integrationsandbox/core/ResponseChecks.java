package dev.integrationsandbox.core;

import dev.integrationsandbox.config.ResponseValidation;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * Decides which answers are held to the contract on their way out.
 *
 * <p>Validating a response with vertx-json-schema costs tens of microseconds (60 µs for BTG's
 * 462-byte {@code tickets/info}, hundreds for a Vocom {@code oneOf}), ten times the rest of the
 * request path. For an emulator's own answers, which the test suite validates exhaustively, {@link
 * ResponseValidation#SAMPLED} checks the first {@value #FIRST} answers of each operation and
 * status, then one in {@value #EVERY}, and never the same bytes twice (recognised by length and
 * CRC-32C, so a 341 KB report that passed once is not parsed again): a shape bug still shows in the
 * journal and metrics within seconds, at a small fraction of the cost.
 */
final class ResponseChecks {

  static final int FIRST = 50;
  static final int EVERY = 64;

  private record Key(String vendor, String operation, int status) {}

  private static final int REMEMBERED_PER_KEY = 32;

  private final ResponseValidation policy;
  private final ConcurrentHashMap<Key, AtomicLong> seen = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, Set<Long>> passed = new ConcurrentHashMap<>();

  ResponseChecks(ResponseValidation policy) {
    this.policy = policy;
  }

  boolean shouldCheck(String vendor, String operation, int status, Buffer body) {
    return switch (policy) {
      case ALL -> true;
      case OFF -> false;
      case SAMPLED -> {
        Key key = new Key(vendor, operation, status);
        Set<Long> known = passed.get(key);
        if (known != null && known.contains(fingerprint(body))) {
          yield false;
        }
        long n = seen.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
        yield n < FIRST || n % EVERY == 0;
      }
    };
  }

  /** Remembers an answer that passed, so that the same bytes are not validated again. */
  void passed(String vendor, String operation, int status, Buffer body) {
    if (policy != ResponseValidation.SAMPLED) {
      return;
    }
    Set<Long> known =
        passed.computeIfAbsent(
            new Key(vendor, operation, status), k -> ConcurrentHashMap.newKeySet());
    if (known.size() >= REMEMBERED_PER_KEY) {
      known.clear();
    }
    known.add(fingerprint(body));
  }

  /** Length and CRC-32C in one long: equal bodies always match, different ones almost never. */
  static long fingerprint(Buffer body) {
    CRC32C crc = new CRC32C();
    crc.update(((BufferInternal) body).getByteBuf().nioBuffer());
    return ((long) body.length() << 32) ^ crc.getValue();
  }
}
