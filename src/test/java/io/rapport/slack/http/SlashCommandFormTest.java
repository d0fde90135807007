package io.rapport.slack.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rapport's slash-command form reader gives exactly what the SDK's parser gives, faster. */
class SlashCommandFormTest {
  private static final SlashCommandPayloadParser SDK = new SlashCommandPayloadParser();
  private static final List<String> NAMES = List.of("token", "team_id", "team_domain", "enterprise_id",
      "enterprise_name", "api_app_id", "channel_id", "channel_name", "user_id", "user_name", "command",
      "text", "response_url", "trigger_id", "is_enterprise_install", "payload", "unknown", "");
  /** Pieces a value or name is built from: plain text, escapes, the separators and the odd ones. */
  private static final List<String> PIECES = List.of("a", "Megacorp", "%2F", "%26", "%3D", "+", "%20", "%C3%A9",
      "é", " ", "\n", "=", "&", "TRUE", "true", "%0A", "%25", "<!channel>", "%E2%80%AE", "");

  @Test
  void aRealSlashCommandReadsAsTheSdkReadsIt() {
    String body = "token=t&team_id=T0RAPPORT&team_domain=acme&channel_id=C1&user_id=U0REP0001&user_name=rep"
        + "&command=%2Fcheckin&text=Acme+%26+Sons&api_app_id=A1"
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&trigger_id=1.2.3&is_enterprise_install=false";

    SlashCommandPayload mine = SlashCommandForm.parse(body);

    assertThat(mine).isEqualTo(SDK.parse(body));
    assertThat(mine.getCommand()).isEqualTo("/checkin");
    assertThat(mine.getText()).isEqualTo("Acme & Sons");
    assertThat(mine.getResponseUrl()).isEqualTo("https://hooks.slack.com/x");
  }

  @Test
  void everyGeneratedBodyReadsAsTheSdkReadsIt() {
    Random random = new Random(20261206);
    int compared = 0;
    for (int i = 0; i < 5_000; i++) {
      String body = body(random);
      SlashCommandPayload expected;
      try {
        expected = SDK.parse(body);
      } catch (IllegalArgumentException malformedEscape) {
        assertThatThrownBy(() -> SlashCommandForm.parse(body)).as(body).isInstanceOf(IllegalArgumentException.class);
        continue;
      }
      assertThat(SlashCommandForm.parse(body)).as(body).isEqualTo(expected);
      compared++;
    }
    assertThat(compared).as("bodies the SDK could read").isGreaterThan(4_000);
  }

  @Test
  void aMalformedEscapeFailsAsItDoesInTheSdk() {
    String body = "command=%2Fcheckin&text=50%zz";

    assertThatThrownBy(() -> SDK.parse(body)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlashCommandForm.parse(body)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String body(Random random) {
    StringBuilder body = new StringBuilder();
    int fields = random.nextInt(8);
    for (int f = 0; f < fields; f++) {
      if (f > 0) {
        body.append('&');
      }
      String name = NAMES.get(random.nextInt(NAMES.size()));
      body.append(random.nextInt(10) == 0 ? " " + name + "\n" : name);
      if (random.nextInt(12) != 0) {
        body.append('=');
      }
      int pieces = random.nextInt(4);
      for (int p = 0; p < pieces; p++) {
        body.append(PIECES.get(random.nextInt(PIECES.size())));
      }
    }
    return body.toString();
  }
}
