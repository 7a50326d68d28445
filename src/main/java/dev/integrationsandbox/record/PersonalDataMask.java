package dev.integrationsandbox.record;

import dev.integrationsandbox.support.BrazilianDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal data (LGPD) in recordings with fakes of the same format: a CPF or CNPJ becomes
 * another with valid check digits, a phone keeps its area code, an e-mail stays an e-mail, a name a
 * name. The same input always gives the same fake, so that relations between exchanges survive (a
 * ticket created for a document is closed under the same masked document).
 *
 * <p>Fakes are derived with HMAC-SHA256 under a key that never reaches a recording: {@code
 * --mask-key-file}, or a random key per run. A plain hash would not do: an 11-digit CPF has only
 * 10⁹ candidates once its check digits are known, and hashing them all takes minutes.
 *
 * <p>Where: fields whose name says phone or name ({@code telefone}, {@code phoneNumber}, {@code
 * nome_contato}…), and, as the safety net, by format anywhere in bodies, paths and messages: e-mail
 * addresses, and 11- or 14-digit runs (plain or punctuated) that are valid CPFs or CNPJs.
 */
public final class PersonalDataMask {

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern DOCUMENT =
      Pattern.compile(
          "(?<![0-9])(\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}|\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}"
              + "|\\d{14}|\\d{11})(?![0-9])");
  private static final Set<String> NAME_FIELDS =
      Set.of(
          "name",
          "nome",
          "nome_contato",
          "nome_cliente",
          "nome_razaosocial",
          "razao_social",
          "contact_name",
          "customer_name",
          "full_name",
          "first_name",
          "last_name",
          "author",
          "last_author",
          "operator");
  private static final Pattern PHONE_FIELD =
      Pattern.compile("(?i).*(phone|telefone|celular|fone|whatsapp|mobile).*");
  private static final List<String> FIRST =
      List.of(
          "Ana",
          "Bruno",
          "Carla",
          "Daniel",
          "Elisa",
          "Fábio",
          "Gabriela",
          "Heitor",
          "Isabel",
          "João",
          "Lara",
          "Marcos",
          "Natália",
          "Otávio",
          "Paula",
          "Rafael");
  private static final List<String> LAST =
      List.of(
          "Almeida",
          "Barbosa",
          "Cardoso",
          "Duarte",
          "Esteves",
          "Ferreira",
          "Gomes",
          "Henriques",
          "Lima",
          "Moreira",
          "Nogueira",
          "Oliveira",
          "Pereira",
          "Ribeiro",
          "Santos",
          "Teixeira");

  /** What kind of personal data a value is, which decides the shape of its fake. */
  public enum Kind {
    NAME,
    PHONE,
    EMAIL,
    DOCUMENT,
    /** Unknown: searched for documents and e-mail addresses by their format. */
    TEXT
  }

  private final ThreadLocal<Mac> mac;
  private final PersonalDataFields fields;

  private PersonalDataMask(byte[] key) {
    this(mac(key), PersonalDataFields.NONE);
  }

  private PersonalDataMask(ThreadLocal<Mac> mac, PersonalDataFields fields) {
    this.mac = mac;
    this.fields = fields;
  }

