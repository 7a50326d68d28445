package dev.integrationsandbox.cli;

import dev.integrationsandbox.config.ConfigLoader;
import dev.integrationsandbox.config.SandboxConfig;
import dev.integrationsandbox.core.MountedVendor;
import dev.integrationsandbox.core.SandboxServer;
import dev.integrationsandbox.core.Vendors;
import dev.integrationsandbox.diff.FidelityReport;
import dev.integrationsandbox.diff.FidelityRun;
import dev.integrationsandbox.record.RecordingReader;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code diff RECORDING [--against URL] [--json OUT]}: the fidelity diff. Sends every recorded
 * request to an emulator (one started in-process from the packaged fixtures, or the sandbox at
 * {@code --against}) and reports where its answers differ from the recorded ones by structure, each
 * difference attributed to the emulator or to the contract. Exit 0 when nothing differs, 1 when
 * something does, 2 on bad input or when the target does not answer.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Sends a recording's requests to the emulator and reports how its answers differ from the"
            + " recorded ones and from the contract. Exit 0: no difference, 1: differences, 2: bad"
            + " input or no answer.")
final class Diff implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "RECORDING",
      description = "A .jsonl file, a recording folder or a .har file.")
  Path recording;

  @Option(
      names = "--against",
      paramLabel = "URL",
      description = "A running sandbox in emulate mode to send to, instead of an in-process one.")
  String against;

  @Option(names = "--json", paramLabel = "OUT", description = "Also writes the report as JSON.")
  Path json;

  @Option(
      names = "--vendor-option",
      paramLabel = "VENDOR.KEY=VALUE",
      description =
          "Sets one vendor option of the in-process emulator, as the server's flag of the same name"
              + " does (repeatable), e.g. vocom.latency.callServices=PT0S so that a recording's"
              + " call_services do not wait the vendor's 10 s each.")
  List<String> vendorOptions = new ArrayList<>();

  private String[] emulatorArgs() {
    List<String> args = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1"));
    vendorOptions.forEach(option -> args.addAll(List.of("--vendor-option", option)));
    return args.toArray(String[]::new);
  }

  @Override
  public Integer call() throws Exception {
    List<JsonObject> lines;
    try {
      lines = RecordingReader.readAny(recording);
    } catch (IOException | RuntimeException e) {
      System.err.println("diff: " + recording + " cannot be read: " + e.getMessage());
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    try {
      SandboxConfig config = new ConfigLoader(System.getenv(), Vendors::ids).load(emulatorArgs());
      SandboxServer server =
          SandboxServer.start(vertx, config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
              .await();
      Map<String, MountedVendor> vendors =
          server.sandbox().vendors().stream().collect(Collectors.toMap(MountedVendor::id, v -> v));
      String base = against != null ? against : "http://127.0.0.1:" + server.port();
      FidelityReport report;
      try {
        report = new FidelityRun(vertx, base, vendors).run(lines).await();
      } catch (Exception e) { // await() rethrows the connection's checked exceptions as they are
        System.err.println("diff: " + base + " did not answer: " + e.getMessage());
        return 2;
      }
      System.out.print(report.text());
      if (json != null) {
        Files.writeString(json, report.toJson().encodePrettily(), StandardCharsets.UTF_8);
      }
      server.stop().await();
      return report.agrees() ? 0 : 1;
    } finally {
      vertx.close().await();
    }
  }
}
