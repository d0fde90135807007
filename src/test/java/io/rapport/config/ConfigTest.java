package io.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsApplyWhenNothingIsSet() {
    Config c = Config.load(Map.of(), dir);
    assertThat(c.slackApiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(c.port()).isEqualTo(3000);
    assertThat(c.databaseUrl()).isEqualTo("jdbc:sqlite:rapport.db");
    assertThat(c.admins()).isEmpty();
    assertThat(c.slackTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(c.missingForServe()).containsExactly("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET");
  }

  @Test
  void dotEnvIsReadAndTheEnvironmentWins() throws Exception {
    Files.writeString(dir.resolve(".env"), String.join("\n",
        "# local settings",
        "SLACK_BOT_TOKEN=xoxb-from-file",
        "SLACK_SIGNING_SECRET=file-secret",
        "PORT=4000",
        "RAPPORT_ADMINS=U111AAA, U222BBB"));
    Config c = Config.load(Map.of("PORT", "5000"), dir);
    assertThat(c.slackBotToken()).contains("xoxb-from-file");
    assertThat(c.port()).isEqualTo(5000);
    assertThat(c.admins()).containsExactlyInAnyOrder("U111AAA", "U222BBB");
    assertThat(c.hasSlackCredentials()).isTrue();
  }

  @Test
  void socketModeNeedsTheAppTokenInsteadOfTheSigningSecret() {
    Config c = Config.load(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"), dir);
    assertThat(c.socketMode()).isTrue();
    assertThat(c.missingForServe()).isEmpty();
  }

  @Test
  void theApiUrlGetsATrailingSlash() {
    assertThat(Config.load(Map.of("SLACK_API_URL", "http://127.0.0.1:9999/api"), dir).slackApiUrl())
        .isEqualTo("http://127.0.0.1:9999/api/");
  }

  @Test
  void badValuesNameTheVariableAndWhatIsWrong() {
    assertThatThrownBy(() -> Config.load(Map.of("PORT", "eighty"), dir))
        .isInstanceOf(ConfigException.class).hasMessageContaining("PORT").hasMessageContaining("eighty");
    assertThatThrownBy(() -> Config.load(Map.of("PORT", "70000"), dir))
        .hasMessageContaining("PORT must be between 0 and 65535");
    assertThatThrownBy(() -> Config.load(Map.of("DATABASE_URL", "mysql://x"), dir))
        .hasMessageContaining("DATABASE_URL").hasMessageContaining("jdbc:sqlite:");
    assertThatThrownBy(() -> Config.load(Map.of("SLACK_API_URL", "ftp://x"), dir))
        .hasMessageContaining("SLACK_API_URL");
    assertThatThrownBy(() -> Config.load(Map.of("RAPPORT_ADMINS", "U1AB,@jo"), dir))
        .hasMessageContaining("RAPPORT_ADMINS").hasMessageContaining("@jo");
    assertThatThrownBy(() -> Config.load(Map.of("SLACK_BOT_TOKEN", "xapp-wrong"), dir))
        .hasMessageContaining("SLACK_BOT_TOKEN must start with \"xoxb-\"");
  }

  @Test
  void theSlackTimeoutIsWholeSecondsWithinItsBounds() {
    assertThat(Config.load(Map.of("RAPPORT_SLACK_TIMEOUT_SECONDS", " 3 "), dir).slackTimeout())
        .isEqualTo(java.time.Duration.ofSeconds(3));
    assertThatThrownBy(() -> Config.load(Map.of("RAPPORT_SLACK_TIMEOUT_SECONDS", "0"), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RAPPORT_SLACK_TIMEOUT_SECONDS must be between 1 and 20 seconds, got 0");
    assertThatThrownBy(() -> Config.load(Map.of("RAPPORT_SLACK_TIMEOUT_SECONDS", "21"), dir))
        .hasMessageContaining("between 1 and 20");
    assertThatThrownBy(() -> Config.load(Map.of("RAPPORT_SLACK_TIMEOUT_SECONDS", "1.5"), dir))
        .hasMessageContaining("RAPPORT_SLACK_TIMEOUT_SECONDS must be a whole number").hasMessageContaining("1.5");
    assertThat(Config.load(Map.of("RAPPORT_SLACK_TIMEOUT_SECONDS", "4"), dir).withPort(1).withDatabaseUrl("jdbc:sqlite:x")
        .slackTimeout()).as("kept by the copies").isEqualTo(java.time.Duration.ofSeconds(4));
  }

  @Test
  void everyVariableIsInEnvExampleAndTheFileCopiedAsIsGivesTheDefaults() throws Exception {
    String example = java.nio.file.Files.readString(Path.of(".env.example"));
    for (java.lang.reflect.Field f : Config.class.getFields()) {
      if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())
          && !f.getName().startsWith("DEFAULT")) {
        String name = (String) f.get(null);
        assertThat(example).as(".env.example lists %s", name).containsPattern("(?m)^" + name + "=");
      }
    }
    java.nio.file.Files.writeString(dir.resolve(".env"), example);

    Config copied = Config.load(Map.of(), dir);

    assertThat(copied.notesRetention()).isEqualTo(Config.DEFAULT_NOTES_RETENTION);
    assertThat(copied.slackTimeout()).isEqualTo(Config.DEFAULT_SLACK_TIMEOUT);
    assertThat(copied.outboxLease()).isEqualTo(Config.DEFAULT_OUTBOX_LEASE);
    assertThat(copied.flagSweepEvery()).isEqualTo(Config.DEFAULT_FLAG_SWEEP_EVERY);
    assertThat(copied.currency()).isEmpty();
    assertThat(copied.port()).isEqualTo(Config.DEFAULT_PORT);
  }

  @Test
  void theCurrencyIsNoneByDefaultAShortCodeOrSymbolWhenSetAndAnythingElseIsAClearError() {
    assertThat(Config.load(Map.of(), dir).currency()).isEmpty();
    assertThat(Config.load(Map.of("RAPPORT_CURRENCY", "  "), dir).currency()).isEmpty();
    for (String currency : java.util.List.of("EUR", "USD", "€", "£", "kr", "A$", "CHF")) {
      assertThat(Config.load(Map.of("RAPPORT_CURRENCY", " " + currency + " "), dir).currency()).contains(currency);
    }
    for (String bad : java.util.List.of("<!channel>", "EURO DOLLARS", "12", "dollars")) {
      assertThatThrownBy(() -> Config.load(Map.of("RAPPORT_CURRENCY", bad), dir))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("RAPPORT_CURRENCY must be a currency code or symbol of up to 5 characters");
    }
    assertThat(Config.load(Map.of("RAPPORT_CURRENCY", "EUR"), dir).withPort(1).withDatabaseUrl("jdbc:sqlite:x")
        .currency()).as("kept by the copies").contains("EUR");
  }

  @Test
  void theNotesRetentionIsWholeDaysDefaulting365AndABadValueIsAClearError() {
    assertThat(Config.load(Map.of(), dir).notesRetention()).isEqualTo(java.time.Duration.ofDays(365));
    assertThat(Config.load(Map.of("RAPPORT_NOTES_RETENTION_DAYS", " 30 "), dir).notesRetention())
        .isEqualTo(java.time.Duration.ofDays(30));
    assertThatThrownBy(() -> Config.load(Map.of("RAPPORT_NOTES_RETENTION_DAYS", "0"), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RAPPORT_NOTES_RETENTION_DAYS must be between 1 and 36500 days, got 0");
    assertThatThrownBy(() -> Config.load(Map.of("RAPPORT_NOTES_RETENTION_DAYS", "a year"), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RAPPORT_NOTES_RETENTION_DAYS must be a whole number of days").hasMessageContaining("a year");
    assertThat(Config.load(Map.of("RAPPORT_NOTES_RETENTION_DAYS", "90"), dir).withPort(1).withDatabaseUrl("jdbc:sqlite:x")
        .notesRetention()).as("kept by the copies").isEqualTo(java.time.Duration.ofDays(90));
  }

  @Test
  void theOutboxLeaseMustOutlastAWholeSlackCall() {
    Config defaults = Config.load(Map.of(), dir);
    assertThat(defaults.outboxLease()).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(defaults.flagSweepEvery()).isEqualTo(java.time.Duration.ofHours(1));
    assertThat(Config.load(Map.of("RAPPORT_OUTBOX_LEASE_SECONDS", "20"), dir).outboxLease())
        .as("10 s timeout + 10").isEqualTo(java.time.Duration.ofSeconds(20));
    assertThatThrownBy(() -> Config.load(Map.of("RAPPORT_OUTBOX_LEASE_SECONDS", "19"), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RAPPORT_OUTBOX_LEASE_SECONDS must be at least 20 seconds").hasMessageContaining("19");
    assertThat(Config.load(Map.of("RAPPORT_OUTBOX_LEASE_SECONDS", "11", "RAPPORT_SLACK_TIMEOUT_SECONDS", "1"), dir)
        .outboxLease()).isEqualTo(java.time.Duration.ofSeconds(11));
    assertThatThrownBy(() -> Config.load(Map.of("RAPPORT_OUTBOX_LEASE_SECONDS", "two"), dir))
        .hasMessageContaining("RAPPORT_OUTBOX_LEASE_SECONDS must be a whole number of seconds such as 120");
    assertThat(Config.load(Map.of("RAPPORT_FLAG_SWEEP_SECONDS", "5"), dir).flagSweepEvery())
        .isEqualTo(java.time.Duration.ofSeconds(5));
    assertThatThrownBy(() -> Config.load(Map.of("RAPPORT_FLAG_SWEEP_SECONDS", "0"), dir))
        .hasMessageContaining("RAPPORT_FLAG_SWEEP_SECONDS must be between 1 and 3600 seconds, got 0");
  }

  @Test
  void secretsNeverAppearInToString() {
    Config c = Config.load(Map.of("SLACK_BOT_TOKEN", "xoxb-very-secret", "SLACK_SIGNING_SECRET", "sign-secret",
        "SLACK_APP_TOKEN", "xapp-secret", "DATABASE_URL", "jdbc:postgresql://db/rapport?user=r&password=hunter2"), dir);
    assertThat(c.toString()).doesNotContain("very-secret", "sign-secret", "xapp-secret", "hunter2")
        .contains("***");
  }

  @Test
  void databaseUrlsWithUserInfoAreRedacted() {
    assertThat(Config.redactDatabaseUrl("jdbc:postgresql://rapport:pw@db:5432/rapport"))
        .isEqualTo("jdbc:postgresql://***@db:5432/rapport");
  }
}
