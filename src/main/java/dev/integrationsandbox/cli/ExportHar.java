package dev.integrationsandbox.cli;

import dev.integrationsandbox.record.Har;
import dev.integrationsandbox.record.RecordingReader;
import dev.integrationsandbox.record.Redactor;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code export-har RECORDING OUT.har}: a recording (a JSON Lines file or a {@code --record-dir}
 * folder) as a HAR 1.2 archive that browsers' network panels and HAR viewers open. Secrets stay
 * masked: the recording is redacted already, and {@link Har} redacts again on the way out.
 */
@Command(
    name = "export-har",
    mixinStandardHelpOptions = true,
    description = "Writes a recording (JSON Lines file or recording folder) as a HAR 1.2 file.")
final class ExportHar implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RECORDING", description = "A .jsonl file or a folder.")
  Path recording;

  @Parameters(index = "1", paramLabel = "OUT.har", description = "The HAR file to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(recording)) {
      System.err.println("export-har: " + recording.toAbsolutePath() + " does not exist");
      return 2;
    }
    List<JsonObject> lines =
        Files.isDirectory(recording)
            ? RecordingReader.readFolder(recording)
            : RecordingReader.read(recording);
    JsonObject har = Har.of(lines, Redactor.BY_NAME);
    Files.writeString(out, har.encodePrettily(), StandardCharsets.UTF_8);
    System.out.println("wrote " + lines.size() + " entries to " + out);
    return 0;
  }
}
