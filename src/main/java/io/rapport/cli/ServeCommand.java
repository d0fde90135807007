package io.rapport.cli;

import io.rapport.Rapport;
import io.rapport.config.Config;
import io.rapport.config.ConfigException;
import io.rapport.slack.startup.NextSteps;
import io.rapport.slack.startup.SlackTokenRefused;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code serve}: starts the bot in HTTP mode, or Socket Mode when {@code SLACK_APP_TOKEN} is set. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Start the Slack bot: HTTP on PORT (default 3000), or Socket Mode when "
            + "SLACK_APP_TOKEN is set. Reads SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and "
            + "DATABASE_URL from the environment or .env.")
public final class ServeCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  public ServeCommand() {
    this(System.out, System.err);
  }

  public ServeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    Config config;
    try {
      config = Config.load();
    } catch (ConfigException e) {
      err.println("Rapport cannot start: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (!config.hasSlackCredentials()) {
      err.println(missingCredentialsMessage(config));
      return ExitCodes.USAGE;
    }
    return serve(config);
  }

  /**
   * Checks the tokens with Slack, starts Rapport and prints the next setup step; returns only
   * when Rapport stops (or at once with exit 2 when Slack refuses a token).
   */
  public int serve(Config config) throws Exception {
    Rapport rapport;
    try {
      rapport = Rapport.create(config, Clock.systemUTC());
    } catch (SlackTokenRefused e) {
      err.println("Rapport cannot start: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(rapport::close, "shutdown"));
    boolean admins = !config.admins().isEmpty();
    if (config.socketMode()) {
      try {
        rapport.startSocketMode();
      } catch (SlackTokenRefused e) {
        err.println("Rapport cannot start: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      out.println(NextSteps.socketMode(rapport.identity(), admins));
      Thread.currentThread().join();
    } else {
      rapport.startHttp();
      out.println(NextSteps.http(rapport.identity(), rapport.httpPort(), admins));
      rapport.join();
    }
    return ExitCodes.OK;
  }

  /** What to do when Slack credentials are missing: names each variable, points at {@code demo}. */
  public static String missingCredentialsMessage(Config config) {
    return "Rapport needs Slack credentials to run the bot. Missing: "
        + String.join(", ", config.missingForServe())
        + ".\n"
        + "Set them in the environment or in a .env file (see .env.example and the README's"
        + " \"Create the Slack app\" section).\n"
        + "To see Rapport work without Slack, run: java -jar target/rapport.jar demo";
  }
}
