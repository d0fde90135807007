package io.rapport.slack.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.FakeSlack.Reply;
import io.rapport.testing.LogCapture;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start-up check against the fake Slack: refused tokens stop, an unreachable Slack is retried. */
class StartupCheckTest {
  private final List<Duration> pauses = new ArrayList<>();
  private Slack slack;

  private MethodsClient client(String apiUrl, String token) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    return slack.methods(token);
  }

  @AfterEach
  void close() throws Exception {
    if (slack != null) {
      slack.close();
    }
  }

  private StartupCheck check(String apiUrl) {
    return new StartupCheck(apiUrl, pauses::add);
  }

  @Test
  void anAcceptedTokenGivesTheWorkspaceTheBotAndTheGrantedScopes() throws Exception {
    try (FakeSlack fake = new FakeSlack()) {
      AuthTestResponse answer = check(fake.apiUrl()).confirmBotToken(client(fake.apiUrl(), "xoxb-good"));
      WorkspaceIdentity identity = StartupCheck.identityOf(answer);
      assertThat(identity.teamId()).isEqualTo(FakeSlack.TEAM_ID);
      assertThat(identity.teamName()).isEqualTo("Rapport Test");
      assertThat(identity.botUserId()).isEqualTo(FakeSlack.BOT_USER_ID);
      assertThat(identity.scopesKnown()).isTrue();
      assertThat(identity.grantedScopes()).isEqualTo(BotScopes.REQUIRED);
      assertThat(identity.missingScopes(BotScopes.REQUIRED)).isEmpty();
      assertThat(fake.calls("auth.test")).hasSize(1);
      assertThat(pauses).isEmpty();
    }
  }

  @Test
  void missingScopesAreNamed() throws Exception {
    try (FakeSlack fake = new FakeSlack()) {
      Set<String> granted = new HashSet<>(BotScopes.REQUIRED);
      granted.remove("files:write");
      granted.remove("users:read");
      fake.grantScopes(granted);
      WorkspaceIdentity identity = StartupCheck.identityOf(
          check(fake.apiUrl()).confirmBotToken(client(fake.apiUrl(), "xoxb-good")));
      assertThat(identity.missingScopes(BotScopes.REQUIRED)).containsExactly("files:write", "users:read");
      assertThat(NextSteps.missingScopesAdvice(identity.missingScopes(BotScopes.REQUIRED)))
          .contains("files:write (the report's CSV and chart)").contains("reinstall");
    }
  }

  @Test
  void eachWayOfRefusingATokenStopsWithTheVariableNamedAndWhatToDo() throws Exception {
    for (String error : List.of("invalid_auth", "not_authed", "account_inactive", "token_revoked")) {
      try (FakeSlack fake = new FakeSlack()) {
        fake.handle("auth.test", c -> Reply.error(error));
        assertThatThrownBy(() -> check(fake.apiUrl()).confirmBotToken(client(fake.apiUrl(), "xoxb-bad")))
            .isInstanceOf(SlackTokenRefused.class)
            .hasMessageContaining("Slack refused SLACK_BOT_TOKEN (" + error + ")")
            .hasMessageContaining("https://api.slack.com/apps")
            .hasMessageNotContaining("xoxb-bad");
        assertThat(fake.calls("auth.test")).as("refused at once, not retried").hasSize(1);
      }
      close();
    }
  }

  @Test
  void slackAnsweringWith5xxOrSlackSideErrorsIsRetriedWithAWarningNeverCalledAnInvalidToken() throws Exception {
    try (FakeSlack fake = new FakeSlack(); LogCapture log = new LogCapture()) {
      fake.enqueue("auth.test", Reply.status(503))
          .enqueue("auth.test", Reply.error("service_unavailable"))
          .enqueue("auth.test", Reply.rateLimited(7));
      AuthTestResponse answer = check(fake.apiUrl()).confirmBotToken(client(fake.apiUrl(), "xoxb-good"));
      assertThat(answer.isOk()).isTrue();
      assertThat(fake.calls("auth.test")).hasSize(4);
      assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(7));
      assertThat(log.text()).contains("Slack answered auth.test with HTTP 503")
          .contains("Slack answered auth.test with error \"service_unavailable\"")
          .contains("will try again in 2 s")
          .doesNotContainIgnoringCase("invalid").doesNotContainIgnoringCase("refused");
    }
  }

  @Test
  void anUnreachableSlackIsRetriedWithAWarningNamingTheAddressUntilStopped() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/api/";
    StartupCheck check = new StartupCheck(url, d -> {
      pauses.add(d);
      if (pauses.size() == 3) {
        throw new InterruptedException("stopped by the operator");
      }
    });
    try (LogCapture log = new LogCapture()) {
      assertThatThrownBy(() -> check.confirmBotToken(client(url, "xoxb-good")))
          .isInstanceOf(InterruptedException.class);
      assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
      assertThat(log.text()).contains("Cannot reach Slack at " + url)
          .contains("check this machine's network, DNS and proxy")
          .doesNotContainIgnoringCase("invalid").doesNotContainIgnoringCase("refused SLACK");
    }
  }

  @Test
  void socketModeRefusesAWrongAppTokenByName() throws Exception {
    try (FakeSlack fake = new FakeSlack()) {
      fake.handle("apps.connections.open", c -> Reply.error("invalid_auth"));
      assertThatThrownBy(() -> check(fake.apiUrl()).confirmAppToken(client(fake.apiUrl(), "xapp-bad")))
          .isInstanceOf(SlackTokenRefused.class)
          .hasMessageContaining("Slack refused SLACK_APP_TOKEN (invalid_auth)")
          .hasMessageContaining("App-Level Tokens");
    }
  }

  @Test
  void socketModeRetriesAnUnreachableSlack() throws Exception {
    try (FakeSlack fake = new FakeSlack(); LogCapture log = new LogCapture()) {
      fake.enqueue("apps.connections.open", Reply.status(502));
      fake.handle("apps.connections.open", c -> Reply.ok("{\"ok\":true,\"url\":\"wss://example.invalid/link\"}"));
      check(fake.apiUrl()).confirmAppToken(client(fake.apiUrl(), "xapp-good"));
      assertThat(fake.calls("apps.connections.open")).hasSize(2);
      assertThat(log.text()).contains("Slack answered apps.connections.open with HTTP 502");
    }
  }
}
