package dev.integrationsandbox.vocom;

import io.vertx.core.json.JsonObject;

/**
 * Vocom as the committed fixtures ({@code fixtures/vocom}) know it, defined once for the tests: the
 * companies and their API keys, the agents, breaks and queue, the interact_cti paths and the
 * standard request bodies. Bodies are fresh objects: a test may change its own copy.
 */
public final class VocomTestData {

  /** The seed company, the one of the vendor document's examples. */
  public static final String COMPANY = "894343d2-3f02-4c02-909b-a0bfa57c0a93";

  public static final String API_KEY = "e45c53c6-049f-474d-896a-8e891ec57473";

  /** The vendor document's cURL header, {@code api_key:<API_KEY>}. */
  public static final String SEED_AUTHORIZATION =
      "Basic YXBpX2tleTplNDVjNTNjNi0wNDlmLTQ3NGQtODk2YS04ZTg5MWVjNTc0NzM=";

  /** A second company, with its own key: the seed's key does not open it. */
  public static final String OTHER_COMPANY = "5b1d7c2e-8f4a-4e63-9c1d-2a7e0f3b6d58";

  public static final String OTHER_API_KEY = "0f6e2a91-3c7d-4b58-a1e4-9d2c8b7f6a30";

  /**
   * The {@code company_id}s of the vendor document's tabs and dialer examples: further domains of
   * the seed company's PBX, opened by the same {@link #API_KEY}.
   */
  public static final String TABS_EXAMPLE_COMPANY = "00-f779-4215-96cd-bbb";

  public static final String DIALER_EXAMPLE_COMPANY = "bbbb-f779-4215-96cd-9999";

  /** Agents of the seed company. */
  public static final String DEV = "DEV";

  public static final String BARBARA = "SUPORTE.BARBARA";

  /** The seed company's queue. */
  public static final String QUEUE = "FILA_SUPORTE";

  /** Breaks of the seed company. */
  public static final String LANCHE = "0c8a9f1f-b49d-42d5-9b6b-2c108619aa7c";

  public static final String FEEDBACK = "816b6751-0592-44dc-a311-b870f7850750";

  public static final String LOGIN = "/interact_cti/agent/login/";
  public static final String LOGOUT = "/interact_cti/agent/logout/";
  public static final String BREAK_LIST = "/interact_cti/agent/get_break_list/";
  public static final String SET_BREAK = "/interact_cti/agent/state_set_break/";
  public static final String RETURN_BREAK = "/interact_cti/agent/state_return_break/";
  public static final String AGENT_LIST = "/interact_cti/get_agent_list/";
  public static final String CALL = "/interact_cti/call/call_services/";
  public static final String HOLD = "/interact_cti/call/call_hold/";
  public static final String RETRIEVE = "/interact_cti/call/call_hold_retrieve/";
  public static final String TERMINATE = "/interact_cti/call/call_terminate/";
  public static final String TRANSFER = "/interact_cti/call/call_transfer/";
  public static final String TABS_REPORT = "/tabs/list_all/";
  public static final String DIALER_REPORT = "/dialer/list_all/";

  private VocomTestData() {}

  /** The body that names an agent of the seed company. */
  public static JsonObject agent(String name) {
    return new JsonObject().put("agent", name).put("company_id", COMPANY);
  }

  /** A call from {@code name} at {@code branch} to {@code to}. */
  public static JsonObject call(String name, String branch, String to) {
    return agent(name).put("branch", branch).put("to", to);
  }

  /** The body of {@code get_agent_list} for one of the seed company's queues. */
  public static JsonObject queue(String queue) {
    return new JsonObject().put("queue", queue).put("company_id", COMPANY);
  }

  /** The body of a tabs or dialer report of the seed company. */
  public static JsonObject report(String begin, String end) {
    return new JsonObject()
        .put("date_begin", begin)
        .put("date_end", end)
        .put("company_id", COMPANY);
  }
}
