package dev.integrationsandbox.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "did you mean maxTicketsPerClient?": the closest known name to a typo, if one is close. */
public final class Suggestions {

  private Suggestions() {}

  /** {@code " (did you mean X?)"}, or {@code " (expected one of …)"} when nothing is close. */
  public static String closest(String typo, Collection<String> known) {
    String best = known.stream().min(Comparator.comparingInt(k -> score(typo, k))).orElse(null);
    if (best != null && score(typo, best) <= Math.max(2, typo.length() / 3)) {
      return " (did you mean " + best + "?)";
    }
    return " (expected one of " + String.join(", ", known) + ")";
  }

  /** Edit distance to the name, or to its prefix of the typo's length ({@code maxTicketz}). */
  private static int score(String typo, String name) {
    String prefix = name.substring(0, Math.min(name.length(), typo.length()));
    return Math.min(distance(typo, name), distance(typo, prefix));
  }

  private static int distance(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    int[] prev = new int[y.length() + 1];
    int[] cur = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length()];
  }
}
