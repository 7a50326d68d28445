package dev.integrationsandbox.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/**
 * A vendor's committed fixture folder copied into a test's temporary folder, to be broken one file
 * at a time; and the assertion that the load then fails with exactly one short line.
 */
public final class BrokenFixtures {

  private final Path folder;

  private BrokenFixtures(Path folder) {
    this.folder = folder;
  }

  /** A copy of {@code fixtures/<vendor>/} in {@code temp}. */
  public static BrokenFixtures copy(String vendor, Path temp) {
    Path target = temp.resolve(vendor);
    try (Stream<Path> files = Files.list(Path.of("fixtures", vendor))) {
      Files.createDirectories(target);
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, target.resolve(file.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BrokenFixtures(target);
  }

  public Path folder() {
    return folder;
  }

  public Path file(String name) {
    return folder.resolve(name);
  }

  /** Rewrites one JSON file after {@code edit} changed it. */
  public BrokenFixtures edit(String name, Consumer<JsonObject> edit) {
    try {
      JsonObject json = new JsonObject(Files.readString(file(name), StandardCharsets.UTF_8));
      edit.accept(json);
      return write(name, json.encodePrettily());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces one file's text. */
  public BrokenFixtures write(String name, String text) {
    try {
      Files.writeString(file(name), text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public BrokenFixtures delete(String name) {
    try {
      Files.delete(file(name));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that loading fails with {@code <file>: <pointer>: <reason>}, one line, and no JSON in
   * it (what users saw before: the whole fixture).
   */
  public void fails(Function<Path, ?> load, String name, String pointerAndReason) {
    Executable run = () -> load.apply(folder);
    FixtureException e = assertThrows(FixtureException.class, run);
    assertEquals(file(name) + ": " + pointerAndReason, e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("{\""), e.getMessage());
  }
}
