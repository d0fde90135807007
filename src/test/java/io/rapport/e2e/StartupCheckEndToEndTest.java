package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.cli.ServeCommand;
import io.rapport.config.Config;
import io.rapport.slack.startup.BotScopes;
import io.rapport.slack.startup.NextSteps;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.FakeSlack.Reply;
import io.rapport.testing.LogCapture;
import io.rapport.testing.RapportUnderTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up against the fake Slack: Rapport checks its token once and says so, or stops with exit 2. */
class StartupCheckEndToEndTest {
  @TempDir Path dir;

  private Config config(FakeSlack fake) {
    return Config.load(Map.of(
        "SLACK_BOT_TOKEN", "xoxb-wrong-0000-DO-NOT-PRINT",
        "SLACK_SIGNING_SECRET", "secret",
        "SLACK_API_URL", fake.apiUrl(),
        "PORT", "0",
        "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("r.db")), dir);
  }

  @Test
  void aWrongTokenIsRefusedAtStartUpWithExit2AndWhatToDo() throws Exception {
    try (FakeSlack fake = new FakeSlack()) {
      fake.handle("auth.test", c -> Reply.error("invalid_auth"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = new ServeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8)).serve(config(fake));
      assertThat(code).isEqualTo(2);
      String said = err.toString(StandardCharsets.UTF_8);
      assertThat(said).contains("Rapport cannot start: Slack refused SLACK_BOT_TOKEN (invalid_auth)")
          .contains("Bot User OAuth Token").doesNotContain("DO-NOT-PRINT").doesNotContain("Exception");
      assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Rapport is connected");
      assertThat(fake.calls("auth.test")).hasSize(1);
    }
  }

  @Test
  void slackIsAskedOnceAndTheIdentityIsAvailableToTheApp() throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.start()) {
      for (int i = 0; i < 3; i++) {
        rapport.slack().command("/relationship-help", "", "U0REP0001");
      }
      assertThat(rapport.fake().calls("auth.test")).as("one auth.test for the life of the process").hasSize(1);
      assertThat(rapport.rapport().identity().teamId()).isEqualTo(FakeSlack.TEAM_ID);
      assertThat(rapport.rapport().identity().botUserId()).isEqualTo(FakeSlack.BOT_USER_ID);
      assertThat(rapport.rapport().identity().grantedScopes()).isEqualTo(BotScopes.REQUIRED);
    }
  }

  @Test
  void missingScopesAreNamedAtStartUp() throws Exception {
    try (FakeSlack fake = new FakeSlack(); LogCapture log = new LogCapture()) {
      Set<String> granted = new HashSet<>(BotScopes.REQUIRED);
      granted.remove("im:write");
      fake.grantScopes(granted);
      try (var rapport = io.rapport.Rapport.create(config(fake), java.time.Clock.systemUTC())) {
        assertThat(rapport.identity().missingScopes(BotScopes.REQUIRED)).containsExactly("im:write");
        assertThat(NextSteps.http(rapport.identity(), 3000, true)).contains("lacks im:write");
      }
      assertThat(log.text()).contains("The bot token lacks the scope(s) im:write")
          .contains("direct messages to reps and managers");
    }
  }

  @Test
  void theNextStepIsTheRequestUrlToPasteOrSocketMode() throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.start()) {
      String http = NextSteps.http(rapport.rapport().identity(), 3000, false);
      assertThat(http).contains("workspace \"Rapport Test\"").contains("https://YOUR-HOST/slack/events")
          .contains("http://localhost:3000").contains("Event Subscriptions").contains("Retry")
          .contains("Socket Mode").contains("SLACK_APP_TOKEN").contains("RAPPORT_ADMINS");
      assertThat(NextSteps.socketMode(rapport.rapport().identity(), true))
          .contains("no public address or request URL is").doesNotContain("RAPPORT_ADMINS");
    }
  }
}
