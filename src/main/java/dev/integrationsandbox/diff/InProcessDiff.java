package dev.integrationsandbox.diff;

import dev.integrationsandbox.config.ConfigLoader;
import dev.integrationsandbox.config.SandboxConfig;
import dev.integrationsandbox.core.MountedVendor;
import dev.integrationsandbox.core.SandboxServer;
import dev.integrationsandbox.core.Vendors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fidelity diff of a running sandbox's recordings, as {@code POST /__sandbox/fidelity} runs it:
 * against an emulator started for the run on a loopback port of this process, from the same
 * contracts and fixtures, with every vendor emulated and nothing recorded, and stopped after. So
 * the diff never touches the worlds, journal or recordings that clients of the sandbox see,
 * whatever mode its vendors run in.
 */
public final class InProcessDiff {

  private InProcessDiff() {}

  /**
   * The throwaway emulator's settings: the sandbox's contracts and fixtures, no SANDBOX_*
   * environment (which could name another mode), and Vocom's 10 s call_services latency off.
   * Blocking (it checks the folders): call from a worker.
   */
  public static SandboxConfig emulatorConfig(SandboxConfig like) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--journal-size",
                "16",
                "--vendor-option",
                "vocom.latency.callServices=PT0S"));
    if (like.contracts() != null) {
      args.addAll(List.of("--contracts", like.contracts().toString()));
    }
    if (like.fixtures() != null) {
      args.addAll(List.of("--fixtures", like.fixtures().toString()));
    }
    return new ConfigLoader(Map.of(), Vendors::ids).load(args.toArray(String[]::new));
  }

  /** Starts the emulator on one event loop, runs the recording through it, and stops it. */
  public static Future<FidelityReport> run(
      Vertx vertx, SandboxConfig emulator, List<JsonObject> recording) {
    return SandboxServer.start(vertx, emulator, new SimpleMeterRegistry(), Vendors.available(), 1)
        .compose(
            server ->
                new FidelityRun(vertx, "http://127.0.0.1:" + server.port(), vendors(server))
                    .run(recording)
                    .eventually(server::stop));
  }

  private static Map<String, MountedVendor> vendors(SandboxServer server) {
    return server.sandbox().vendors().stream().collect(Collectors.toMap(MountedVendor::id, v -> v));
  }
}
