package dev.integrationsandbox.core;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A readable copy of a body that an upstream compressed: the client receives the compressed bytes
 * unchanged, while validation, the journal and recordings need the JSON inside. The copy is bounded
 * by {@link #MAX_DECODED} so that a small "zip bomb" cannot exhaust memory.
 */
public final class ContentCoding {

  /** The most bytes a compressed body is expanded to; past it the copy is cut. */
  static final int MAX_DECODED = 16 * 1024 * 1024;

  private ContentCoding() {}

  /** The body decoded per its {@code Content-Encoding}; the body itself when not encoded. */
  public static Buffer decoded(MultiMap headers, Buffer body) {
    String coding = headers.get("Content-Encoding");
    if (coding == null || body.length() == 0) {
      return body;
    }
    String c = coding.trim().toLowerCase(Locale.ROOT);
    try {
      return switch (c) {
        case "gzip", "x-gzip" ->
            read(new GZIPInputStream(new ByteArrayInputStream(body.getBytes())));
        case "deflate" -> read(new InflaterInputStream(new ByteArrayInputStream(body.getBytes())));
        default -> body;
      };
    } catch (IOException e) {
      return body;
    }
  }

  private static Buffer read(InputStream in) throws IOException {
    try (in) {
      return Buffer.buffer(in.readNBytes(MAX_DECODED));
    }
  }
}
