package dev.integrationsandbox.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * A JSON answer written straight into a Buffer by Jackson's streaming generator: an answer built
 * per request as a JsonObject tree costs a map entry per field and a second walk to encode it (a
 * fifth of the event loops' time on HubSoft's 1.5 KB create answer). Every value goes through
 * {@link JacksonCodec#encodeJson}, the encoder of {@code JsonObject}, so the bytes are those the
 * tree would have given.
 */
public final class JsonOut {

  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * Field names, quoted and encoded once: they are the code's literals, and escaping them char by
   * char was most of the generator's time (HubSoft's create answer is 40 % names). Found by the
   * name's identity (a literal is one object), a few slots from its identity hash, since a map's
   * lookup by equality cost half of what it saved. Entries are immutable and checked by identity
   * before use, so the event loops share the table without locks (an entry lost to a racing write
   * is written again in the next slot); names from data fill at most the table, then are encoded on
   * each use, and a name longer than {@link #NAME_KEPT_MAX} is never kept, so the table stays small
   * whatever a client could make the code write.
   */
  private static final Name[] NAMES = new Name[4096];

  private static final int PROBES = 4;

  private static final int NAME_KEPT_MAX = 64;

  private record Name(String text, SerializedString encoded) {}

  private final JsonGenerator generator;

  private JsonOut(JsonGenerator generator) {
    this.generator = generator;
  }

  /** The bytes {@code writer} writes; {@code sizeHint} is the usual size, to avoid regrowing. */
  public static Buffer write(int sizeHint, Consumer<JsonOut> writer) {
    ByteBuf bytes = Unpooled.buffer(sizeHint);
    try (JsonGenerator g = FACTORY.createGenerator((OutputStream) new ByteBufOutputStream(bytes))) {
      writer.accept(new JsonOut(g));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return BufferInternal.buffer(bytes);
  }

  public JsonOut startObject() {
    return run((g, unused) -> g.writeStartObject(), null);
  }

  /** Starts an object as the value of {@code name}. */
  public JsonOut startObject(String name) {
    return name(name).startObject();
  }

  public JsonOut endObject() {
    return run((g, unused) -> g.writeEndObject(), null);
  }

  /** The name of the field whose value is written next. */
  public JsonOut name(String name) {
    return run(JsonGenerator::writeFieldName, encoded(name));
  }

  private static SerializableString encoded(String name) {
    if (name.length() > NAME_KEPT_MAX) {
      return new SerializedString(name);
    }
    Name[] names = NAMES;
    int at = System.identityHashCode(name) & (names.length - 1);
    for (int probe = 0; probe < PROBES; probe++) {
      int slot = (at + probe) & (names.length - 1);
      Name known = names[slot];
      if (known == null) {
        Name fresh = new Name(name, new SerializedString(name));
        names[slot] = fresh;
        return fresh.encoded();
      }
      if (known.text() == name) {
        return known.encoded();
      }
    }
    return new SerializedString(name);
  }

  /** Starts an array as the value of {@code name}. */
  public JsonOut startArray(String name) {
    return name(name).run((g, unused) -> g.writeStartArray(), null);
  }

  public JsonOut endArray() {
    return run((g, unused) -> g.writeEndArray(), null);
  }

  /** A field whose value is anything a JsonObject holds, null included. */
  public JsonOut field(String name, Object value) {
    return name(name).run((g, v) -> JacksonCodec.encodeJson(v, g), value);
  }

  /**
   * A field whose value is JSON written once ({@link #fragment}): for a part of an answer that
   * never changes, such as a fixture's customer.
   */
  public JsonOut raw(String name, Fragment value) {
    return name(name).run(JsonGenerator::writeRawValue, value.json);
  }

  /** A JSON value's bytes, to be written as they are by {@link #raw}. */
  public static final class Fragment {
    private final SerializableString json;

    private Fragment(SerializableString json) {
      this.json = json;
    }
  }

  /** The JSON value {@code writer} writes (one value: an object, an array…), as a fragment. */
  public static Fragment fragment(Consumer<JsonOut> writer) {
    return new Fragment(new SerializedString(write(256, writer).toString()));
  }

  /** One call on the generator; the steps capture nothing, so they cost no allocation. */
  private interface Step<T> {
    void write(JsonGenerator generator, T argument) throws IOException;
  }

  private <T> JsonOut run(Step<T> step, T argument) {
    try {
      step.write(generator, argument);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
