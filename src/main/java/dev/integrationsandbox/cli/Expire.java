package dev.integrationsandbox.cli;

import dev.integrationsandbox.record.RecordingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code expire FOLDER --older-than P30D}: recordings hold personal data, so they are kept no
 * longer than needed. Deletes the recording files last written before the limit, and prints each.
 *
 * <pre>
 * java -jar integration-sandbox.jar expire rec/ --older-than P30D
 * </pre>
 */
@Command(
    name = "expire",
    mixinStandardHelpOptions = true,
    description = "Deletes the recording files of a folder last written longer ago than a limit.")
final class Expire implements Callable<Integer> {

  @Mixin RecordingFolder folder;

  @Option(
      names = "--older-than",
      required = true,
      paramLabel = "DURATION",
      description = "ISO-8601: P30D, PT12H.")
  Duration olderThan;

  @Override
  public Integer call() throws Exception {
    if (!folder.exists("expire")) {
      return 2;
    }
    Instant limit = Instant.now().minus(olderThan);
    int removed = 0;
    for (Path file : RecordingReader.files(folder.path)) {
      Instant written = Files.getLastModifiedTime(file).toInstant();
      if (written.isBefore(limit)) {
        Files.delete(file);
        removed++;
        System.out.println("removed " + file.getFileName() + " (last written " + written + ")");
      }
    }
    System.out.println("removed " + removed + " files");
    return 0;
  }
}
