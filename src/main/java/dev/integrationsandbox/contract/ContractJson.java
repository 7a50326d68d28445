package dev.integrationsandbox.contract;

import dev.integrationsandbox.config.YamlText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's contracts as JSON, converted from YAML at build time and packaged in the jar
 * under the name of the YAML file they came from.
 *
 * <p>Parsing the YAML contracts was a sixth of a cold start's work (snakeyaml, and the JIT it keeps
 * busy); Jackson reads the same document several times faster. A contract file whose name and text
 * are those of one the build converted (its YAML is packaged too, under {@code
 * packaged/contracts/}) is read from that JSON, and it is one the build has also checked (Redocly
 * lints {@code contracts/}, {@code PackagedContractsTest} loads each through vertx-openapi). Any
 * other text, a user's own contract or an edited copy, is parsed as YAML and fully checked, as
 * before. The text is compared, not hashed: a SHA-256 of every contract, computed by a JVM that has
 * not compiled it yet, was a twentieth of a cold start's work.
 *
 * <pre>
 * java -cp target/classes:… dev.integrationsandbox.contract.ContractJson contracts target/classes/packaged/contracts-json
 * </pre>
 */
public final class ContractJson {

  private static final String FOLDER = "packaged/contracts-json/";
  private static final String YAML = "packaged/contracts/";

  private ContractJson() {}

  /** Writes {@code <name>.json} for every {@code <name>.yaml} of a folder; the build runs it. */
  public static void main(String[] args) throws IOException {
    Path from = Path.of(args[0]);
    Path to = Files.createDirectories(Path.of(args[1]));
    try (Stream<Path> files = Files.list(from)) {
      for (Path yaml : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String text = Files.readString(yaml);
        Files.writeString(to.resolve(json(yaml.getFileName().toString())), fromYaml(text).encode());
      }
    }
  }

  /**
   * The build's JSON of the contract file of this name, when this is exactly its text; null when
   * the build converted no such file or the text differs.
   */
  static JsonObject packaged(String fileName, String text) {
    byte[] yaml = resource(YAML + fileName);
    if (yaml == null || !text.equals(new String(yaml, StandardCharsets.UTF_8))) {
      return null;
    }
    byte[] json = resource(FOLDER + json(fileName));
    return json == null ? null : new JsonObject(Buffer.buffer(json));
  }

  private static String json(String yamlName) {
    return yamlName.substring(0, yamlName.length() - ".yaml".length()) + ".json";
  }

  private static byte[] resource(String name) {
    try (InputStream in = ContractJson.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML document as Vert.x JSON, or null when its top level is not a mapping. */
  static JsonObject fromYaml(String text) {
    return YamlText.parse(text) instanceof Map<?, ?> map ? (JsonObject) toJson(map) : null;
  }

  private static Object toJson(Object value) {
    if (value instanceof Map<?, ?> map) {
      JsonObject o = new JsonObject();
      map.forEach((k, v) -> o.put(String.valueOf(k), toJson(v)));
      return o;
    }
    if (value instanceof List<?> list) {
      JsonArray a = new JsonArray();
      list.forEach(v -> a.add(toJson(v)));
      return a;
    }
    return value;
  }
}
