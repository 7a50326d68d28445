package dev.integrationsandbox.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The recording folder that {@code erase} and {@code expire} work on, declared once. */
final class RecordingFolder {

  @Parameters(index = "0", paramLabel = "FOLDER", description = "A --record-dir folder.")
  Path path;

  /** Whether it is a folder; says so on stderr, naming the command, when not. */
  boolean exists(String command) {
    if (Files.isDirectory(path)) {
      return true;
    }
    System.err.println(command + ": " + path.toAbsolutePath() + " is not a folder");
    return false;
  }
}
