package io.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rapport.testing.RapportUnderTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code manifest.yml} declares what the app answers, with the Slack manifest's limits. */
class ManifestTest {
  static JsonNode manifest;

  @BeforeAll
  static void read() throws Exception {
    manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yml").toFile());
  }

  static Set<String> declaredCommands() {
    Set<String> names = new TreeSet<>();
    manifest.path("features").path("slash_commands").forEach(c -> names.add(c.path("command").asText()));
    return names;
  }

  @Test
  void declaresEveryCommandOfTheSpec() {
    assertThat(declaredCommands()).containsExactlyInAnyOrder(
        "/checkin", "/accounts", "/relationship-report", "/relationship-admin", "/relationship-help");
  }

  @Test
  void theAppRegistersExactlyTheDeclaredCommands() throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.start()) {
      assertThat(rapport.rapport().registeredCommands()).containsExactlyInAnyOrderElementsOf(declaredCommands());
    }
  }

  @Test
  void everyCommandEscapesMentionsAndPointsAtTheEventsUrl() {
    for (JsonNode c : manifest.path("features").path("slash_commands")) {
      String name = c.path("command").asText();
      assertThat(name.length()).as(name).isBetween(2, 32);
      assertThat(c.path("should_escape").asBoolean()).as(name).isTrue();
      assertThat(c.path("url").asText()).as(name).isEqualTo("https://YOUR-HOST/slack/events");
      assertThat(c.path("description").asText()).as(name).isNotBlank();
    }
  }

  @Test
  void interactivityEventsAndHomeTabAreOn() {
    JsonNode settings = manifest.path("settings");
    assertThat(settings.path("interactivity").path("is_enabled").asBoolean()).isTrue();
    assertThat(settings.path("interactivity").path("request_url").asText()).isEqualTo("https://YOUR-HOST/slack/events");
    assertThat(settings.path("event_subscriptions").path("request_url").asText()).isEqualTo("https://YOUR-HOST/slack/events");
    assertThat(settings.path("event_subscriptions").path("bot_events").toString()).contains("app_home_opened")
        .contains("message.im");
    assertThat(settings.path("socket_mode_enabled").asBoolean()).isFalse();
    JsonNode home = manifest.path("features").path("app_home");
    assertThat(home.path("home_tab_enabled").asBoolean()).isTrue();
    assertThat(home.path("messages_tab_enabled").asBoolean()).isTrue();
    assertThat(manifest.path("display_information").path("name").asText().length()).isLessThanOrEqualTo(35);
  }

  @Test
  void botScopesAreExactlyWhatRapportUses() {
    List<String> scopes = new ArrayList<>();
    manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
    assertThat(scopes).containsExactlyInAnyOrder(
        "commands", "chat:write", "chat:write.public", "channels:read", "groups:read", "im:write",
        "im:history", "users:read", "files:write", "channels:history", "groups:history",
        "mpim:write", "mpim:history");
    assertThat(scopes).as("the start-up check names what the manifest asks for")
        .containsExactlyInAnyOrderElementsOf(io.rapport.slack.startup.BotScopes.REQUIRED);
  }
}
