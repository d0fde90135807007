package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.testing.FakeSlack.Reply;
import io.rapport.testing.LogCapture;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.SlackRequests;
import org.junit.jupiter.api.Test;

/** Whatever happens — good requests, forged ones, Slack refusing the token — no log line holds a secret. */
class SecretsNeverLoggedTest {
  @Test
  void neitherTheBotTokenNorTheSigningSecretReachesTheLog() throws Exception {
    try (LogCapture logs = new LogCapture(); RapportUnderTest rapport = RapportUnderTest.start()) {
      rapport.slack().command("/relationship-help", "", "U0REP0001");
      String body = SlackRequests.formBody(rapport.slack().commandForm("T0RAPPORT", "/relationship-help", "", "U1"));
      rapport.slack().sendRaw(body, "application/x-www-form-urlencoded", "1", "v0=forged");
      rapport.slack().sendRaw(body, "application/x-www-form-urlencoded", null, null);
      rapport.slack().send("payload=%7Bbroken", "application/x-www-form-urlencoded");
      rapport.fake().enqueue("users.info", Reply.error("invalid_auth"));
      rapport.rapport().foundation().timeZones().zoneOf("T0RAPPORT", "U0REP0001");
      rapport.fake().enqueue("users.info", Reply.status(500));
      rapport.rapport().foundation().timeZones().zoneOf("T0RAPPORT", "U0REP0002");

      String text = logs.text();
      assertThat(text).isNotBlank();
      assertThat(text).doesNotContain(RapportUnderTest.BOT_TOKEN)
          .doesNotContain(RapportUnderTest.SIGNING_SECRET)
          .doesNotContain("SECRET-TOKEN");
    }
  }
}
