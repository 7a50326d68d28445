package dev.integrationsandbox.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.config.ConfigLoader;
import dev.integrationsandbox.config.CorporateProxy;
import dev.integrationsandbox.core.Vendors;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTPS_PROXY, HTTP_PROXY and NO_PROXY, read as curl reads them. */
@Timeout(30)
class CorporateProxyTest {

  static CorporateProxy from(Map<String, String> env) {
    return new ConfigLoader(env, Vendors::ids).load(new String[0]).proxy().corporateProxy();
  }

  @Test
  void eachSchemeHasItsProxyAndNoProxyHostsAndTheirSubdomainsGoDirect() {
    CorporateProxy proxy =
        from(
            Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128",
                "http_proxy", "proxy.corp:8080",
                "NO_PROXY", "localhost, .internal.corp,erp.example.com"));
    assertEquals(
        URI.create("http://proxy.corp:3128"),
        proxy.forUpstream(URI.create("https://agreements-api-uat.btgpactual.com")));
    assertEquals(
        URI.create("http://proxy.corp:8080"), proxy.forUpstream(URI.create("http://pbx:8582")));
    assertNull(proxy.forUpstream(URI.create("https://erp.example.com")));
    assertNull(proxy.forUpstream(URI.create("https://a.erp.example.com")));
    assertNull(proxy.forUpstream(URI.create("http://pbx.internal.corp")));
    assertNull(proxy.forUpstream(URI.create("http://localhost:9000")));
    assertNull(from(Map.of()).forUpstream(URI.create("https://x.com")));
  }

  @Test
  void forwardedRequestsGoThroughTheProxy() {
    Vertx vertx = Vertx.vertx();
    Vertx proxyVertx = Vertx.vertx();
    try {
      AtomicReference<String> seen = new AtomicReference<>();
      HttpServer corporate =
          proxyVertx
              .createHttpServer()
              .requestHandler(
                  request -> {
                    seen.set(request.method() + " " + request.uri());
                    request
                        .response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("via", "corporate proxy").encode());
                  })
              .listen(0, "127.0.0.1")
              .await();
      TestSandbox sandbox =
          TestSandbox.start(
                  vertx,
                  Map.of("HTTP_PROXY", "http://127.0.0.1:" + corporate.actualPort()),
                  "--mode",
                  "vocom=proxy",
                  "--upstream",
                  "vocom=http://pbx.customer.example:8582")
              .await();
      HttpResponse<Buffer> r =
          sandbox
              .client()
              .post("/interact_cti/agent/get_break_list/")
              .putHeader("Authorization", "Basic YXBpX2tleTprZXk=")
              .sendJsonObject(new JsonObject().put("agent", "DEV").put("company_id", "c"))
              .await();
      assertEquals("corporate proxy", r.bodyAsJsonObject().getString("via"), r.bodyAsString());
      assertEquals(
          "POST http://pbx.customer.example:8582/interact_cti/agent/get_break_list/", seen.get());
      sandbox.stop().await();
    } finally {
      vertx.close().await();
      proxyVertx.close().await();
    }
  }
}
