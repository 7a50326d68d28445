package dev.integrationsandbox.fuzz;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Requests the fuzz knows to fail because of a reported, not yet fixed sandbox bug: they are not
 * sent (the suite prints how many were skipped per bug), so that the rest of the run can still find
 * new ones. Each entry names the bug and matches the narrowest set of generated requests that shows
 * it; remove the entry when the bug is fixed. Empty when the suite finds nothing: an entry is a
 * debt, such as {@code new Bug("VOCOM_AGENT_LIST_QUEUE_NOT_TEXT", "vocom", "getAgentList",
 * Pattern.compile("at body\\.queue \\((object|array)\\)"))} was until it was fixed.
 */
final class KnownBugs {

  /**
   * @param name what fails, as reported
   * @param vendor the vendor id
   * @param operationId the operation
   * @param mutation a regular expression found in the request's mutation label
   */
  record Bug(String name, String vendor, String operationId, Pattern mutation) {}

  /** Every known bug; each is printed with the number of requests it kept from being sent. */
  static final List<Bug> EXCLUSIONS = List.of();

  private KnownBugs() {}

  static Optional<Bug> covering(FuzzRequest request) {
    return EXCLUSIONS.stream()
        .filter(
            b ->
                b.vendor().equals(request.vendor())
                    && b.operationId().equals(request.operation().operationId())
                    && b.mutation().matcher(request.mutation()).find())
        .findFirst();
  }
}
