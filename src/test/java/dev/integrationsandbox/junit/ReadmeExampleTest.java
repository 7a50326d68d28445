package dev.integrationsandbox.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's complete test is the one {@code mvn verify} runs in {@code examples/}, so the README
 * never shows a test that no longer compiles or passes.
 */
class ReadmeExampleTest {

  @Test
  void theReadmeShowsTheExamplesTestAsItIs() throws Exception {
    String example =
        Files.readString(
            Path.of("examples/src/test/java/com/example/collections/BtgTicketsTest.java"));
    String withoutPackage = example.substring(example.indexOf('\n') + 1).strip();
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(
        readme.contains("```java\n" + withoutPackage + "\n```"),
        "README.md's example under \"Testing your code with the JUnit 5 extension\" differs from"
            + " examples/…/BtgTicketsTest.java: copy the file's text after its package line");
  }
}
