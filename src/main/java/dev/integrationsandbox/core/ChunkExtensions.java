package dev.integrationsandbox.core;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpObjectDecoder;
import java.lang.reflect.Field;

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
    if (grammatical(buffer, from, end - 1)) {
      for (int i = semicolon; i < end - 1; i++) {
        buffer.setByte(i, ' ');
      }
    }
  }

  /**
   * Whether bytes [from, to) are chunk extensions as RFC 9112 writes them: {@code *( BWS ";" BWS
   * token [ BWS "=" BWS ( token / quoted-string ) ] ) BWS}, read in one pass (a regular expression
   * recurses per character and overflows an event loop's stack on a long line).
   */
  static boolean grammatical(ByteBuf b, int from, int to) {
    int i = blanks(b, from, to);
    if (i == to) {
      return false;
    }
    while (i < to) {
      if (b.getByte(i) != ';') {
        return false;
      }
      i = blanks(b, i + 1, to);
      int name = token(b, i, to);
      if (name == i) {
        return false;
      }
      i = blanks(b, name, to);
      if (i < to && b.getByte(i) == '=') {
        i = blanks(b, i + 1, to);
        int value = i < to && b.getByte(i) == '"' ? quoted(b, i, to) : token(b, i, to);
        if (value <= i) {
          return false;
        }
        i = blanks(b, value, to);
      }
    }
    return true;
  }

  private static int blanks(ByteBuf b, int i, int to) {
    while (i < to && isBlank(b.getByte(i))) {
      i++;
    }
    return i;
  }

  private static int token(ByteBuf b, int i, int to) {
    while (i < to && isTokenChar(b.getByte(i))) {
      i++;
    }
    return i;
  }

  /** The end of a quoted string starting at {@code i}, or -1 when it does not close. */
  private static int quoted(ByteBuf b, int i, int to) {
    for (int j = i + 1; j < to; j++) {
      int c = b.getByte(j) & 0xFF;
      if (c == '"') {
        return j + 1;
      }
      if (c == '\\') {
        j++;
        int escaped = j < to ? b.getByte(j) & 0xFF : -1;
        if (escaped != '\t' && escaped != ' ' && (escaped < 0x21 || escaped == 0x7F)) {
          return -1;
        }
      } else if (!isQuotedChar(c)) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isTokenChar(byte b) {
    return b > 32 && b < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(b) < 0;
  }

  /** qdtext and the characters a quoted-pair may escape, less the quote and backslash. */
  private static boolean isQuotedChar(int c) {
    return c == '\t' || c == ' ' || c >= 0x21 && c != '"' && c != '\\' && c != 0x7F;
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
