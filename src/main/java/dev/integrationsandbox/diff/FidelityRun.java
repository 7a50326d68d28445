package dev.integrationsandbox.diff;

import dev.integrationsandbox.core.MountedVendor;
import dev.integrationsandbox.spi.Body;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.spi.StandIns;
import dev.integrationsandbox.support.Ids;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends every request of a recording, in order, to an emulator in a world of its own, and compares
 * each answer with the recorded one and both with the vendor's contract. One run, one world: the
 * emulator's state evolves as the vendor's did while the recording was made.
 */
public final class FidelityRun {

  /** Long enough for Vocom's simulated latencies, short enough that a hung target ends the run. */
  private static final long TIMEOUT_MS = 30_000;

  private final HttpClient client;
  private final String base;
  private final String world = "fidelity-diff-" + Ids.uuid();
  private final Map<String, MountedVendor> vendors;
  private final RequestRewriter rewriter = new RequestRewriter();
  private final FidelityReport report = new FidelityReport();

  /**
   * @param base the emulator's address, {@code http://127.0.0.1:8080}
   * @param vendors the contracts and fixtures' stand-in credentials, by vendor id
   */
  public FidelityRun(Vertx vertx, String base, Map<String, MountedVendor> vendors) {
    this.client = vertx.createHttpClient();
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.vendors = vendors;
  }

  public Future<FidelityReport> run(List<JsonObject> recording) {
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject line : recording) {
      chain = chain.compose(v -> exchange(line));
    }
    return chain.map(v -> report).eventually(client::close);
  }

  private Future<Void> exchange(JsonObject line) {
    String vendor = line.getString("vendor");
    MountedVendor mounted = vendors.get(vendor);
    StandIns standIns = mounted == null ? StandIns.NONE : mounted.emulation().standIns();
    RequestRewriter.Rewritten request =
        rewriter.rewrite(
            line.getJsonObject("request", new JsonObject()), vendor, standIns, grantsToken(line));
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(request.method()))
            .setAbsoluteURI(base + "/__worlds/" + world + request.uri())
            .setHeaders(request.headers())
            .setIdleTimeout(TIMEOUT_MS);
    return client
        .request(options)
        .compose(r -> request.body() == null ? r.send() : r.send(Buffer.buffer(request.body())))
        .compose(r -> r.body().map(body -> answer(r, body)))
        .map(
            emulator -> {
              compare(line, mounted, emulator);
              return null;
            });
  }

  private static boolean grantsToken(JsonObject line) {
    return line.getJsonObject("response", new JsonObject()).getValue("body")
            instanceof JsonObject body
        && body.containsKey("access_token");
  }

  private static Reply answer(HttpClientResponse response, Buffer body) {
    Object json = body.length() == 0 ? null : new Body(body).jsonOrNull();
    return new Reply(
        response.statusCode(),
        response.getHeader("Content-Type"),
        MultiMap.caseInsensitiveMultiMap(),
        json,
        json == null && body.length() > 0 ? body : null,
        null,
        List.of());
  }

  private void compare(JsonObject line, MountedVendor mounted, Reply emulator) {
    String vendor = line.getString("vendor");
    String operation = line.getString("operation");
    JsonObject response = line.getJsonObject("response", new JsonObject());
    Reply recorded = recorded(response);
    rewriter.learn(vendor, recorded.json(), emulator.json());
    List<StructureDiff.Found> found = new ArrayList<>();
    if (recorded.status() != emulator.status()) {
      found.add(new StructureDiff.Found("status", "status", recorded.status(), emulator.status()));
    } else if (!response.getBoolean("bodyTruncated", false)) {
      ResponseSchema schema =
          mounted == null
              ? ResponseSchema.of(new JsonObject(), operation, recorded.status())
              : ResponseSchema.of(mounted.contract().raw(), operation, recorded.status());
      found.addAll(StructureDiff.compare(recorded.json(), emulator.json(), schema::enumAt));
    }
    List<Difference> differences = new ArrayList<>();
    if (!found.isEmpty()) {
      Attribution attribution =
          Attribution.of(fits(mounted, operation, recorded), fits(mounted, operation, emulator));
      for (StructureDiff.Found f : found) {
        differences.add(
            new Difference(
                line.getString("id"),
                vendor,
                operation,
                f.pointer(),
                f.kind(),
                f.recorded(),
                f.emulator(),
                attribution));
      }
    }
    report.add(vendor, operation == null ? "(unrouted)" : operation, differences);
  }

  private static boolean fits(MountedVendor mounted, String operation, Reply reply) {
    if (mounted == null || operation == null || mounted.contract().operation(operation) == null) {
      return true;
    }
    return mounted.contract().validateResponse(operation, reply).isEmpty();
  }

  private static Reply recorded(JsonObject response) {
    Object body = response.getValue("body");
    Object json = body instanceof JsonObject || body instanceof JsonArray ? body : null;
    String contentType = null;
    JsonObject headers = response.getJsonObject("headers", new JsonObject());
    for (String name : headers.fieldNames()) {
      if (name.equalsIgnoreCase("Content-Type")) {
        contentType = headers.getString(name);
      }
    }
    return new Reply(
        response.getInteger("status", 0),
        contentType,
        MultiMap.caseInsensitiveMultiMap(),
        json,
        json == null && body instanceof String text ? Buffer.buffer(text) : null,
        null,
        List.of());
  }
}
