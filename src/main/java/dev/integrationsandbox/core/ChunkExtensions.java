package dev.integrationsandbox.core;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpObjectDecoder;
import java.lang.reflect.Field;
import java.util.regex.Pattern;

/**
 * Makes the request decoder ignore chunk extensions, as RFC 9112 §7.1.1 asks ("a recipient MUST
 * ignore unrecognized chunk extensions").
 *
 * <p>Netty 4.2.12 checks a chunk line's extensions and refuses a valid one whose last value is a
 * token ({@code 5;a=b}): its checker accepts the line only when it ends in a name or a quoted
 * value. Before the decoder reads a chunk line, a line whose extensions follow the RFC's grammar
 * has them overwritten with spaces, which the decoder skips after the size. A line that breaks the
 * grammar is left alone, for the decoder to refuse as before.
 *
 * <p>Knowing that the next bytes are a chunk line needs the decoder's private state, read by
 * reflection once per call; when that field cannot be read (another Netty), nothing is changed.
 */
final class ChunkExtensions {

  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  private static final String QUOTED =
      "\"(?:[\\t !#-\\[\\]-~\\x80-\\xFF]|\\\\[\\t -~\\x80-\\xFF])*\"";
  private static final Pattern EXTENSIONS =
      Pattern.compile(
          "(?:[ \\t]*;[ \\t]*"
              + TOKEN
              + "(?:[ \\t]*=[ \\t]*(?:"
              + TOKEN
              + "|"
              + QUOTED
              + "))?)+[ \\t]*");

  /** Longer chunk lines are left to the decoder's own limit. */
  private static final int MAX_LINE = 4096;

  private static final Field STATE = stateField();

  private ChunkExtensions() {}

  /** Blanks the extensions of the chunk line at the buffer's reader index, if one is next. */
  static void ignoreNext(HttpObjectDecoder decoder, ByteBuf buffer) {
    if (STATE == null || buffer.isReadOnly() || !readsChunkSize(decoder)) {
      return;
    }
    int start = buffer.readerIndex();
    int end = buffer.indexOf(start, Math.min(buffer.writerIndex(), start + MAX_LINE), (byte) '\n');
    if (end < 0 || end == start || buffer.getByte(end - 1) != '\r') {
      return;
    }
    int semicolon = buffer.indexOf(start, end - 1, (byte) ';');
    if (semicolon < 0) {
      return;
    }
    int from = semicolon;
    while (from > start && isBlank(buffer.getByte(from - 1))) {
      from--;
    }
    String extensions =
        buffer.toString(from, end - 1 - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    if (EXTENSIONS.matcher(extensions).matches()) {
      for (int i = semicolon; i < end - 1; i++) {
        buffer.setByte(i, ' ');
      }
    }
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t';
  }

  private static boolean readsChunkSize(HttpObjectDecoder decoder) {
    try {
      return "READ_CHUNK_SIZE".equals(String.valueOf(STATE.get(decoder)));
    } catch (IllegalAccessException e) {
      return false;
    }
  }

  private static Field stateField() {
    try {
      Field field = HttpObjectDecoder.class.getDeclaredField("currentState");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
