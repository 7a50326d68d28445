package dev.integrationsandbox.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's {@code contracts/} and {@code fixtures/}, packaged in the jar under {@code
 * packaged/}, copied out to a temporary folder: the jar then runs from any working directory, and
 * the code that reads contracts and fixtures only ever reads files. Blocking: call from a worker.
 */
public final class PackagedFiles {

  private PackagedFiles() {}

  public static Path extract(String folder) {
    URL url = PackagedFiles.class.getClassLoader().getResource("packaged/" + folder);
    if (url == null) {
      throw new IllegalStateException(
          "no ./" + folder + " folder here and none packaged in the jar: pass --" + folder);
    }
    try {
      Path target = Files.createTempDirectory("integration-sandbox-" + folder);
      target.toFile().deleteOnExit();
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem zip;
        try {
          zip = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          zip = FileSystems.getFileSystem(uri);
        }
        copy(zip.getPath("packaged", folder), target);
      } else {
        copy(Path.of(uri), target);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the packaged " + folder, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path dest = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(file, dest);
        }
        dest.toFile().deleteOnExit();
      }
    }
  }
}
