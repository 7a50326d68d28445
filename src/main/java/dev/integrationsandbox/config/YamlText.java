package dev.integrationsandbox.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML the way the sandbox's files mean it: safe types only, and dates left as text. Plain
 * snakeyaml would turn {@code 2026-01-01} into a {@code java.util.Date}, which a contract's
 * examples and a JSON encoder both get wrong.
 */
public final class YamlText {

  private YamlText() {}

  public static Object parse(String text) {
    LoaderOptions options = new LoaderOptions();
    Resolver noTimestamps =
        new Resolver() {
          @Override
          public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
              super.addImplicitResolver(tag, regexp, first, limit);
            }
          }
        };
    DumperOptions dumper = new DumperOptions();
    return new Yaml(
            new SafeConstructor(options), new Representer(dumper), dumper, options, noTimestamps)
        .load(text);
  }
}
