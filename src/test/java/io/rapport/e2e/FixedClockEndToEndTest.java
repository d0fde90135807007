package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.SlackRequests;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signature check judges a timestamp by Rapport's clock, so a request signed "now" on a clock
 * set years away is accepted, and one signed at the real time is stale and refused.
 */
class FixedClockEndToEndTest {
  @Test
  void requestsAreJudgedByRapportsClock() throws Exception {
    MutableClock clock = MutableClock.at("2031-03-14T09:00:00Z");
    try (RapportUnderTest rapport = RapportUnderTest.start(Map.of(), clock)) {
      HttpResponse<String> ok = rapport.slack().command("/relationship-help", "", "U0REP0001");
      assertThat(ok.statusCode()).isEqualTo(200);

      SlackRequests slack = rapport.slack();
      String body = SlackRequests.formBody(slack.commandForm("T0RAPPORT", "/relationship-help", "", "U1"));
      String realNow = Long.toString(java.time.Instant.now().getEpochSecond());
      HttpResponse<String> stale = slack.sendRaw(body, "application/x-www-form-urlencoded", realNow, slack.sign(realNow, body));
      assertThat(stale.statusCode()).isEqualTo(401);
    }
  }
}
