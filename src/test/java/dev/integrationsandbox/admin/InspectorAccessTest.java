package dev.integrationsandbox.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.RemoteAddress;
import dev.integrationsandbox.TestSandbox;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.SocketException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The inspector opened from another machine, as a browser does it: the address carries the token
 * once, the sandbox trades it for a cookie, and from then on the page's own requests (same origin)
 * pass while a page of any other origin is still refused. Requests go to this machine's
 * non-loopback address, so the sandbox sees a remote client.
 */
@Timeout(30)
class InspectorAccessTest {

  static final String TOKEN = "inspector-access-token";

  private static Vertx vertx;
  private static TestSandbox sandbox;
  private static WebClient client;
  private static String address;

  @BeforeAll
  static void start() throws SocketException {
    address = RemoteAddress.ofThisMachine();
    Assumptions.assumeTrue(address != null, "this machine has no non-loopback IPv4 address");
    vertx = Vertx.vertx();
    sandbox =
        TestSandbox.start(
                vertx, "--host", "0.0.0.0", "--admin-token", TOKEN, "--admin-host", address)
            .await();
    client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  @AfterAll
  static void stop() {
    if (vertx != null) {
      vertx.close().await();
    }
  }

  private static String origin() {
    return "http://" + address + ":" + sandbox.port();
  }

  private static HttpRequest<Buffer> remote(HttpMethod method, String uri) {
    return client.requestAbs(method, origin() + uri);
  }

  private static String cookie() {
    HttpResponse<Buffer> r = remote(HttpMethod.GET, "/__sandbox/ui/?token=" + TOKEN).send().await();
    return r.cookies().get(0).split(";", 2)[0];
  }

  @Test
  void aRemoteClientWithoutTokenOrCookieGets401() {
    HttpResponse<Buffer> r = remote(HttpMethod.GET, "/__sandbox/journal").send().await();
    assertEquals(401, r.statusCode());
    assertTrue(r.bodyAsString().contains("/__sandbox/ui/?token="), r.bodyAsString());
    assertEquals(401, remote(HttpMethod.GET, "/__sandbox/ui/").send().await().statusCode());
  }

  @Test
  void theTokenInTheAddressBecomesAStrictHttpOnlyCookieAndLeavesTheAddress() {
    HttpResponse<Buffer> r =
        remote(HttpMethod.GET, "/__sandbox/ui/?token=" + TOKEN + "&view=1").send().await();
    assertEquals(303, r.statusCode());
    assertEquals("/__sandbox/ui/?view=1", r.getHeader("Location"));
    assertEquals(1, r.cookies().size(), r.cookies().toString());
    String setCookie = r.cookies().get(0);
    assertTrue(setCookie.startsWith(AdminGuard.COOKIE + "="), setCookie);
    assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
    assertTrue(setCookie.contains("Path=/__sandbox"), setCookie);
    assertFalse(setCookie.contains(TOKEN), "the cookie holds a MAC of the token, not the token");

    HttpResponse<Buffer> page =
        remote(HttpMethod.GET, "/__sandbox/ui/").putHeader("Cookie", cookie()).send().await();
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("integration-sandbox inspector"));
  }

  /** A path that normalizes to the page's must not lead the redirect to another host. */
  @Test
  void theRedirectStaysOnTheSandboxWhateverPathTheTokenCameBy() {
    HttpClient raw = sandbox.vertx().createHttpClient();
    try {
      HttpClientResponse r =
          raw.request(
                  HttpMethod.GET,
                  sandbox.port(),
                  address,
                  "//evil.example/../__sandbox/ui/?token=" + TOKEN + "&view=a%20b")
              .compose(HttpClientRequest::send)
              .await();
      assertEquals(303, r.statusCode());
      assertEquals("/__sandbox/ui/?view=a%20b", r.getHeader("Location"));
    } finally {
      raw.close().await();
    }
  }

  @Test
  void aWrongTokenOrCookieIsRefusedAndSetsNothing() {
    HttpResponse<Buffer> r = remote(HttpMethod.GET, "/__sandbox/ui/?token=guess").send().await();
    assertEquals(401, r.statusCode());
    assertTrue(r.cookies().isEmpty());
    assertNull(r.getHeader("Location"));
    HttpResponse<Buffer> stale =
        remote(HttpMethod.GET, "/__sandbox/clock")
            .putHeader("Cookie", AdminGuard.COOKIE + "=0123abcd")
            .send()
            .await();
    assertEquals(401, stale.statusCode());
  }

  @Test
  void thePagesOwnOriginMayChangeStateAForeignOneMayNot() {
    String cookie = cookie();
    sandbox.clock(new JsonObject().put("freeze", true));
    String before = clockNow();
    HttpResponse<Buffer> foreign =
        remote(HttpMethod.POST, "/__sandbox/clock")
            .putHeader("Cookie", cookie)
            .putHeader("Origin", "http://evil.example:" + sandbox.port())
            .sendJsonObject(new JsonObject().put("advance", "PT1H"))
            .await();
    assertEquals(403, foreign.statusCode());
    assertEquals(before, clockNow(), "a foreign page moved the clock");
    HttpResponse<Buffer> otherPort =
        remote(HttpMethod.POST, "/__sandbox/clock")
            .putHeader("Cookie", cookie)
            .putHeader("Origin", "http://" + address + ":1")
            .sendJsonObject(new JsonObject().put("advance", "PT1H"))
            .await();
    assertEquals(403, otherPort.statusCode(), "another port is another origin");

    HttpResponse<Buffer> own =
        remote(HttpMethod.POST, "/__sandbox/clock")
            .putHeader("Cookie", cookie)
            .putHeader("Origin", origin())
            .sendJsonObject(new JsonObject().put("advance", "PT1H"))
            .await();
    assertEquals(200, own.statusCode(), own.bodyAsString());
    assertFalse(before.equals(clockNow()));
  }

  private static String clockNow() {
    return sandbox
        .client()
        .get("/__sandbox/clock")
        .send()
        .await()
        .bodyAsJsonObject()
        .getString("now");
  }
}
