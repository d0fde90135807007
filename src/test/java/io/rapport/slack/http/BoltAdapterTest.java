package io.rapport.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoltAdapterTest {
  private static final String COMMAND =
      "token=t&team_id=T0RAPPORT&team_domain=acme&channel_id=C1&user_id=U0REP0001&user_name=rep"
          + "&command=%2Fcheckin&text=Acme+%26+Sons&api_app_id=A1"
          + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&trigger_id=1.2.3";

  @Test
  void onlyFormsWithASlashCommandAndNoPayloadTakeTheShortPath() {
    assertThat(BoltAdapter.isSlashCommandForm(COMMAND)).isTrue();
    assertThat(BoltAdapter.isSlashCommandForm("command=/checkin&text=")).isTrue();
    assertThat(BoltAdapter.isSlashCommandForm("payload=%7B%7D&command=%2Fx")).isFalse();
    assertThat(BoltAdapter.isSlashCommandForm("command=%2Fx&payload=%7B%7D")).isFalse();
    assertThat(BoltAdapter.isSlashCommandForm("{\"type\":\"event_callback\"}")).isFalse();
    assertThat(BoltAdapter.isSlashCommandForm("commander=%2Fx")).isFalse();
    assertThat(BoltAdapter.isSlashCommandForm("text=command%3D%2Fx")).isFalse();
    assertThat(BoltAdapter.isSlashCommandForm("command=")).isFalse();
    assertThat(BoltAdapter.isSlashCommandForm("ssl_check=1&token=t")).isFalse();
    assertThat(BoltAdapter.isSlashCommandForm("")).isFalse();
  }

  @Test
  void theShortPathBuildsTheSameRequestAsBoltsParser() throws Exception {
    App app =
        new App(AppConfig.builder().singleTeamBotToken("xoxb-x").signingSecret("s").build());
    RequestHeaders headers =
        new RequestHeaders(Map.of("x-forwarded-for", List.of("203.0.113.9")));
    SlackRequestParser.HttpRequest raw =
        SlackRequestParser.HttpRequest.builder()
            .requestUri("/slack/events")
            .queryString(Map.of("q", List.of("1")))
            .headers(headers)
            .requestBody(COMMAND)
            .remoteAddress("127.0.0.1")
            .build();
    SlashCommandRequest viaParser =
        (SlashCommandRequest) new SlackRequestParser(app.config()).parse(raw);
    Request<?> shortPath = new BoltAdapter(app).slashCommand(raw);

    assertThat(shortPath).isInstanceOf(SlashCommandRequest.class);
    SlashCommandRequest direct = (SlashCommandRequest) shortPath;
    assertThat(direct.getPayload()).usingRecursiveComparison().isEqualTo(viaParser.getPayload());
    assertThat(direct.getPayload().getText()).isEqualTo("Acme & Sons");
    assertThat(direct.getContext().getTeamId()).isEqualTo(viaParser.getContext().getTeamId());
    assertThat(direct.getContext().getBotToken()).isEqualTo(viaParser.getContext().getBotToken());
    assertThat(direct.getClientIpAddress()).isEqualTo("203.0.113.9").isEqualTo(viaParser.getClientIpAddress());
    assertThat(direct.getQueryString()).isEqualTo(viaParser.getQueryString());
    assertThat(direct.getRequestBodyAsString()).isEqualTo(viaParser.getRequestBodyAsString());
  }
}
