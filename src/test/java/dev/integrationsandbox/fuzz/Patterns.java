package dev.integrationsandbox.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings that match a contract's {@code pattern}, for the regular-expression subset the contracts
 * use: literals, escapes ({@code \d \s \S \w \.}), classes with ranges and negation, groups,
 * alternation and the quantifiers {@code ? * + {n} {n,} {n,m}}. A CPF or a date pattern then gets a
 * value that passes validation and reaches the emulator.
 */
final class Patterns {

  private static final String WORD =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final String p;
  private final Random r;
  private int i;

  private Patterns(String pattern, Random random) {
    this.p = pattern;
    this.r = random;
  }

  static String generate(String pattern, Random random) {
    try {
      StringBuilder out = new StringBuilder();
      new Patterns(pattern, random).alternation(out);
      return out.toString();
    } catch (RuntimeException e) {
      return "x";
    }
  }

  private void alternation(StringBuilder out) {
    List<Integer> starts = new ArrayList<>();
    starts.add(i);
    int depth = 0;
    int j = i;
    for (; j < p.length(); j++) {
      char c = p.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '[') {
        while (p.charAt(j) != ']') {
          j += p.charAt(j) == '\\' ? 2 : 1;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth-- == 0) {
          break;
        }
      } else if (c == '|' && depth == 0) {
        starts.add(j + 1);
      }
    }
    int end = j;
    i = starts.get(r.nextInt(starts.size()));
    sequence(out);
    i = end;
  }

  private void sequence(StringBuilder out) {
    while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
      int atomStart = i;
      StringBuilder once = new StringBuilder();
      atom(once);
      int atomEnd = i;
      int[] times = quantifier();
      int n = times[0] + r.nextInt(times[1] - times[0] + 1);
      for (int k = 0; k < n; k++) {
        if (k == 0) {
          out.append(once);
        } else {
          int after = i;
          i = atomStart;
          atom(out);
          i = after;
        }
      }
      if (atomEnd == atomStart) {
        break;
      }
    }
  }

  private void atom(StringBuilder out) {
    char c = p.charAt(i++);
    switch (c) {
      case '^', '$' -> {}
      case '(' -> {
        if (p.startsWith("?:", i)) {
          i += 2;
        }
        alternation(out);
        i++;
      }
      case '[' -> out.append(charClass());
      case '\\' -> out.append(escape(p.charAt(i++)));
      case '.' -> out.append(WORD.charAt(r.nextInt(WORD.length())));
      default -> out.append(c);
    }
  }

  private int[] quantifier() {
    if (i >= p.length()) {
      return new int[] {1, 1};
    }
    char c = p.charAt(i);
    if (c == '?' || c == '*' || c == '+') {
      i++;
      return new int[] {c == '+' ? 1 : 0, c == '?' ? 1 : 3};
    }
    if (c == '{') {
      int close = p.indexOf('}', i);
      String[] parts = p.substring(i + 1, close).split(",", -1);
      i = close + 1;
      int min = Integer.parseInt(parts[0].trim());
      int max =
          parts.length == 1
              ? min
              : parts[1].isBlank() ? min + 3 : Integer.parseInt(parts[1].trim());
      return new int[] {min, max};
    }
    return new int[] {1, 1};
  }

  private char escape(char e) {
    return switch (e) {
      case 'd' -> (char) ('0' + r.nextInt(10));
      case 's' -> ' ';
      case 'S', 'w' -> WORD.charAt(r.nextInt(WORD.length()));
      default -> e;
    };
  }

  private char charClass() {
    boolean negated = p.charAt(i) == '^';
    if (negated) {
      i++;
    }
    StringBuilder members = new StringBuilder();
    while (p.charAt(i) != ']') {
      char c = p.charAt(i++);
      if (c == '\\') {
        char e = p.charAt(i++);
        members.append(e == 'd' ? "0123456789" : e == 's' ? " \t" : String.valueOf(e));
      } else if (p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
        char to = p.charAt(i + 1);
        i += 2;
        for (char x = c; x <= to; x++) {
          members.append(x);
        }
      } else {
        members.append(c);
      }
    }
    i++;
    if (negated) {
      StringBuilder allowed = new StringBuilder();
      for (char x : WORD.toCharArray()) {
        if (members.indexOf(String.valueOf(x)) < 0) {
          allowed.append(x);
        }
      }
      members = allowed;
    }
    return members.charAt(r.nextInt(members.length()));
  }
}
