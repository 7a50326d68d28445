package dev.integrationsandbox.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's {@code contracts/} and {@code fixtures/}, packaged in the jar under {@code
 * packaged/}, copied out to a temporary folder: the jar then runs from any working directory, and
 * the code that reads contracts and fixtures only ever reads files. Blocking: call from a worker.
 *
 * <p>The build lists each folder's files in {@code packaged/<folder>.files} ({@link #main}), and
 * each is read by its name through the class loader. Walking the folder inside the jar needed a zip
 * file system, which indexes all 8,000 entries of the shaded jar first: a twentieth of a cold
 * start, on its critical path.
 */
public final class PackagedFiles {

  private PackagedFiles() {}

  /**
   * Writes the list of files of each named folder under a packaged root; the build runs it.
   *
   * <pre>
   * PackagedFiles target/classes/packaged contracts fixtures
   * </pre>
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    for (int i = 1; i < args.length; i++) {
      Path folder = root.resolve(args[i]);
      try (Stream<Path> files = Files.walk(folder)) {
        List<String> names =
            files
                .filter(Files::isRegularFile)
                .map(f -> folder.relativize(f).toString().replace('\\', '/'))
                .sorted()
                .toList();
        Files.write(root.resolve(args[i] + ".files"), names, StandardCharsets.UTF_8);
      }
    }
  }

  public static Path extract(String folder) {
    String list = read("packaged/" + folder + ".files", folder);
    try {
      Path target = Files.createTempDirectory("integration-sandbox-" + folder);
      target.toFile().deleteOnExit();
      for (String name : list.split("\n")) {
        if (name.isBlank()) {
          continue;
        }
        Path dest = target.resolve(name);
        if (!dest.normalize().startsWith(target)) {
          throw new IllegalStateException("packaged " + folder + " lists " + name);
        }
        Files.createDirectories(dest.getParent());
        Path relative = target.relativize(dest.getParent());
        for (int depth = 1; depth <= relative.getNameCount(); depth++) {
          target.resolve(relative.subpath(0, depth)).toFile().deleteOnExit();
        }
        try (InputStream in = open("packaged/" + folder + "/" + name, folder)) {
          Files.copy(in, dest);
        }
        dest.toFile().deleteOnExit();
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the packaged " + folder, e);
    }
  }

  private static String read(String resource, String folder) {
    try (InputStream in = open(resource, folder)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged " + folder, e);
    }
  }

  private static InputStream open(String resource, String folder) {
    InputStream in = PackagedFiles.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "no ./" + folder + " folder here and none packaged in the jar: pass --" + folder);
    }
    return in;
  }
}
