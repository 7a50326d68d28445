package dev.integrationsandbox.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.Exchange.Captured;
import dev.integrationsandbox.record.PersonalDataFields.Marks;
import dev.integrationsandbox.record.PersonalDataMask.Kind;
import io.netty.buffer.ByteBuf;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One exchange as a line of a recording, redacted: the format that {@code
 * contracts/recording.schema.json} describes and that replay, HAR export and other tools read.
 * Bodies are kept as JSON when they parse (secret fields masked), as text otherwise.
 *
 * <p>A line is written token by token with a streaming generator straight into the recorder's
 * {@link LineBuffer}, and a JSON body is copied from a streaming parser, each field redacted and
 * masked as it passes: no tree of the exchange is built and encoded again, which cost the recorder
 * thread more than half of its time. The result is the value that {@link Redactor#body} and {@link
 * PersonalDataMask#json(Object, Map)} give, which replay relies on to match live requests against
 * recorded ones. Fields, path segments and query parameters that the operation's contract marks as
 * personal data ({@link PersonalDataFields}) are masked by their kind. The values of secret-named
 * fields are learned on the way, for the last check.
 *
 * <p>Not thread-safe: one instance belongs to the recorder thread.
 */
final class RecordingLine {

  /** The format's version, the line's {@code "format"} field. */
  static final int FORMAT = 1;

  /**
   * A line's generator, a body's parser and its generator are open at once: a pool of buffer sets
   * (instead of Jackson's one per thread) lets all three reuse theirs from line to line.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .recyclerPool(JsonRecyclerPools.newLockFreePool())
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .build();

  /** Field names seen in bodies are few; past this many, the cache starts again. */
  private static final int NAMES_CACHED = 4096;

  /** A field whose name says secret: its value, whatever it is, is recorded as the mask. */
  private static final Object SECRET = new Object();

  /**
   * A line's field names, encoded once: a name given as a {@code String} is escaped and encoded
   * again on every line, which took the generator as long as the values.
   */
  private static final SerializedString FORMAT_FIELD = new SerializedString("format"),
      ID = new SerializedString("id"),
      AT = new SerializedString("at"),
      VENDOR = new SerializedString("vendor"),
      OPERATION = new SerializedString("operation"),
      MODE = new SerializedString("mode"),
      WORLD = new SerializedString("world"),
      DURATION_MS = new SerializedString("durationMs"),
      REQUEST = new SerializedString("request"),
      METHOD = new SerializedString("method"),
      URI = new SerializedString("uri"),
      RESPONSE = new SerializedString("response"),
      STATUS = new SerializedString("status"),
      VIOLATIONS = new SerializedString("violations"),
      IN = new SerializedString("in"),
      LOCATION = new SerializedString("location"),
      MESSAGE = new SerializedString("message"),
      ERROR = new SerializedString("error"),
      HEADERS = new SerializedString("headers"),
      CONTENT_TYPE = new SerializedString("content-type"),
      BODY = new SerializedString("body"),
      BODY_SIZE = new SerializedString("bodySize"),
      BODY_TRUNCATED = new SerializedString("bodyTruncated");

  /** A name met in headers or bodies, encoded once, and what its value is recorded as. */
  private record Name(SerializedString encoded, Object rule) {}

  private final Redactor redactor;
  private final PersonalDataMask mask;
  private final int bodyLimit;
  private final Map<String, Name> fields = new HashMap<>();
  private final Map<String, Name> headerNames = new HashMap<>();

  /**
   * @param mask replaces personal data in paths, bodies and messages; null to keep it
   * @param bodyLimit bodies larger than this are recorded as their size only
   */
  RecordingLine(Redactor redactor, PersonalDataMask mask, int bodyLimit) {
    this.redactor = redactor;
    this.mask = mask;
    this.bodyLimit = bodyLimit;
  }

  /** Appends the exchange as one line, newline included. */
  void append(Exchange e, LineBuffer out) {
    Marks marks = mask == null ? Marks.NONE : mask.fields().of(e.vendor(), e.operationId());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName(FORMAT_FIELD);
      g.writeNumber(FORMAT);
      field(g, ID, e.id());
      field(g, AT, e.at().toString());
      field(g, VENDOR, e.vendor());
      field(g, OPERATION, e.operationId());
      field(g, MODE, e.mode() == null ? null : e.mode().id());
      field(g, WORLD, e.world());
      g.writeFieldName(DURATION_MS);
      g.writeNumber(e.durationNanos() / 1_000_000.0);
      g.writeFieldName(REQUEST);
      g.writeStartObject();
      field(g, METHOD, e.method().name());
      String uri = redactor.uri(e.uri());
      field(g, URI, mask == null ? uri : mask.target(uri, marks));
      headers(g, e.requestHeaders(), null);
      body(g, out, e.requestBody(), e.requestHeaders().get("Content-Type"), marks.request());
      g.writeEndObject();
      g.writeFieldName(RESPONSE);
      g.writeStartObject();
      g.writeFieldName(STATUS);
      g.writeNumber(e.status());
      headers(g, e.responseHeaders(), e.responseContentType());
      body(g, out, e.responseBody(), e.responseContentType(), marks.response());
      g.writeEndObject();
      g.writeFieldName(VIOLATIONS);
      g.writeStartArray();
      for (Violation v : e.violations()) {
        g.writeStartObject();
        field(g, IN, v.in());
        field(g, LOCATION, masked(redactor.text(v.location())));
        field(g, MESSAGE, masked(redactor.text(v.message())));
        g.writeEndObject();
      }
      g.writeEndArray();
      field(g, ERROR, masked(redactor.text(e.error())));
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    out.write('\n');
  }

  private static void field(JsonGenerator g, SerializableString name, String value)
      throws IOException {
    g.writeFieldName(name);
    g.writeString(value);
  }

  /**
   * Headers by lower-case name, secrets masked; {@code contentType} is added when the headers lack
   * it (an emulated answer carries it apart from them). The headers are walked in their order, not
   * through {@code names()}, which builds a sorted set for every line; a name that comes twice
   * (rare) has its values joined, as one JSON field.
   */
  private void headers(JsonGenerator g, MultiMap headers, String contentType) throws IOException {
    g.writeFieldName(HEADERS);
    g.writeStartObject();
    boolean typed = contentType == null;
    Set<String> written = null;
    for (Map.Entry<String, String> header : headers) {
      Name name = headerName(header.getKey());
      String key = name.encoded().getValue();
      if (written != null && written.contains(key)) {
        continue;
      }
      typed |= key.equals("content-type");
      List<String> values = headers.getAll(key);
      if (values.size() > 1) {
        if (written == null) {
          written = new HashSet<>();
        }
        written.add(key);
      }
      if (name.rule() == SECRET) {
        field(g, name.encoded(), Redactor.MASK);
      } else {
        field(
            g,
            name.encoded(),
            redactor.text(values.size() == 1 ? header.getValue() : String.join(", ", values)));
      }
    }
    if (!typed) {
      field(g, CONTENT_TYPE, redactor.text(contentType));
    }
    g.writeEndObject();
  }

  /** Header names are few and repeat on every line: each is lower-cased and encoded once. */
  private Name headerName(String name) {
    Name known = headerNames.get(name);
    if (known == null) {
      if (headerNames.size() >= NAMES_CACHED) {
        headerNames.clear();
      }
      known = name(name.toLowerCase(Locale.ROOT));
      headerNames.put(name, known);
    }
    return known;
  }

  /**
   * @param marked the fields that the operation's contract marks as personal data in this body
   */
  private void body(
      JsonGenerator g, LineBuffer out, Captured body, String contentType, Map<String, Kind> marked)
      throws IOException {
    g.writeFieldName(BODY);
    Buffer raw = body.kept();
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (raw.length() == 0 || raw.length() > bodyLimit || type.contains("x-www-form-urlencoded")) {
      if (raw.length() > 0 && raw.length() <= Redactor.SCANNED_FILE_MAX) {
        redactor.learn(null, raw, contentType);
      }
      Object shown = redactor.body(raw, contentType, bodyLimit);
      tree(g, mask == null ? shown : mask.json(shown, marked));
    } else {
      // Written by a generator of its own onto the same bytes, so that a body found not to be
      // JSON half-way can be cut off and written again as text.
      g.writeRawValue("");
      g.flush();
      int start = out.size();
      try (JsonParser p = parser(raw);
          JsonGenerator copy = JSON.createGenerator(out)) {
        copyJson(p, copy, marked);
      } catch (IOException notJson) {
        out.truncate(start);
        try (JsonGenerator text = JSON.createGenerator(out)) {
          text.writeString(masked(redactor.text(raw.toString())));
        }
      }
    }
    g.writeFieldName(BODY_SIZE);
    g.writeNumber(body.size());
    if (body.truncated()) {
      g.writeFieldName(BODY_TRUNCATED);
      g.writeBoolean(true);
    }
  }

  /** A parser over the body's bytes where they lie, rather than over a copy of them. */
  private static JsonParser parser(Buffer body) throws IOException {
    ByteBuf buf = ((BufferInternal) body).getByteBuf();
    if (!buf.hasArray()) {
      return JSON.createParser(body.getBytes());
    }
    return JSON.createParser(
        buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes());
  }

  /**
   * Copies one JSON document: each field of a secret name becomes the mask (its string value
   * learned), each string is redacted as text and masked by its field's kind of personal data.
   */
  private void copyJson(JsonParser p, JsonGenerator g, Map<String, Kind> marked)
      throws IOException {
    Name field = null;
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      if (t == JsonToken.FIELD_NAME) {
        field = fieldName(p.currentName());
        g.writeFieldName(field.encoded());
        continue;
      }
      Object rule = field == null ? Kind.TEXT : field.rule();
      if (rule != SECRET && field != null && !marked.isEmpty()) {
        rule = marked.getOrDefault(field.encoded().getValue(), (Kind) rule);
      }
      field = null;
      if (rule == SECRET) {
        if (t == JsonToken.VALUE_STRING) {
          redactor.learnSecret(p.getText());
        }
        p.skipChildren();
        g.writeString(Redactor.MASK);
      } else if (t == JsonToken.VALUE_STRING) {
        String text = redactor.text(p.getText());
        g.writeString(mask == null ? text : mask.masked((Kind) rule, text));
      } else if (t == JsonToken.VALUE_NUMBER_INT && mask != null) {
        Object masked = mask.number((Kind) rule, p.getText());
        if (masked instanceof String text) {
          g.writeString(text);
        } else {
          g.writeNumber(masked.toString());
        }
      } else {
        g.copyCurrentEvent(p);
      }
      if (p.getParsingContext().inRoot()) {
        if (p.nextToken() != null) {
          throw new JsonParseException(p, "more than one JSON value");
        }
        return;
      }
    }
    throw new JsonParseException(p, "no JSON value");
  }

  /** A body's field name, encoded, with its rule; field names repeat from line to line. */
  private Name fieldName(String field) {
    Name known = fields.get(field);
    if (known == null) {
      if (fields.size() >= NAMES_CACHED) {
        fields.clear();
      }
      known = name(field);
      fields.put(field, known);
    }
    return known;
  }

  /**
   * The name encoded, and its rule: {@link #SECRET}, or the kind of personal data a field of this
   * name holds.
   */
  private Name name(String field) {
    return new Name(
        new SerializedString(field),
        redactor.secretName(field) ? SECRET : mask == null ? Kind.TEXT : mask.kindOf(field));
  }

  private String masked(String text) {
    return mask == null ? text : mask.text(text);
  }

  /** A JSON value built by the redactor (a form, a text, a size note), written as it is. */
  private static void tree(JsonGenerator g, Object value) throws IOException {
    if (value instanceof JsonObject o) {
      g.writeStartObject();
      for (Map.Entry<String, Object> field : o) {
        g.writeFieldName(field.getKey());
        tree(g, field.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof JsonArray a) {
      g.writeStartArray();
      for (Object item : a) {
        tree(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Number n) {
      g.writeNumber(n.toString());
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeNull();
    }
  }
}
