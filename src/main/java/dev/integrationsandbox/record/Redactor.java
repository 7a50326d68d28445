package dev.integrationsandbox.record;

import dev.integrationsandbox.spi.Body;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Removes secrets before anything leaves the process (the journal, the request log, and later
 * recordings), in two ways, because each alone misses some:
 *
 * <ul>
 *   <li><b>by name</b>: header, query, form and JSON fields whose name says secret ({@code
 *       Authorization}, {@code client_secret}, {@code accessToken}, {@code Api-Key}, {@code
 *       X-Auth-Token}…), at any depth, in a structured body or in text that does not parse;
 *   <li><b>by value</b>: every credential the sandbox was configured with (the admin token, the
 *       fixtures' secrets, keys and passwords) and every token it issues (JWTs, and the credential
 *       of any {@code Basic}, {@code Bearer} or {@code Key} scheme), wherever it appears: a token
 *       form sent with the wrong Content-Type, a malformed JSON body, an error that echoes a
 *       header.
 * </ul>
 *
 * Redaction keeps the shape: a masked value is still there, so a reader sees that a token was sent
 * without seeing the token.
 */
public final class Redactor {

  public static final String MASK = "***";

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i)[a-z0-9_-]*(authorization|cookie|secret|password|senha|token|api[_-]?key|"
              + "credential)[a-z0-9_-]*");

  /**
   * Words one of which every name {@link #SECRET_NAME} matches contains: most names (of every JSON
   * field of every recorded body) hold none, and a few {@code contains} cost far less than the
   * regular expression.
   */
  private static final String[] SECRET_WORDS = {
    "authorization", "cookie", "secret", "password", "senha", "token", "key", "credential"
  };

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern SCHEME_CREDENTIAL =
      Pattern.compile("(?i)\\b(basic|bearer|key)( +)([A-Za-z0-9._~+/=-]{6,})");

  /** The start of a secret-named JSON string field: its value is read by {@link #maskValues}. */
  private static final Pattern JSON_FIELD =
      Pattern.compile("\"" + SECRET_NAME.pattern() + "\"\\s*:\\s*\"");

  private static final Pattern FORM_FIELD =
      Pattern.compile("(?<=^|[?&;\\s,])(" + SECRET_NAME.pattern() + ")=([^&\\s,;]*)");

  /**
   * Credentials live in small configuration-like fixtures (clients, keys, users); the large ones
   * are generated history (reports, tickets), and reading them again would slow start-up.
   */
  static final long SCANNED_FILE_MAX = 64 * 1024;

  /** A redactor that knows no configured values: names and token shapes only. */
  public static final Redactor BY_NAME = new Redactor(Set.of());

  /** The most secret values learned from traffic that the last check remembers. */
  static final int LEARNED_MAX = 4096;

  /**
   * The longest value learned: a bearer token, a JWT or a password is far shorter. A longer one is
   * still masked by its name; only the last check does not look for it, so that clients cannot make
   * the sandbox keep {@value #LEARNED_MAX} bodies' worth of "secrets" (at most 16 MiB as it is).
   */
  static final int LEARNED_VALUE_MAX = 4096;

  private final List<String> values;
  private final List<String> valueBytes;
  private final int shortestValue;
  private final Set<String> extraNames;
  private final Pattern extraJsonField;
  private final Pattern extraFormField;

  /** Values learned from traffic, each as its UTF-8 bytes (see {@link #leaksInBytes}). */
  private final Set<String> learned = ConcurrentHashMap.newKeySet();

  /**
   * @param values credentials to mask wherever they appear (shorter than 6 characters ignored)
   */
  public Redactor(Set<String> values) {
    this(values, List.of());
  }

  /**
   * @param values credentials to mask wherever they appear (shorter than 6 characters ignored)
   * @param extraNames header, query, form and JSON field names to mask besides the built-in ones
   *     ({@code --redact})
   */
  public Redactor(Set<String> values, Collection<String> extraNames) {
    this.values =
        values.stream()
            .filter(v -> v != null && v.length() >= 6)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    this.valueBytes = this.values.stream().map(Redactor::bytesAsText).toList();
    this.shortestValue =
        this.values.isEmpty()
            ? Integer.MAX_VALUE
            : this.values.get(this.values.size() - 1).length();
    this.extraNames =
        extraNames.stream()
            .filter(n -> !n.isBlank())
            .map(n -> n.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    String alternatives =
        this.extraNames.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    this.extraJsonField =
        alternatives.isEmpty()
            ? null
            : Pattern.compile("(?i)\"(?:" + alternatives + ")\"\\s*:\\s*\"");
    this.extraFormField =
        alternatives.isEmpty()
            ? null
            : Pattern.compile("(?i)(?<=^|[?&;\\s,])(" + alternatives + ")=([^&\\s,;]*)");
  }

  /** Whether a field of this name holds a secret: a built-in name, or one configured. */
  public boolean secretName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return isSecret(name, lower) || extraNames.contains(lower);
  }

  /**
   * Remembers the secrets one exchange carried, for {@link #leaks}: the credential of an {@code
   * Authorization} header (and, for Basic, the password inside it), and the values of secret-named
   * JSON and form fields in either body ({@code access_token} of a token answer).
   */
  public void learn(MultiMap headers, Buffer body, String contentType) {
    if (headers != null) {
      for (String auth : headers.getAll("Authorization")) {
        learnCredential(auth);
      }
    }
    if (body == null
        || body.length() == 0
        || body.length() > SCANNED_FILE_MAX
        || !mayHoldSecretField(body)) {
      return;
    }
    Body parsed = new Body(body);
    if (readsAsForm(parsed, contentType)) {
      parsed.form().forEach((k, v) -> learnField(k, v));
    } else if (!parsed.isMalformedJson()) {
      learnJson(parsed.jsonOrNull());
    }
  }

  /**
   * Whether a body's text holds a secret word, a configured name, or an escape that could spell one
   * ({@code \\u0074oken}, {@code %74oken}): a body without any has no secret-named field, and is
   * not parsed a second time on the recorder thread only to find that out.
   */
  private boolean mayHoldSecretField(Buffer body) {
    return mayHoldSecretField(
        body.toString(java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
  }

  private boolean mayHoldSecretField(String lower) {
    if (lower.indexOf('\\') >= 0 || lower.indexOf('%') >= 0 || mayNameSecret(lower)) {
      return true;
    }
    for (String name : extraNames) {
      if (lower.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@link #body} would show this body exactly as it is: it holds no secret word or
   * configured name (nor an escape that could spell one), no JWT prefix, no scheme word and no
   * known credential. Proxied traffic is mostly such bodies (agents, tickets, reports), and keeping
   * them as they came spares the journal's safe copy a parse, a walk and an encoding per exchange.
   * A yes is certain; a no only means the full walk decides.
   */
  public boolean holdsNothingToRedact(Buffer body) {
    String text = body.toString(java.nio.charset.StandardCharsets.UTF_8);
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("eyj") || lower.contains("basic") || lower.contains("bearer")) {
      return false;
    }
    if (mayHoldSecretField(lower)) {
      return false;
    }
    if (text.length() >= shortestValue) {
      for (String value : values) {
        if (text.contains(value)) {
          return false;
        }
      }
    }
    return true;
  }

  private void learnCredential(String authorization) {
    int space = authorization.indexOf(' ');
    if (space < 0) {
      remember(authorization.trim());
      return;
    }
    String credential = authorization.substring(space + 1).trim();
    remember(credential);
    if (authorization.regionMatches(true, 0, "basic", 0, 5)) {
      try {
        String pair =
            new String(
                java.util.Base64.getDecoder().decode(credential),
                java.nio.charset.StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        remember(colon < 0 ? pair : pair.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        // not Base64: the credential itself is remembered
      }
    }
  }

  private void learnJson(Object value) {
    if (value instanceof JsonObject o) {
      o.forEach(e -> learnField(e.getKey(), e.getValue()));
    } else if (value instanceof JsonArray a) {
      a.forEach(this::learnJson);
    }
  }

  private void learnField(String name, Object value) {
    if (secretName(name) && value instanceof String s) {
      remember(s);
    } else {
      learnJson(value);
    }
  }

  /** Remembers the value of a secret-named field, read while a body is being recorded. */
  void learnSecret(String value) {
    remember(value);
  }

  private void remember(String value) {
    if (value == null
        || value.length() < 8
        || value.length() > LEARNED_VALUE_MAX
        || value.equals(MASK)) {
      return;
    }
    if (learned.size() >= LEARNED_MAX) {
      var it = learned.iterator();
      if (it.hasNext()) {
        it.next();
        it.remove();
      }
    }
    learned.add(bytesAsText(value));
  }

  /** How many values learned from traffic the last check remembers. */
  int learnedCount() {
    return learned.size();
  }

  /**
   * The last check before a line is written: whether it still holds a secret value that the sandbox
   * was configured with or has seen in traffic. A line that does is never written.
   */
  public boolean leaks(String line) {
    return leaksInBytes(bytesAsText(line));
  }

  /**
   * {@link #leaks} for a line given as its UTF-8 bytes read one char per byte ({@code ISO_8859_1}):
   * the recorder makes that view of its buffer with a plain copy, where decoding UTF-8 cost more
   * than the search, and a secret's bytes match in it exactly where the secret does.
   */
  boolean leaksInBytes(String utf8Bytes) {
    for (String value : valueBytes) {
      if (utf8Bytes.contains(value)) {
        return true;
      }
    }
    for (String value : learned) {
      if (utf8Bytes.contains(value)) {
        return true;
      }
    }
    return false;
  }

  /** A text's UTF-8 bytes, one char per byte. */
  static String bytesAsText(String text) {
    return new String(
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * The values of secret-named fields in a fixtures folder's JSON files ({@code api_key}, {@code
   * client_secret}, {@code password}…): what a new vendor's fixtures hold is masked with no code of
   * its own. Blocking: call from a worker.
   */
  public static Set<String> secretsIn(Path fixtures) {
    Set<String> found = new LinkedHashSet<>();
    if (fixtures == null || !Files.isDirectory(fixtures)) {
      return found;
    }
    try (Stream<Path> files = Files.walk(fixtures)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.toString().endsWith(".json") && Files.size(file) < SCANNED_FILE_MAX) {
          try {
            collect(io.vertx.core.json.Json.decodeValue(Files.readString(file)), found);
          } catch (RuntimeException e) {
            // a broken fixture is reported by its vendor's loader, with its file and pointer
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static void collect(Object value, Set<String> found) {
    if (value instanceof JsonObject o) {
      o.forEach(
          e -> {
            if (isSecret(e.getKey()) && e.getValue() instanceof String s) {
              found.add(s);
            } else {
              collect(e.getValue(), found);
            }
          });
    } else if (value instanceof JsonArray a) {
      a.forEach(v -> collect(v, found));
    }
  }

  public static boolean isSecret(String name) {
    return isSecret(name, name.toLowerCase(Locale.ROOT));
  }

  private static boolean isSecret(String name, String lower) {
    return mayNameSecret(lower) && SECRET_NAME.matcher(name).matches() && !lower.endsWith("type");
  }

  private static boolean mayNameSecret(String lower) {
    for (String word : SECRET_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Headers for display, names in lower case (as HTTP/2 sends them), secrets masked. */
  public JsonObject headers(MultiMap headers) {
    JsonObject out = new JsonObject();
    if (headers == null) {
      return out;
    }
    for (String name : headers.names()) {
      String key = name.toLowerCase(Locale.ROOT);
      out.put(key, secretName(key) ? MASK : text(String.join(", ", headers.getAll(name))));
    }
    return out;
  }

  /** A request target with secret-named query parameters and known credentials masked. */
  public String uri(String uri) {
    return uri == null ? null : text(uri);
  }

  /**
   * A body for display: JSON and forms with their secrets masked structurally, any other text (or a
   * body that does not parse as its Content-Type says) masked as text; past {@code limit} bytes
   * only its size is shown.
   */
  public Object body(Buffer raw, String contentType, int limit) {
    if (raw == null || raw.length() == 0) {
      return null;
    }
    if (raw.length() > limit) {
      return "(" + raw.length() + " bytes, not shown)";
    }
    Body body = new Body(raw);
    if (readsAsForm(body, contentType)) {
      return json(new JsonObject(body.form()));
    }
    if (!body.isMalformedJson()) {
      return json(body.jsonOrNull());
    }
    return text(raw.toString());
  }

  /**
   * Whether a body is read as a form: its Content-Type says so and it is not a JSON object or
   * array. {@code curl -d} labels JSON as a form, and HubSoft reads it as JSON all the same; read
   * as a form, its fields (a password, a CPF) would hide inside one field name, which nothing
   * redacts or masks.
   */
  public static boolean readsAsForm(Body body, String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).contains("x-www-form-urlencoded")
        || !body.isForm()) {
      return false;
    }
    Object json = body.jsonOrNull();
    return !(json instanceof JsonObject || json instanceof JsonArray);
  }

  /** A copy of a JSON value with every secret-named field masked, at any depth. */
  public Object json(Object value) {
    return copy(value, (name, v) -> secretName(name) ? MASK : json(v), this::text);
  }

  /**
   * A copy of a JSON value, each object field replaced by {@code field} (given its name), each
   * string outside an object by {@code text}: the one walk the redactor and the masker share.
   */
  static Object copy(
      Object value,
      java.util.function.BiFunction<String, Object, Object> field,
      java.util.function.UnaryOperator<String> text) {
    if (value instanceof JsonObject o) {
      JsonObject copy = new JsonObject();
      o.forEach(e -> copy.put(e.getKey(), field.apply(e.getKey(), e.getValue())));
      return copy;
    }
    if (value instanceof JsonArray a) {
      JsonArray copy = new JsonArray();
      a.forEach(v -> copy.add(copy(v, field, text)));
      return copy;
    }
    return value instanceof String s ? text.apply(s) : value;
  }

  /**
   * Free text with secret fields, scheme credentials, JWTs and known values masked. Each pattern
   * runs only on text holding the character or prefix it cannot match without: most recorded
   * strings (names, ids, dates) skip every one.
   */
  public String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (text.length() >= shortestValue) {
      for (String value : values) {
        if (out.contains(value)) {
          out = out.replace(value, MASK);
        }
      }
    }
    if (out.contains("eyJ")) {
      out = JWT.matcher(out).replaceAll(MASK);
    }
    if (out.indexOf(' ') >= 0) {
      out = replace(SCHEME_CREDENTIAL, out, m -> m.group(1) + m.group(2) + MASK);
    }
    boolean quoted = out.indexOf('"') >= 0;
    boolean assigned = out.indexOf('=') >= 0;
    if (quoted) {
      out = maskValues(JSON_FIELD, out);
    }
    if (assigned) {
      out = replace(FORM_FIELD, out, m -> m.group(1) + "=" + MASK);
    }
    if (quoted && extraJsonField != null) {
      out = maskValues(extraJsonField, out);
    }
    if (assigned && extraFormField != null) {
      out = replace(extraFormField, out, m -> m.group(1) + "=" + MASK);
    }
    return out;
  }

  /**
   * {@code text} with the JSON string value that follows each match of {@code opener} masked, up to
   * its closing quote, or to the end of a text cut short. The value is read by hand: a regular
   * expression for a JSON string recurses per character and overflows the stack on a long one.
   */
  static String maskValues(Pattern opener, String text) {
    Matcher m = opener.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (copied < text.length() && m.find(copied)) {
      int close = closingQuote(text, m.end());
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, m.end()).append(MASK);
      copied = close;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** The index of the quote that closes a JSON string whose content starts at {@code i}. */
  private static int closingQuote(String text, int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i;
      }
      i += c == '\\' ? 2 : 1;
    }
    return text.length();
  }

  /** {@code text} with each match of {@code pattern} replaced by what {@code with} makes of it. */
  static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
