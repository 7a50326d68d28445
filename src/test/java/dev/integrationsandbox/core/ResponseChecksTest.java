package dev.integrationsandbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.config.ResponseValidation;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class ResponseChecksTest {

  static final String JSON = "application/json";

  static Buffer body(int n) {
    return Buffer.buffer("{\"n\":" + n + "}");
  }

  @Test
  void sampledChecksTheFirstAnswersThenOneInSixtyFour() {
    ResponseChecks checks = new ResponseChecks(ResponseValidation.SAMPLED);
    int checked = 0;
    for (int i = 0; i < ResponseChecks.FIRST + 64 * 10; i++) {
      if (checks.shouldCheck("btg", "createTicket", 200, JSON, body(i))) {
        checked++;
      }
    }
    assertEquals(ResponseChecks.FIRST + 10, checked);
  }

  @Test
  void anAnswerThatPassedIsNotCheckedAgainButADifferentOneIs() {
    ResponseChecks checks = new ResponseChecks(ResponseValidation.SAMPLED);
    assertTrue(checks.shouldCheck("vocom", "getBreakList", 200, JSON, body(1)));
    checks.passed("vocom", "getBreakList", 200, JSON, body(1));
    assertFalse(checks.shouldCheck("vocom", "getBreakList", 200, JSON, body(1)));
    assertTrue(checks.shouldCheck("vocom", "getBreakList", 200, JSON, body(2)));
    assertTrue(checks.shouldCheck("vocom", "getBreakList", 500, JSON, body(1)), "another status");
  }

  @Test
  void allAndOffMeanWhatTheySay() {
    ResponseChecks all = new ResponseChecks(ResponseValidation.ALL);
    all.passed("btg", "getTicketsInfo", 200, JSON, body(1));
    assertTrue(all.shouldCheck("btg", "getTicketsInfo", 200, JSON, body(1)));
    assertFalse(
        new ResponseChecks(ResponseValidation.OFF).shouldCheck("btg", "x", 200, JSON, body(1)));
  }

  @Test
  void anUpstreamAnswerIsCheckedUnlessTheSameBytesPassedWithTheSameContentType() {
    ResponseChecks checks = new ResponseChecks(ResponseValidation.SAMPLED);
    for (int i = 0; i < ResponseChecks.FIRST + 10; i++) {
      assertTrue(checks.shouldCheckUpstream("vocom", "getBreakList", 200, JSON, body(i)));
    }
    checks.passed("vocom", "getBreakList", 200, JSON, body(1));
    assertFalse(checks.shouldCheckUpstream("vocom", "getBreakList", 200, JSON, body(1)));
    assertTrue(checks.shouldCheckUpstream("vocom", "getBreakList", 200, JSON, body(2)));
    assertTrue(
        checks.shouldCheckUpstream("vocom", "getBreakList", 200, "text/html", body(1)),
        "another Content-Type");
    ResponseChecks all = new ResponseChecks(ResponseValidation.ALL);
    all.passed("vocom", "getBreakList", 200, JSON, body(1));
    assertTrue(all.shouldCheckUpstream("vocom", "getBreakList", 200, JSON, body(1)));
  }
}
