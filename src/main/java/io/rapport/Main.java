package io.rapport;

import io.rapport.cli.AnalyzeCommand;
import io.rapport.cli.DemoCommand;
import io.rapport.cli.ExitCodes;
import io.rapport.cli.ExportCommand;
import io.rapport.cli.ImportCommand;
import io.rapport.cli.ServeCommand;
import io.rapport.config.Config;
import io.rapport.config.ConfigException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar rapport.jar [serve|demo|analyze|import|export]}. With no subcommand, serves the
 * bot when Slack credentials are configured; otherwise runs the offline demo and then explains how
 * to connect Slack.
 */
@Command(
    name = "rapport",
    mixinStandardHelpOptions = true,
    version = "Rapport 0.1.0",
    description = "A Slack bot that keeps sales teams' client relationships healthy and profitable.",
    subcommands = {
      ServeCommand.class, DemoCommand.class, AnalyzeCommand.class, ImportCommand.class, ExportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    Terminal.useUtf8();
    if (args.length > 0 && !"serve".equals(args[0])) {
      Terminal.quietLogs(); // a command's own output comes first, not a log line
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("Rapport stopped: " + e.getMessage());
          org.slf4j.LoggerFactory.getLogger(Main.class).debug("Unexpected failure", e);
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Config config;
    try {
      config = Config.load();
    } catch (ConfigException e) {
      System.err.println("Rapport cannot start: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (config.hasSlackCredentials()) {
      return new ServeCommand().call();
    }
    Terminal.quietLogs();
    int demo = new DemoCommand().call();
    System.out.println();
    System.out.println("That was the offline demo. To run Rapport in your Slack workspace:");
    System.out.println(ServeCommand.missingCredentialsMessage(config));
    return demo;
  }
}
