package dev.integrationsandbox.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.core.Pipeline;
import dev.integrationsandbox.exchange.Exchange;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal holds an exchange of real traffic as it shows it: a proxied request's credential and
 * its customer's CPF, and the upstream's token and echo of the CPF, are not in the Exchange object
 * the journal keeps (what a heap dump would find), while the client and the upstream see them as
 * sent. Emulated exchanges, the test's own data, are kept as they were.
 */
@Timeout(60)
class SafeJournalTest {

  static final String SECRET = "s3cr3t-bearer-value-4711";
  static final String UPSTREAM_TOKEN = "upstream-issued-token-0815";
  static final String CPF = "52998224725";
  static final String CPF_DOTTED = "529.982.247-25";
  static final String OPEN = "/api/v1/integracao/atendimento";
  static final String PASSWORD = "form-labeled-password-0042";

  static Vertx vertx;
  static Vertx upstreamVertx;
  static HttpServer upstream;
  static final List<String> upstreamSaw = new ArrayList<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    upstreamVertx = Vertx.vertx();
    upstream =
        upstreamVertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              synchronized (upstreamSaw) {
                                upstreamSaw.add(request.getHeader("Authorization") + " " + body);
                              }
                              JsonObject answer =
                                  new JsonObject()
                                      .put("status", "success")
                                      .put("msg", "aberto para " + CPF_DOTTED)
                                      .put("access_token", UPSTREAM_TOKEN)
                                      .put("cpf_cnpj", CPF);
                              if (request.getParam("history") != null) {
                                answer.put("historico", history());
                              }
                              request
                                  .response()
                                  .putHeader("Content-Type", "application/json")
                                  .putHeader("Set-Cookie", "session=" + SECRET)
                                  .end(answer.encode());
                            }))
            .listen(0, "127.0.0.1")
            .await();
  }

  @AfterAll
  static void stop() {
    upstream.close().await();
    upstreamVertx.close().await();
    vertx.close().await();
  }

  @Test
  void withMaskingTheJournalHoldsNeitherTheSecretsNorTheCpf() {
    TestSandbox proxy = proxy("--mask-personal-data");
    try {
      HttpResponse<Buffer> r = open(proxy);
      assertTrue(r.bodyAsString().contains(UPSTREAM_TOKEN), "the client gets the answer as sent");
      synchronized (upstreamSaw) {
        String seen = upstreamSaw.get(upstreamSaw.size() - 1);
        assertTrue(seen.contains(SECRET) && seen.contains(CPF), "the upstream gets it as sent");
      }
      Exchange kept = stored(proxy, r);
      String held = everything(kept);
      assertFalse(held.contains(SECRET), held);
      assertFalse(held.contains(UPSTREAM_TOKEN), held);
      assertFalse(held.contains(CPF), held);
      assertFalse(held.contains(CPF_DOTTED), held);
      assertTrue(held.contains("Maria"), "not a name field the contract marks here: " + held);

      JsonObject shown = journaled(proxy, r);
      assertEquals(
          new JsonObject(kept.requestBody().kept()),
          shown.getJsonObject("request").getJsonObject("body"),
          "the journal shows the masked copy as it is, not masked again");
      assertEquals(
          kept.responseBody().kept().toJsonObject().getString("msg"),
          shown.getJsonObject("response").getJsonObject("body").getString("msg"));
      assertEquals(kept.uri(), shown.getString("path"));
    } finally {
      proxy.stop().await();
    }
  }

  /** Past {@link SafeCopies#INLINE_MAX} bytes of bodies, the copy is made on a worker. */
  @Test
  void aLargeExchangeIsKeptSafeToo() {
    TestSandbox proxy = proxy("--mask-personal-data");
    try {
      HttpResponse<Buffer> r = open(proxy, "&history=1");
      assertEquals(history(), r.bodyAsJsonObject().getJsonArray("historico"), "as sent");
      Exchange kept = stored(proxy, r);
      assertTrue(kept.responseBody().kept().length() > SafeCopies.INLINE_MAX);
      String held = everything(kept);
      assertFalse(held.contains(SECRET), held);
      assertFalse(held.contains(UPSTREAM_TOKEN), held);
      assertFalse(held.contains(CPF), held);
      assertFalse(held.contains(CPF_DOTTED), held);
      assertEquals(
          history().size(),
          new JsonObject(kept.responseBody().kept()).getJsonArray("historico").size());
    } finally {
      proxy.stop().await();
    }
  }

  @Test
  void withoutMaskingTheJournalKeepsTheCpfButNoSecret() {
    TestSandbox proxy = proxy();
    try {
      HttpResponse<Buffer> r = open(proxy);
      String held = everything(stored(proxy, r));
      assertFalse(held.contains(SECRET), held);
      assertFalse(held.contains(UPSTREAM_TOKEN), held);
      assertTrue(held.contains(CPF), held);
      assertTrue(held.contains(CPF_DOTTED), held);
    } finally {
      proxy.stop().await();
    }
  }

  /**
   * {@code curl -d} sends JSON labeled as a form, and HubSoft reads it as JSON: read as a form, its
   * password and CPF were one field name that neither the redactor nor the mask looked inside.
   */
  @Test
  void jsonLabeledAsAFormIsKeptAndRecordedSafe(@TempDir Path records) throws Exception {
    TestSandbox proxy = proxy("--mask-personal-data", "--record-dir", records.toString());
    try {
      HttpResponse<Buffer> r =
          proxy
              .client()
              .post(OPEN)
              .putHeader("Content-Type", "application/x-www-form-urlencoded")
              .sendBuffer(
                  Buffer.buffer(
                      new JsonObject()
                          .put("password", PASSWORD)
                          .put("cpf_cnpj", CPF)
                          .put("descricao", "Cliente " + CPF_DOTTED)
                          .encode()))
              .await();
      Exchange kept = stored(proxy, r);
      String held = everything(kept);
      assertFalse(held.contains(PASSWORD), held);
      assertFalse(held.contains(CPF), held);
      assertFalse(held.contains(CPF_DOTTED), held);
      assertTrue(
          new JsonObject(kept.requestBody().kept()).containsKey("cpf_cnpj"),
          "kept as the JSON it is, not re-encoded as a form: " + held);
    } finally {
      proxy.stop().await();
    }
    String recorded;
    try (Stream<Path> files = Files.list(records)) {
      recorded =
          files
              .filter(f -> f.toString().endsWith(".jsonl"))
              .map(SafeJournalTest::read)
              .collect(Collectors.joining());
    }
    assertTrue(recorded.contains("cpf_cnpj"), recorded);
    assertFalse(recorded.contains(PASSWORD), recorded);
    assertFalse(recorded.contains(CPF), recorded);
    assertFalse(recorded.contains(CPF_DOTTED), recorded);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anEmulatedExchangeIsKeptAsItWas() {
    TestSandbox emulator = TestSandbox.start(vertx).await();
    try {
      HttpResponse<Buffer> r = open(emulator);
      Exchange kept = stored(emulator, r);
      assertFalse(kept.safe());
      assertTrue(everything(kept).contains(SECRET), "a test's own token, shown redacted");
    } finally {
      emulator.stop().await();
    }
  }

  private static TestSandbox proxy(String... flags) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--mode",
                "hubsoft=proxy",
                "--upstream",
                "hubsoft=http://127.0.0.1:" + upstream.actualPort()));
    args.addAll(List.of(flags));
    return TestSandbox.start(vertx, args.toArray(String[]::new)).await();
  }

  /** A customer's history: 100 entries, each naming the CPF, 8 KiB in all. */
  static JsonArray history() {
    JsonArray entries = new JsonArray();
    for (int i = 0; i < 100; i++) {
      entries.add(
          new JsonObject()
              .put("id", i)
              .put("texto", "Contato " + i + " do cliente " + CPF_DOTTED + ", fatura em aberto"));
    }
    return entries;
  }

  private static HttpResponse<Buffer> open(TestSandbox sandbox) {
    return open(sandbox, "");
  }

  private static HttpResponse<Buffer> open(TestSandbox sandbox, String query) {
    return sandbox
        .client()
        .post(OPEN + "?cpf=" + CPF + query)
        .putHeader("Authorization", "Bearer " + SECRET)
        .sendJsonObject(
            new JsonObject()
                .put("id_cliente_servico", "11000")
                .put("descricao", "Cliente " + CPF_DOTTED + " pede segunda via")
                .put("cpf_cnpj", CPF)
                .put("responsavel", "Maria"))
        .await();
  }

  private static Exchange stored(TestSandbox sandbox, HttpResponse<Buffer> r) {
    return sandbox
        .server()
        .sandbox()
        .journal()
        .find(r.getHeader(Pipeline.EXCHANGE_ID_HEADER))
        .orElseThrow();
  }

  private static JsonObject journaled(TestSandbox sandbox, HttpResponse<Buffer> r) {
    return sandbox
        .client()
        .get("/__sandbox/journal/" + r.getHeader(Pipeline.EXCHANGE_ID_HEADER))
        .send()
        .await()
        .bodyAsJsonObject();
  }

  private static String headers(MultiMap headers) {
    StringBuilder all = new StringBuilder();
    headers.forEach(h -> all.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
    return all.toString();
  }

  /** Every text the exchange holds, in one string. */
  private static String everything(Exchange e) {
    return String.join(
        "\n",
        e.uri(),
        headers(e.requestHeaders()),
        e.requestBody().kept().toString(),
        headers(e.responseHeaders()),
        e.responseBody().kept().toString(),
        String.valueOf(e.violations()),
        String.valueOf(e.error()),
        String.valueOf(e.notes()));
  }
}
