package dev.integrationsandbox;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in a child JVM with the README's recommended flags (a 160 MB heap), for tests of
 * what fits in that heap: an in-process sandbox would share the test JVM's larger one.
 *
 * @param log everything the child wrote
 */
public record ChildSandbox(Process process, int port, Path log) implements AutoCloseable {

  /** The README's and the Docker image's JVM flags. */
  public static final List<String> RECOMMENDED_FLAGS =
      List.of("-Xms64m", "-Xmx160m", "-XX:MaxGCPauseMillis=5");

  private static final Pattern READY = Pattern.compile("ready in \\d+ ms on http://[^:]+:(\\d+)");

  /** Starts {@code Main} on a free loopback port with the flags and arguments, once it is ready. */
  public static ChildSandbox start(Path dir, String... args) throws Exception {
    Path log = dir.resolve("sandbox.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(RECOMMENDED_FLAGS);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "dev.integrationsandbox.Main",
            "--port",
            "0",
            "--host",
            "127.0.0.1"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      return new ChildSandbox(process, awaitPort(process, log), log);
    } catch (Exception | AssertionError e) {
      process.destroy();
      throw e;
    }
  }

  /** A keep-alive web client whose requests go to this sandbox. */
  public WebClient client(Vertx vertx) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultPort(port).setKeepAlive(true));
  }

  public String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** The JDK's {@code jcmd} on the child, e.g. {@code GC.heap_info}: its output. */
  public String jcmd(String... command) throws Exception {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(String.valueOf(process.pid()));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new AssertionError("jcmd " + String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private static int awaitPort(Process sandbox, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!sandbox.isAlive()) {
        throw new AssertionError("sandbox exited: " + Files.readString(log));
      }
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          Matcher m = READY.matcher(line);
          if (m.find()) {
            return Integer.parseInt(m.group(1));
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("sandbox did not start: " + Files.readString(log));
  }
}
