package dev.integrationsandbox.postcenter;

import static dev.integrationsandbox.postcenter.PostCenterApi.KEY;
import static dev.integrationsandbox.postcenter.PostCenterApi.TWITTER_TICKET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients at once over HTTP, on a sandbox whose event loops share the world. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PostCenterConcurrencyTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  @Test
  void ofManyConcurrentClosesOfOneTicketExactlyOneSucceeds() {
    TestSandbox sandbox = extension.sandbox();
    List<Future<HttpResponse<Buffer>>> closes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      closes.add(
          sandbox
              .client()
              .post("/v2/ticket/" + TWITTER_TICKET + "/close/")
              .putHeader("Authorization", "Key " + KEY)
              .send());
    }
    Future.all(closes).await();
    long ok = closes.stream().filter(f -> f.result().statusCode() == 200).count();
    long refused = closes.stream().filter(f -> f.result().statusCode() == 400).count();
    assertEquals(1, ok);
    assertEquals(39, refused);
  }
}
