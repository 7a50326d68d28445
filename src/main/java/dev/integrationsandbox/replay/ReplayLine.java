package dev.integrationsandbox.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.DecodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a recording line that replay keeps, read with a streaming parser: no JSON tree is
 * built for the line, request headers and the other fields are skipped, and bodies are taken as the
 * JSON text they were written in. Loading a recording of 100,000 exchanges is mostly this.
 *
 * @param method null when the line holds no request and response (not an exchange to replay)
 * @param requestBody the request body's JSON text, or null
 * @param responseHeaders the answer's headers as name, value, name, value…
 * @param responseBody the answer body's JSON text, or null when there was none
 * @param responseText the answer body when it is a JSON string (text, or JSON kept as text)
 */
record ReplayLine(
    String id,
    String vendor,
    String operation,
    String method,
    String uri,
    String requestBody,
    int status,
    List<String> responseHeaders,
    String responseBody,
    String responseText) {

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * @throws DecodeException when the line is not a JSON object
   */
  static ReplayLine parse(String line) {
    try (JsonParser p = JSON.createParser(line)) {
      return read(p, line);
    } catch (IOException | RuntimeException e) {
      throw new DecodeException(e.getMessage(), e);
    }
  }

  private static ReplayLine read(JsonParser p, String line) throws IOException {
    expect(p, p.nextToken(), JsonToken.START_OBJECT);
    String id = null;
    String vendor = null;
    String operation = null;
    Message request = null;
    Message response = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "id" -> id = text(p, value);
        case "vendor" -> vendor = text(p, value);
        case "operation" -> operation = text(p, value);
        case "request" -> request = Message.read(p, line, value);
        case "response" -> response = Message.read(p, line, value);
        default -> p.skipChildren();
      }
    }
    if (request == null || response == null) {
      request = new Message();
      response = new Message();
    }
    return new ReplayLine(
        id,
        vendor,
        operation,
        request.method,
        request.uri,
        request.body,
        response.status,
        response.headers,
        response.body,
        response.text);
  }

  /** The parts of a request or a response that replay keeps. */
  private static final class Message {
    String method;
    String uri;
    int status;
    List<String> headers = List.of();
    String body;
    String text;

    static Message read(JsonParser p, String line, JsonToken start) throws IOException {
      expect(p, start, JsonToken.START_OBJECT);
      Message m = new Message();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "method" -> m.method = text(p, value);
          case "uri" -> m.uri = text(p, value);
          case "status" -> m.status = p.getValueAsInt();
          case "headers" -> m.headers = headers(p, value);
          case "body" -> {
            if (value == JsonToken.VALUE_STRING) {
              m.text = p.getText();
            }
            m.body = value == JsonToken.VALUE_NULL ? null : raw(p, line);
          }
          default -> p.skipChildren();
        }
      }
      return m;
    }
  }

  private static List<String> headers(JsonParser p, JsonToken start) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      p.skipChildren();
      return List.of();
    }
    List<String> out = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (value.isScalarValue()) {
        out.add(name);
        out.add(p.getText());
      } else {
        p.skipChildren();
      }
    }
    return out;
  }

  /** The text of the value at hand, as written: from its first character past its last. */
  private static String raw(JsonParser p, String line) throws IOException {
    int start = (int) p.currentTokenLocation().getCharOffset();
    if (p.currentToken().isStructStart()) {
      p.skipChildren();
    } else {
      p.getText();
    }
    return line.substring(start, (int) p.currentLocation().getCharOffset());
  }

  private static String text(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!value.isScalarValue()) {
      p.skipChildren();
      return null;
    }
    return p.getText();
  }

  private static void expect(JsonParser p, JsonToken got, JsonToken wanted) {
    if (got != wanted) {
      throw new DecodeException("expected " + wanted + " at " + p.currentLocation());
    }
  }
}
