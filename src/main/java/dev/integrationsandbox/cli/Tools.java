package dev.integrationsandbox.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's commands besides serving: work on recordings without serving (diff starts an emulator
 * of its own). The server's own flags stay {@link dev.integrationsandbox.config.SandboxOptions}; a
 * first argument naming one of these commands runs it instead.
 *
 * <pre>
 * java -jar integration-sandbox.jar export-har rec/ incident.har
 * java -jar integration-sandbox.jar erase rec/ --document 529.982.247-25 --mask-key-file mask.key
 * java -jar integration-sandbox.jar expire rec/ --older-than P30D
 * java -jar integration-sandbox.jar diff rec/ --json fidelity.json
 * java -jar integration-sandbox.jar export-har --help
 * </pre>
 */
@Command(
    name = "integration-sandbox",
    mixinStandardHelpOptions = true,
    subcommands = {ExportHar.class, Erase.class, Expire.class, Diff.class})
public final class Tools implements Runnable {

  /** The first arguments that name a command rather than a server flag. */
  public static final Set<String> NAMES = Set.of("export-har", "erase", "expire", "diff");

  public static boolean names(String[] args) {
    return args.length > 0 && NAMES.contains(args[0]);
  }

  /** Runs the command and returns its exit code. */
  public static int run(String[] args) {
    return new CommandLine(new Tools()).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
