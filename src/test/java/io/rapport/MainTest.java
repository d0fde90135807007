package io.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.cli.ServeCommand;
import io.rapport.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir Path dir;

  @Test
  void missingCredentialsNameEachVariableAndPointAtTheDemo() {
    String message = ServeCommand.missingCredentialsMessage(Config.load(Map.of(), dir));
    assertThat(message).contains("SLACK_BOT_TOKEN").contains("SLACK_SIGNING_SECRET").contains("demo");
  }

  @Test
  void helpListsTheSubcommands() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
    int code = cli.execute("--help");
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve");
  }

  @Test
  void everyCommandAnswersHelpAndTheHelpCommand() {
    for (String[] args : new String[][] {{"serve", "--help"}, {"demo", "--help"}, {"analyze", "--help"},
        {"import", "--help"}, {"export", "--help"}, {"help", "serve"}, {"help"}}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CommandLine cli = new CommandLine(new Main());
      cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
      assertThat(cli.execute(args)).as(String.join(" ", args)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).as(String.join(" ", args)).startsWith("Usage: rapport");
    }
  }
}
