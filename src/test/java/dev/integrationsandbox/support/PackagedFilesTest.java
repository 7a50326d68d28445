package dev.integrationsandbox.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jar's contracts and fixtures are copied out from the list the build wrote of them: the copy
 * holds every file of the repository's folder, byte for byte, and nothing else.
 */
class PackagedFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"contracts", "fixtures"})
  void theCopyIsTheRepositoryFolder(String folder) throws IOException {
    Path source = Path.of(folder);
    Path copy = PackagedFiles.extract(folder);
    List<String> files = files(source);
    assertEquals(files, files(copy));
    for (String file : files) {
      assertArrayEquals(
          Files.readAllBytes(source.resolve(file)), Files.readAllBytes(copy.resolve(file)), file);
    }
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(f -> root.relativize(f).toString())
          .sorted()
          .toList();
    }
  }
}
