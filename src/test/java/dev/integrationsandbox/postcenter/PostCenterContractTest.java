package dev.integrationsandbox.postcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.integrationsandbox.contract.ContractDocument;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps {@code contracts/postcenter.yaml} strict where the vendor's endpoints differ: a detail with
 * a numeric identifier, a list item with a string one, an English state in the paginated list or a
 * page of 101 are all outside the contract. The flow tests show that the emulator's answers are
 * inside it; this shows that "inside" means something.
 */
@Timeout(60)
class PostCenterContractTest {

  private static Vertx vertx;
  private static OpenAPIContract contract;
  private static ResponseValidator validator;

  @BeforeAll
  static void load() throws Exception {
    vertx = Vertx.vertx();
    ContractDocument doc = ContractDocument.read(Path.of("contracts", "postcenter.yaml"));
    contract = OpenAPIContract.from(vertx, doc.loadable()).await();
    validator = ResponseValidator.create(vertx, contract);
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  private static void valid(String operationId, JsonObject body) {
    validator
        .validate(
            ValidatableResponse.create(200, Map.of(), body.toBuffer(), "application/json"),
            operationId)
        .await();
  }

  private static void invalid(String operationId, JsonObject body) {
    assertThrows(RuntimeException.class, () -> valid(operationId, body), body.encode());
  }

  private static JsonObject seedDetail() {
    return new Ticket(
            "583dcb2855d0a46e438d0206",
            261,
            new Account(11, "Super Empresa", "facebook", "1"),
            TicketState.CLOSED,
            java.time.LocalDateTime.parse("2016-11-29T18:38:32"),
            java.time.LocalDateTime.parse("2016-12-21T13:17:29.283"),
            new Agent(467, "Francisco Pinto", "fapint@somecorporate.com", false, Set.of()),
            null,
            "11111111-1",
            null,
            "Jhon Doe",
            "Hi")
        .detail();
  }

  @Test
  void theContractNamesEveryOperationTheVendorHandles() {
    assertEquals(
        Set.of(
            PostCenterVendor.GET_TICKET,
            PostCenterVendor.GET_MESSAGES,
            PostCenterVendor.CLOSE_TICKET,
            PostCenterVendor.REASSIGN_TICKET,
            PostCenterVendor.GET_BY_AGENT_ID,
            PostCenterVendor.POST_BY_AGENT_ID,
            PostCenterVendor.GET_POSSIBLE_AGENT,
            PostCenterVendor.LIST_BY_COUNTRY_ID,
            PostCenterVendor.LIST_FACEBOOK,
            PostCenterVendor.LIST_BY_STATE,
            PostCenterVendor.LIST_PAGINATED,
            PostCenterVendor.LIST_ACCOUNTS),
        contract.operations().stream().map(Operation::getOperationId).collect(Collectors.toSet()));
  }

  @Test
  void theDetailKeepsItsStringIdentifierAndSubject() {
    valid(PostCenterVendor.GET_TICKET, seedDetail());
    invalid(PostCenterVendor.GET_TICKET, seedDetail().put("identifier", 261));
    JsonObject titled = seedDetail();
    titled.put("title", titled.remove("subject"));
    invalid(PostCenterVendor.GET_TICKET, titled);
    invalid(PostCenterVendor.GET_TICKET, seedDetail().put("updated_time", "2016-12-21T13:17:29"));
  }

  @Test
  void theListsKeepTheirNumericIdentifierAndTitle() {
    JsonObject item = seedDetail().put("identifier", 261);
    item.put("title", item.remove("subject"));
    valid(
        PostCenterVendor.LIST_BY_COUNTRY_ID,
        new JsonObject()
            .put("status", 200)
            .put("tickets", new io.vertx.core.json.JsonArray().add(item)));
    invalid(
        PostCenterVendor.LIST_BY_COUNTRY_ID,
        new JsonObject()
            .put("status", 200)
            .put("tickets", new io.vertx.core.json.JsonArray().add(seedDetail())));
  }

  @Test
  void thePaginatedListKeepsSpanishStatesAndPagesOf100() {
    JsonObject listed =
        new JsonObject()
            .put("status", "Abierto")
            .put("updated_datetime", "18-04-2019 22:30:21")
            .put("created_datetime", "18-04-2019 21:40:59")
            .put("social_network", "twitter")
            .put("identifier", 322)
            .put("id", "5cb8eeeb0715437c9126715e");
    io.vertx.core.json.JsonArray hundred = new io.vertx.core.json.JsonArray();
    for (int i = 0; i < 100; i++) {
      hundred.add(listed);
    }
    JsonObject page =
        new JsonObject()
            .put("tickets", hundred)
            .put("status", 200)
            .put("number_of_tickets", 100)
            .put("next_page", "5cb8fa940715430c9c8824f3");
    valid(PostCenterVendor.LIST_PAGINATED, page);
    valid(PostCenterVendor.LIST_PAGINATED, page.copy().put("next_page", null));
    invalid(
        PostCenterVendor.LIST_PAGINATED, page.copy().put("tickets", hundred.copy().add(listed)));
    invalid(
        PostCenterVendor.LIST_PAGINATED,
        page.copy()
            .put(
                "tickets",
                new io.vertx.core.json.JsonArray().add(listed.copy().put("status", "open"))));
    invalid(
        PostCenterVendor.LIST_PAGINATED,
        page.copy()
            .put(
                "tickets",
                new io.vertx.core.json.JsonArray()
                    .add(listed.copy().put("created_datetime", "2019-04-18T21:40:59"))));
  }

  @Test
  void errorsCarryTheirStatusInTheBody() {
    Buffer body = new JsonObject().put("message", "Non-existent status").toBuffer();
    assertThrows(
        RuntimeException.class,
        () ->
            validator
                .validate(
                    ValidatableResponse.create(404, Map.of(), body, "application/json"),
                    PostCenterVendor.LIST_BY_STATE)
                .await());
  }
}
