package dev.integrationsandbox.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A request shape's index key: 128 bits of the SHA-256 of its canonical text, so that a recording
 * of 100,000 exchanges keys its index on two longs each rather than on their whole requests. Two
 * different shapes share a key with a probability of about n²/2¹²⁹ (10⁻²⁹ for 100,000): the hash is
 * for size, not for secrecy.
 */
record ShapeKey(long high, long low) {

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
          });

  static ShapeKey of(String canonical) {
    ByteBuffer digest =
        ByteBuffer.wrap(SHA256.get().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    return new ShapeKey(digest.getLong(), digest.getLong());
  }
}
