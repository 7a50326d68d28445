package dev.integrationsandbox.hubsoft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.spi.Failure;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One installation's atendimentos without a server: ids, protocols, bounds and concurrent closes.
 */
class AtendimentoBookTest {

  static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

  static Provedor ipTelecom() throws Exception {
    JsonObject json = new JsonObject(Files.readString(Path.of("fixtures/hubsoft/provedores.json")));
    return Provedor.fromJson(
        "provedores.json", json.getJsonObject("provedores").getJsonObject("ip-telecom"));
  }

  static NovoAtendimento seed() {
    Rules rules = new Rules();
    return NovoAtendimento.read(HubSoftApi.seedBody(), rules);
  }

  @Test
  void protocolsKeepIncreasingWhenTheClockGoesBack() throws Exception {
    AtendimentoBook book = new AtendimentoBook(ipTelecom(), 100);
    BigInteger last = BigInteger.ZERO;
    for (Instant at : List.of(NOW, NOW, NOW.minusSeconds(3600), NOW.plusSeconds(1))) {
      BigInteger p = new BigInteger(book.open(seed(), at, 5228).protocolo());
      assertTrue(p.compareTo(last) > 0);
      last = p;
    }
    assertEquals("20260310120000000000", book.all().get(2).protocolo());
  }

  @Test
  void pastTheBoundTheOldestAtendimentoIsForgotten() throws Exception {
    AtendimentoBook book = new AtendimentoBook(ipTelecom(), 3);
    book.open(seed(), NOW, 5228);
    book.open(seed(), NOW, 5228);
    assertEquals(List.of(285L, 300L, 301L), book.all().stream().map(Atendimento::id).toList());
    Failure f =
        assertThrows(Failure.class, () -> book.edit(110, null, new JsonObject(), true, NOW, 5228));
    assertEquals(Failure.Kind.NOT_FOUND, f.kind());
  }

  @Test
  void ofManyConcurrentClosesExactlyOneWins() throws Exception {
    AtendimentoBook book = new AtendimentoBook(ipTelecom(), 100);
    long id = book.open(seed(), NOW, 5228).id();
    AtomicInteger wins = new AtomicInteger();
    CompletableFuture.allOf(
            IntStream.range(0, 32)
                .mapToObj(
                    i ->
                        CompletableFuture.runAsync(
                            () -> {
                              try {
                                book.edit(id, null, new JsonObject().put("i", i), true, NOW, 5228);
                                wins.incrementAndGet();
                              } catch (Failure f) {
                                assertEquals(Failure.Kind.UNPROCESSABLE, f.kind());
                              }
                            }))
                .toArray(CompletableFuture[]::new))
        .join();
    assertEquals(1, wins.get());
  }

  @Test
  void theRemainingTimeIsNegativeOnceTheDeadlineHasPassed() {
    assertEquals("-501h 6min", AtendimentoViews.tempo(60 - 30126));
    assertEquals("0h 45min", AtendimentoViews.tempo(45));
  }
}