  private static ThreadLocal<Mac> mac(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    return ThreadLocal.withInitial(
        () -> {
          try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(spec);
            return m;
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** This mask, under the same key, also replacing the fields that the contracts mark. */
  public PersonalDataMask withFields(PersonalDataFields marked) {
    return new PersonalDataMask(mac, marked);
  }

  /** Where the contracts say personal data lives. */
  public PersonalDataFields fields() {
    return fields;
  }

  /** Fakes consistent within this run only. */
  public static PersonalDataMask withRandomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new PersonalDataMask(key);
  }

  /** Fakes consistent across runs that share the key file. Blocking. */
  public static PersonalDataMask withKeyFile(Path file) {
    try {
      byte[] key = Files.readAllBytes(file);
      if (key.length < 16) {
        throw new IllegalArgumentException(file + " holds fewer than 16 bytes of key");
      }
      return new PersonalDataMask(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of a JSON value with personal data replaced, at any depth. */
  public Object json(Object value) {
    return Redactor.copy(value, this::field, this::text);
  }

  /**
   * A copy of a JSON body with personal data replaced: the fields in {@code marked} (an operation's
   * marks for this direction) by their kind, the others by their name and format.
   */
  public Object json(Object value, Map<String, Kind> marked) {
    return Redactor.copy(
        value,
        (name, v) -> {
          Kind kind = marked.getOrDefault(name, kindOf(name));
          return v instanceof String s
              ? masked(kind, s)
              : isWhole(v) ? number(kind, v.toString()) : json(v, marked);
        },
        this::text);
  }

  private Object field(String name, Object value) {
    return value instanceof String s
        ? masked(kindOf(name), s)
        : isWhole(value) ? number(kindOf(name), value.toString()) : json(value);
  }

  private static boolean isWhole(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof BigInteger;
  }

  /**
   * A field's whole number (a phone or a CPF sent as a JSON number), given as its JSON text: masked
   * as the same text would be, and kept a number when the fake is one (a phone keeps its digits'
   * count; a document may gain a leading zero, and is then written as text). Numbers too short to
   * be personal data are returned unchanged, as {@link BigInteger}s.
   */
  public Object number(Kind kind, String digits) {
    String fake = kind == Kind.PHONE || kind == Kind.DOCUMENT ? masked(kind, digits) : text(digits);
    if (fake.equals(digits)) {
      return new BigInteger(digits);
    }
    return WHOLE.matcher(fake).matches() ? new BigInteger(fake) : fake;
  }

  private static final Pattern WHOLE = Pattern.compile("-?[1-9][0-9]{0,30}");

  /**
   * A request target with the path segments and query parameters that the operation marks replaced
   * by their kind, then documents and e-mail addresses anywhere in it.
   */
  public String target(String uri, PersonalDataFields.Marks marks) {
    if (uri == null || (marks.path().isEmpty() && marks.query().isEmpty())) {
      return text(uri);
    }
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String[] segments = path.split("/", -1);
    marks
        .path()
        .forEach(
            (fromEnd, kind) -> {
              int at = segments.length - fromEnd;
              if (at > 0) {
                segments[at] = encoded(masked(kind, decoded(segments[at])));
              }
            });
    StringBuilder out = new StringBuilder(String.join("/", segments));
    if (q >= 0) {
      String[] pairs = uri.substring(q + 1).split("&", -1);
      for (int i = 0; i < pairs.length; i++) {
        int eq = pairs[i].indexOf('=');
        Kind kind = eq < 0 ? null : marks.query().get(decoded(pairs[i].substring(0, eq)));
        if (kind != null) {
          pairs[i] =
              pairs[i].substring(0, eq + 1)
                  + encoded(masked(kind, decoded(pairs[i].substring(eq + 1))));
        }
      }
      out.append('?').append(String.join("&", pairs));
    }
    return text(out.toString());
  }

  private static String decoded(String escaped) {
    try {
      return URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return escaped;
    }
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** What a field holds, judged by its name alone: a name, a phone, or anything ({@code TEXT}). */
  public Kind kindOf(String fieldName) {
    if (NAME_FIELDS.contains(fieldName.toLowerCase(Locale.ROOT))) {
      return Kind.NAME;
    }
    return PHONE_FIELD.matcher(fieldName).matches() ? Kind.PHONE : Kind.TEXT;
  }

  /**
   * A value known to be of {@code kind} replaced by its fake; {@code TEXT} is searched for
   * documents and e-mail addresses. Blank values and values already redacted stay as they are.
   */
  public String masked(Kind kind, String value) {
    if (value == null || value.isBlank() || value.equals(Redactor.MASK)) {
      return text(value);
    }
    return switch (kind) {
      case NAME -> name(value);
      case PHONE -> phone(value);
      case EMAIL -> email(value);
      case DOCUMENT -> anyDocument(value);
      case TEXT -> text(value);
    };
  }

  /**
   * Free text (a path, a message) with documents and e-mail addresses replaced. Text without an
   * {@code @} holds no address and text with fewer than 11 digits no document: most values (ids,
   * dates, statuses) are left without running either expression.
   */
  public String text(String text) {
    if (text == null || text.length() < 6) {
      return text;
    }
    String out =
        text.indexOf('@') < 0 ? text : Redactor.replace(EMAIL, text, m -> email(m.group()));
    return digitCount(out) < 11 ? out : Redactor.replace(DOCUMENT, out, m -> document(m.group()));
  }

  private static int digitCount(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  /** A document found by its format: replaced only when its check digits are valid. */
  private String document(String found) {
    String digits = found.replaceAll("\\D", "");
    return BrazilianDocument.isValid(digits) ? anyDocument(found) : found;
  }

  /**
   * A value the contract says is a document, valid or not: 11 or 14 digits become a CPF or CNPJ
   * with valid check digits, any other run of digits other digits, and a value without digits is
   * treated as text.
   */
  private String anyDocument(String value) {
    String digits = value.replaceAll("\\D", "");
    if (digits.isEmpty()) {
      return text(value);
    }
    String fake =
        switch (digits.length()) {
          case 11 -> BrazilianDocument.cpfFrom(digits("cpf", digits, 9));
          case 14 -> BrazilianDocument.cnpjFrom(digits("cnpj", digits, 12));
          default -> digits("document", digits, digits.length());
        };
    return sameShape(value, fake);
  }

  /** A phone keeps its country and area code (the first 2 digits, 4 with Brazil's 55). */
  String phone(String found) {
    String digits = found.replaceAll("\\D", "");
    if (digits.length() < 8) {
      return found;
    }
    int kept = digits.length() >= 12 && digits.startsWith("55") ? 4 : digits.length() >= 10 ? 2 : 1;
    String fake = digits.substring(0, kept) + digits("phone", digits, digits.length() - kept);
    return sameShape(found, fake);
  }

  private String email(String found) {
    return "user-" + hex("email", found.toLowerCase(Locale.ROOT), 5) + "@example.com";
  }

  private String name(String found) {
    byte[] h = hmac("name", found.trim().toLowerCase(Locale.ROOT));
    return FIRST.get((h[0] & 0xff) % FIRST.size()) + " " + LAST.get((h[1] & 0xff) % LAST.size());
  }

  /** {@code n} decimal digits derived from the input. */
  private String digits(String kind, String input, int n) {
    StringBuilder out = new StringBuilder(n);
    int round = 0;
    while (out.length() < n) {
      for (byte b : hmac(kind + round, input)) {
        if (out.length() == n) {
          break;
        }
        out.append((b & 0xff) % 10);
      }
      round++;
    }
    if (out.chars().distinct().count() == 1) {
      out.setCharAt(0, out.charAt(0) == '1' ? '2' : '1');
    }
    return out.toString();
  }

  private String hex(String kind, String input, int bytes) {
    byte[] h = hmac(kind, input);
    return HexFormat.of().formatHex(h, 0, bytes);
  }

  private byte[] hmac(String kind, String input) {
    Mac m = mac.get();
    m.update(kind.getBytes(StandardCharsets.UTF_8));
    m.update((byte) 0);
    return m.doFinal(input.getBytes(StandardCharsets.UTF_8));
  }

  /** The fake's digits in the original's punctuation: {@code 529.982.247-25} stays dotted. */
  private static String sameShape(String original, String fakeDigits) {
    StringBuilder out = new StringBuilder(original.length());
    int next = 0;
    for (char c : original.toCharArray()) {
      out.append(
          Character.isDigit(c) && next < fakeDigits.length() ? fakeDigits.charAt(next++) : c);
    }
    return out.toString();
  }
}
