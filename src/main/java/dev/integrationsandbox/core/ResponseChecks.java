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
 *
 * <p>An upstream's answers (proxy mode) are not sampled: each can be the vendor drifting, so each
 * is checked, except bytes that already passed for the same operation, status and {@code
 * Content-Type}, which cannot fail the second time (the contract reads nothing else of an answer).
 * A proxied operation that keeps answering the same list is then parsed once.
 */
final class ResponseChecks {

  static final int FIRST = 50;
  static final int EVERY = 64;

  private record Key(String vendor, String operation, int status, String contentType) {}

  private static final int REMEMBERED_PER_KEY = 32;

  private final ResponseValidation policy;
  private final ConcurrentHashMap<Key, AtomicLong> seen = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, Set<Long>> passed = new ConcurrentHashMap<>();

  ResponseChecks(ResponseValidation policy) {
    this.policy = policy;
  }

  /** Whether an emulator's answer is validated. */
  boolean shouldCheck(
      String vendor, String operation, int status, String contentType, Buffer body) {
    return switch (policy) {
      case ALL -> true;
      case OFF -> false;
      case SAMPLED -> {
        Key key = new Key(vendor, operation, status, contentType);
        if (passedBefore(key, body)) {
          yield false;
        }
        long n = seen.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
        yield n < FIRST || n % EVERY == 0;
      }
    };
  }

  /** Whether an upstream's answer is validated: unless its very bytes passed before. */
  boolean shouldCheckUpstream(
      String vendor, String operation, int status, String contentType, Buffer body) {
    return policy == ResponseValidation.ALL
        || !passedBefore(new Key(vendor, operation, status, contentType), body);
  }

  private boolean passedBefore(Key key, Buffer body) {
    Set<Long> known = passed.get(key);
    return known != null && known.contains(fingerprint(body));
  }

  /** Remembers an answer that passed, so that the same bytes are not validated again. */
  void passed(String vendor, String operation, int status, String contentType, Buffer body) {
    if (policy == ResponseValidation.ALL) {
      return;
    }
    Set<Long> known =
        passed.computeIfAbsent(
            new Key(vendor, operation, status, contentType), k -> ConcurrentHashMap.newKeySet());
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
