package dev.integrationsandbox.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.core.Sandbox;
import dev.integrationsandbox.exchange.Exchange;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live stream the inspector page reads, over raw sockets: what a page receives, and that a page
 * which stops reading costs the server a bounded queue, with the loss counted and announced.
 */
@Timeout(60)
class ExchangeFeedTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  private static final Pattern DROPPED =
      Pattern.compile("event: dropped\ndata: \\{\"dropped\":(\\d+)\\}");

  /** An open {@code /__sandbox/events} connection and everything read from it so far. */
  private record Stream(NetSocket socket, StringBuffer text) {
    static Stream open(TestSandbox sandbox) {
      NetSocket socket =
          sandbox.vertx().createNetClient().connect(sandbox.port(), "localhost").await();
      StringBuffer text = new StringBuffer();
      socket.handler(b -> text.append(b.toString()));
      socket.write("GET /__sandbox/events HTTP/1.1\r\nHost: localhost\r\n\r\n").await();
      return new Stream(socket, text);
    }

    void waitFor(String fragment) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!text.toString().contains(fragment)) {
        assertTrue(System.nanoTime() < deadline, "never saw " + fragment + " in:\n" + text);
        Thread.sleep(20);
      }
    }
  }

  private static JsonObject feed(TestSandbox sandbox) {
    return sandbox
        .client()
        .get("/__sandbox/about")
        .send()
        .await()
        .bodyAsJsonObject()
        .getJsonObject("feed");
  }

  @Test
  void aPageReceivesEachExchangeAsASummaryWithoutBodies(TestSandbox sandbox) throws Exception {
    Stream stream = Stream.open(sandbox);
    stream.waitFor("event: hello");
    assertTrue(stream.text().toString().contains("Content-Type: text/event-stream"));
    BtgApi btg = new BtgApi(sandbox).signedIn();
    btg.info();
    stream.waitFor("\"operation\":\"getTicketsInfo\"");
    String text = stream.text().toString();
    assertTrue(text.contains("\"operation\":\"createToken\""), text);
    assertTrue(!text.contains(btg.token()), "no token, no body in the stream");
    stream.socket().close().await();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (feed(sandbox).getInteger("subscribers") != 0) {
      assertTrue(System.nanoTime() < deadline, "a closed page stays subscribed");
      Thread.sleep(20);
    }
  }

  @Test
  void aPageThatStopsReadingLosesExchangesCountedNotTheServersMemory(TestSandbox sandbox)
      throws Exception {
    new BtgApi(sandbox).signedIn();
    Sandbox inside = sandbox.server().sandbox();
    Exchange real = inside.journal().latest(e -> true, 1).get(0);
    Stream stream = Stream.open(sandbox);
    stream.waitFor("event: hello");
    stream.socket().pause();
    long before = feed(sandbox).getLong("dropped");
    int offered = 50_000;
    for (int i = 0; i < offered; i++) {
      inside.feed().onExchange(real);
    }
    long dropped = feed(sandbox).getLong("dropped") - before;
    assertTrue(dropped > offered / 2, "dropped only " + dropped + " of " + offered);

    stream.socket().resume();
    stream.waitFor("event: dropped");
    Thread.sleep(500);
    String text = stream.text().toString();
    Matcher told = DROPPED.matcher(text);
    List<Long> counts = new ArrayList<>();
    while (told.find()) {
      counts.add(Long.parseLong(told.group(1)));
    }
    long received = text.split("event: exchange\n", -1).length - 1;
    assertEquals(dropped, counts.get(counts.size() - 1), "the page is told every loss");
    assertEquals(offered, received + dropped, "every exchange arrives or is counted as dropped");
    stream.socket().close().await();
  }

  @Test
  void pagesBeyondTheLimitAreRefusedNotQueued(TestSandbox sandbox) throws Exception {
    List<Stream> open = new ArrayList<>();
    for (int i = 0; i < ExchangeFeed.MAX_SUBSCRIBERS; i++) {
      Stream s = Stream.open(sandbox);
      s.waitFor("event: hello");
      open.add(s);
    }
    var refused = sandbox.client().get("/__sandbox/events").send().await();
    assertEquals(503, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("inspector pages are open already"));
    for (Stream s : open) {
      s.socket().close().await();
    }
  }
}
