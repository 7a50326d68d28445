package dev.integrationsandbox.hubsoft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Passport's token table without a server: expiry, revocation, rotation and the bound. */
class PassportTokensTest {

  static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

  @Test
  void anAccessTokenLivesExactlyItsLifetime() {
    PassportTokens tokens = new PassportTokens(2_592_000, 5_184_000, 10);
    String token = tokens.issue("89", 5228, NOW).accessToken();
    assertNotNull(tokens.valid(token, NOW.plusSeconds(2_591_999)));
    assertNull(tokens.valid(token, NOW.plusSeconds(2_592_000)));
  }

  @Test
  void revokingAllLeavesNoValidTokenAndNoUsableRefreshToken() {
    PassportTokens tokens = new PassportTokens(60, 120, 10);
    PassportTokens.Issued a = tokens.issue("89", 5228, NOW);
    tokens.issue("90", 77, NOW);
    assertEquals(2, tokens.revokeAll());
    assertNull(tokens.valid(a.accessToken(), NOW));
    assertTrue(tokens.refreshToken(a.refreshToken()).revoked());
    assertFalse(tokens.revokePair(a.refreshToken()));
  }

  @Test
  void eachClientKeepsOnlyItsNewestPairs() {
    PassportTokens tokens = new PassportTokens(60, 120, 2);
    PassportTokens.Issued first = tokens.issue("89", 5228, NOW);
    tokens.issue("89", 5228, NOW);
    tokens.issue("89", 5228, NOW);
    PassportTokens.Issued other = tokens.issue("90", 77, NOW);
    assertNull(tokens.valid(first.accessToken(), NOW));
    assertNull(tokens.refreshToken(first.refreshToken()));
    assertNotNull(tokens.valid(other.accessToken(), NOW));
  }

  /**
   * A token read in place from its header matches the remembered one only when it is all of it: not
   * a token one character off, nor one with a prefix or a suffix of the header around it.
   */
  @Test
  void aTokenReadInPlaceFromItsHeaderMatchesOnlyWhole() {
    PassportTokens tokens = new PassportTokens(60, 120, 10);
    String t = tokens.issue("89", 5228, NOW).accessToken();
    String header = "Bearer " + t;
    int end = header.length();
    assertNotNull(tokens.valid(header, 7, end, NOW));
    assertNotNull(tokens.valid(header, 7, end, NOW));
    String offByOne = "Bearer " + t.substring(0, t.length() - 1) + (t.endsWith("x") ? "y" : "x");
    assertNull(tokens.valid(offByOne, 7, end, NOW));
    assertNull(tokens.valid(header, 6, end, NOW));
    assertNull(tokens.valid(header, 7, end - 1, NOW));
    assertNull(tokens.valid(header + "x", 7, end + 1, NOW));
    assertNotNull(tokens.valid("Bearer  " + t + " ", 8, end + 1, NOW));
  }

  /** The last token looked up is remembered, and forgotten by every change to the tokens. */
  @Test
  void aTokenJustLookedUpIsStillRefusedOnceRevokedOrForgotten() {
    PassportTokens tokens = new PassportTokens(60, 120, 1);
    PassportTokens.Issued a = tokens.issue("89", 5228, NOW);
    assertNotNull(tokens.valid(a.accessToken(), NOW));
    assertNotNull(tokens.valid(new String(a.accessToken().toCharArray()), NOW));
    assertTrue(tokens.revokePair(a.refreshToken()));
    assertNull(tokens.valid(a.accessToken(), NOW));

    PassportTokens.Issued b = tokens.issue("89", 5228, NOW);
    assertNotNull(tokens.valid(b.accessToken(), NOW));
    tokens.issue("89", 5228, NOW);
    assertNull(tokens.valid(b.accessToken(), NOW), "the client's oldest pair is forgotten");

    PassportTokens.Issued c = tokens.issue("90", 77, NOW);
    assertNotNull(tokens.valid(c.accessToken(), NOW));
    tokens.revokeAll();
    assertNull(tokens.valid(c.accessToken(), NOW));

    PassportTokens.Issued d = tokens.issue("90", 77, NOW);
    assertNotNull(tokens.valid(d.accessToken(), NOW));
    tokens.reset();
    assertNull(tokens.valid(d.accessToken(), NOW));
  }
}
