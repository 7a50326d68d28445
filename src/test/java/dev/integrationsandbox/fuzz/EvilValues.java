package dev.integrationsandbox.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Values that break parsers and validators, put by the fuzzer into a field, a parameter or a whole
 * body: edge numbers (including number text no Java type holds), unicode that trips encoders (lone
 * surrogates, right-to-left overrides, NUL, astral characters), very long strings, and the other
 * JSON types, and now and then a random string, digit run, long or double.
 */
final class EvilValues {

  /** A value to put somewhere; a wrapper so that null is a value like the others. */
  record Evil(Object value) {
    @Override
    public String toString() {
      String s = String.valueOf(value);
      return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
    }
  }

  private EvilValues() {}

  static final List<JsonText.Raw> HUGE_NUMBERS =
      List.of(
          new JsonText.Raw("9223372036854775808"),
          new JsonText.Raw("-9223372036854775809"),
          new JsonText.Raw("1e400"),
          new JsonText.Raw("-1e400"),
          new JsonText.Raw("1e-400"),
          new JsonText.Raw("123456789012345678901234567890123456789"),
          new JsonText.Raw("-0"),
          new JsonText.Raw("1.0"),
          new JsonText.Raw("1E+2"),
          new JsonText.Raw("0.1e1"));

  private static final List<Evil> FIXED = fixed();

  /** One evil value: mostly a fixed one, sometimes a random string or number. */
  static Evil draw(Random r) {
    return switch (r.nextInt(11)) {
      case 0, 1 -> new Evil(randomString(r, r.nextInt(41)));
      case 2 -> new Evil(digits(r, 15 + r.nextInt(26)));
      case 3 -> new Evil(r.nextLong());
      case 4 -> new Evil(Double.longBitsToDouble(r.nextLong()));
      default -> FIXED.get(r.nextInt(FIXED.size()));
    };
  }

  private static List<Evil> fixed() {
    List<Object> fixed =
        new ArrayList<>(
            List.of(
                "",
                " ",
                "\u0000",
                "a\u0000b",
                "\u202Egnp.exe",
                "\u200F\u05E9\u05DC\u05D5\u05DD",
                "😀🇧🇷",
                "\uD800",
                "x\uDC00",
                "\uFEFFbom",
                "ação ñ 漢字 ℮",
                "null",
                "undefined",
                "NaN",
                "-1",
                "0",
                "1e400",
                "true",
                "{}",
                "[]",
                "../../etc/passwd",
                "%00",
                "%ZZ",
                "<script>alert(1)</script>",
                "' OR '1'='1",
                "${jndi:ldap://x}",
                "\t\r\n",
                "a".repeat(70_000),
                "é".repeat(5_000),
                true,
                false,
                0,
                -1,
                Integer.MAX_VALUE,
                Integer.MIN_VALUE,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                Double.MAX_VALUE,
                Double.MIN_VALUE,
                -0.0,
                List.of(),
                List.of(List.of(List.of())),
                new LinkedHashMap<String, Object>(),
                Map.of("nested", Map.of("deeper", List.of(1, "two", Map.of())))));
    fixed.addAll(HUGE_NUMBERS);
    fixed.add(nested(2_000));
    List<Evil> wrapped = new ArrayList<>(fixed.stream().map(Evil::new).toList());
    wrapped.add(new Evil(null));
    return List.copyOf(wrapped);
  }

  /** Any UTF-16 code units, lone surrogates and controls included. */
  private static String randomString(Random r, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int k = 0; k < length; k++) {
      b.append(
          switch (r.nextInt(4)) {
            case 0 -> (char) r.nextInt(0x20);
            case 1 -> (char) (0x20 + r.nextInt(0x5f));
            case 2 -> (char) (0xD800 + r.nextInt(0x800));
            default -> (char) r.nextInt(0x10000);
          });
    }
    return b.toString();
  }

  private static String digits(Random r, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int k = 0; k < length; k++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  /** {@code [[[…]]]} nested past any parser's default depth limit. */
  static JsonText.Raw nested(int depth) {
    return new JsonText.Raw("[".repeat(depth) + "]".repeat(depth));
  }
}
