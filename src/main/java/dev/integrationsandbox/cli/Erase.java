package dev.integrationsandbox.cli;

import dev.integrationsandbox.record.PersonalDataMask;
import dev.integrationsandbox.record.RecordingReader;
import dev.integrationsandbox.support.BrazilianDocument;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code erase FOLDER --document CPF|CNPJ}: an LGPD data-subject request in one command. Every
 * exchange that mentions the person's document (bare digits or punctuated) leaves the recording
 * folder; with the recorder's {@code --mask-key-file}, so do the exchanges that hold its masked
 * fake, which is how a masked recording is searched. Each file is rewritten through a temporary
 * file and an atomic move, and every removed exchange is printed.
 *
 * <pre>
 * java -jar integration-sandbox.jar erase rec/ --document 529.982.247-25 --mask-key-file mask.key
 * </pre>
 */
@Command(
    name = "erase",
    mixinStandardHelpOptions = true,
    description = "Removes every exchange about one CPF or CNPJ from a recording folder.")
final class Erase implements Callable<Integer> {

  @Mixin RecordingFolder folder;

  @Option(
      names = "--document",
      required = true,
      paramLabel = "CPF|CNPJ",
      description = "The person's CPF or company's CNPJ, digits or punctuated.")
  String document;

  @Option(
      names = "--mask-key-file",
      paramLabel = "FILE",
      description = "The key the recording was masked with, to find the document's fake too.")
  Path maskKeyFile;

  @Override
  public Integer call() throws Exception {
    String digits = document.replaceAll("\\D", "");
    if (!BrazilianDocument.isValid(digits)) {
      System.err.println("erase: " + document + " is not a valid CPF or CNPJ");
      return 2;
    }
    if (!folder.exists("erase")) {
      return 2;
    }
    Set<String> forms = forms(digits);
    if (maskKeyFile != null) {
      PersonalDataMask mask = PersonalDataMask.withKeyFile(maskKeyFile);
      for (String form : List.copyOf(forms)) {
        forms.add(mask.text(form));
      }
    }
    int removed = 0;
    for (Path file : RecordingReader.files(folder.path)) {
      removed += erase(file, forms);
    }
    System.out.println("removed " + removed + " exchanges");
    return 0;
  }

  /** The document as digits and with its usual punctuation. */
  static Set<String> forms(String digits) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(digits);
    forms.add(
        digits.length() == 11
            ? digits.replaceFirst("(\\d{3})(\\d{3})(\\d{3})(\\d{2})", "$1.$2.$3-$4")
            : digits.replaceFirst("(\\d{2})(\\d{3})(\\d{3})(\\d{4})(\\d{2})", "$1.$2.$3/$4-$5"));
    return forms;
  }

  private static int erase(Path file, Set<String> forms) throws Exception {
    List<String> kept = new ArrayList<>();
    int removed = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (forms.stream().anyMatch(line::contains)) {
        removed++;
        System.out.println("removed " + describe(line) + " from " + file.getFileName());
      } else {
        kept.add(line);
      }
    }
    if (removed > 0) {
      Path temporary = file.resolveSibling(file.getFileName() + ".erasing");
      Files.write(temporary, kept, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return removed;
  }

  private static String describe(String line) {
    try {
      JsonObject exchange = new JsonObject(line);
      return exchange.getString("id")
          + " ("
          + exchange.getString("vendor")
          + " "
          + exchange.getString("operation")
          + ", "
          + exchange.getString("at")
          + ")";
    } catch (RuntimeException e) {
      return "a torn line";
    }
  }
}
