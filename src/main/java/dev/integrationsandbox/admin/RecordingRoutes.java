package dev.integrationsandbox.admin;

import dev.integrationsandbox.config.SandboxConfig;
import dev.integrationsandbox.diff.FidelityReport;
import dev.integrationsandbox.diff.FidelityRuns;
import dev.integrationsandbox.diff.InProcessDiff;
import dev.integrationsandbox.record.RecordingFiles;
import dev.integrationsandbox.record.RecordingReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recordings on disk and their fidelity, for the inspector's Recordings view:
 *
 * <pre>
 * curl localhost:8080/__sandbox/recordings
 * curl -X POST 'localhost:8080/__sandbox/fidelity?file=rec/exchanges-20260101-0001.jsonl'
 * curl localhost:8080/__sandbox/fidelity
 * </pre>
 *
 * Files are read on a worker. A fidelity run sends a recording's requests to an emulator started
 * for it ({@link InProcessDiff}); one run at a time, of at most {@value #DIFF_MAX_BYTES} bytes and
 * {@value #DIFF_MAX_EXCHANGES} exchanges, and only of a file the listing names, so a request cannot
 * make the sandbox read any other file.
 */
final class RecordingRoutes {

  static final long DIFF_MAX_BYTES = 32L * 1024 * 1024;
  static final int DIFF_MAX_EXCHANGES = 5_000;

  /** Differences kept in the last report: each exchange can differ in many places. */
  static final int DIFFERENCES_SHOWN = 500;

  private final SandboxConfig config;
  private final FidelityRuns runs;

  private RecordingRoutes(SandboxConfig config, FidelityRuns runs) {
    this.config = config;
    this.runs = runs;
  }

  static void mount(Router router, SandboxConfig config, FidelityRuns runs) {
    RecordingRoutes routes = new RecordingRoutes(config, runs);
    router.get("/recordings").handler(routes::recordings);
    router.get("/fidelity").handler(routes::lastReport);
    router.post("/fidelity").handler(routes::runDiff);
  }

  private void recordings(RoutingContext rc) {
    rc.vertx()
        .executeBlocking(
            () -> RecordingFiles.list(config.proxy().recordDir(), config.replayFrom()), false)
        .onSuccess(list -> json(rc, 200, list))
        .onFailure(
            e -> json(rc, 500, error("the recordings could not be listed: " + e.getMessage())));
  }

  private void lastReport(RoutingContext rc) {
    JsonObject report = runs.last();
    if (report == null) {
      json(rc, 404, error("no fidelity diff has run yet: POST /__sandbox/fidelity"));
    } else {
      json(rc, 200, report);
    }
  }

  /** {@code ?file=} one listed file; without it, every file the listing names. */
  private void runDiff(RoutingContext rc) {
    String file = rc.queryParams().get("file");
    if (!runs.start()) {
      json(rc, 409, error("a fidelity diff is running already"));
      return;
    }
    Vertx vertx = rc.vertx();
    vertx
        .executeBlocking(() -> load(file), false)
        .compose(
            input ->
                input.refusal() != null
                    ? Future.succeededFuture(input.refusal())
                    : InProcessDiff.run(vertx, input.emulator(), input.lines())
                        .map(report -> report(report, input.files())))
        .onComplete(
            done ->
                runs.done(
                    done.succeeded() && !done.result().containsKey("error") ? done.result() : null))
        .onSuccess(
            body -> {
              if (body.containsKey("error")) {
                JsonObject refusal = body.copy();
                json(rc, (Integer) refusal.remove("status"), refusal);
              } else {
                json(rc, 200, body);
              }
            })
        .onFailure(
            e -> json(rc, 502, error("the in-process emulator did not answer: " + e.getMessage())));
  }

  private record Input(
      JsonObject refusal, List<String> files, List<JsonObject> lines, SandboxConfig emulator) {}

  private Input load(String file) throws Exception {
    List<Path> chosen = new ArrayList<>();
    for (RecordingFiles.Source s :
        RecordingFiles.sources(config.proxy().recordDir(), config.replayFrom())) {
      if (file == null || s.path().toString().equals(file)) {
        chosen.add(s.path());
      }
    }
    if (chosen.isEmpty()) {
      return refused(
          404,
          file == null
              ? "no recordings: start with --record-dir or --replay-from"
              : "no listed recording " + file + " (GET /__sandbox/recordings names them)");
    }
    long bytes = 0;
    for (Path p : chosen) {
      bytes += Files.size(p);
    }
    if (bytes > DIFF_MAX_BYTES) {
      return refused(
          413,
          bytes + " bytes of recordings; the page diffs at most " + DIFF_MAX_BYTES + ": use diff");
    }
    List<JsonObject> lines = new ArrayList<>();
    for (Path p : chosen) {
      for (JsonObject line : RecordingReader.readAny(p)) {
        if (line.getString("vendor") != null && line.getJsonObject("request") != null) {
          lines.add(line);
        }
      }
    }
    if (lines.size() > DIFF_MAX_EXCHANGES) {
      return refused(
          413,
          lines.size()
              + " exchanges; the page diffs at most "
              + DIFF_MAX_EXCHANGES
              + ": use the diff command");
    }
    List<String> names = chosen.stream().map(Path::toString).toList();
    return new Input(null, names, lines, InProcessDiff.emulatorConfig(config));
  }

  private static Input refused(int status, String message) {
    return new Input(error(message).put("status", status), null, null, null);
  }

  private static JsonObject report(FidelityReport report, List<String> files) {
    JsonObject json = report.toJson();
    JsonArray differences = json.getJsonArray("differences");
    if (differences.size() > DIFFERENCES_SHOWN) {
      json.put("differences", new JsonArray(differences.getList().subList(0, DIFFERENCES_SHOWN)));
    }
    return json.put("differenceCount", differences.size())
        .put("files", new JsonArray(new ArrayList<Object>(files)))
        .put("at", Instant.now().toString());
  }

  private static JsonObject error(String message) {
    return new JsonObject().put("error", message);
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }
}
