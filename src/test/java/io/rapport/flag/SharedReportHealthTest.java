package io.rapport.flag;

import static io.rapport.flag.FlagScenario.ACCOUNT;
import static io.rapport.flag.FlagScenario.CHANNEL;
import static io.rapport.flag.FlagScenario.MANAGER;
import static io.rapport.flag.FlagScenario.REP;
import static io.rapport.flag.FlagScenario.TEAM;
import static io.rapport.flag.FlagScenario.WS;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.CheckIn;
import io.rapport.testing.FakeSlack.Call;
import io.rapport.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A report shared to a channel leaves out coaching findings, and its numbers are scored without
 * them: a coaching finding leaves no trace — no health number, no band, no count — in the channel
 * post, while the manager's own report shows it.
 */
class SharedReportHealthTest {

  static List<org.junit.jupiter.api.Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aCoachingFindingLeavesNoTraceInTheNumbersOfTheReportSharedToTheChannel(TestDatabases.Kind kind)
      throws Exception {
    try (FlagScenario s = FlagAudienceEndToEndTest.start(kind)) {
      for (int back = 2; back >= 0; back--) {
        s.store().checkIns().upsert(WS, CheckIn.builder(ACCOUNT, s.week().minusWeeks(back)).rep(REP)
            .quotaPressure(true).build(), s.now());
      }

      // The manager's own report: quota pressure (coaching) puts the one account at risk.
      s.rapport.slack().command("/relationship-report", "", MANAGER);
      String own = s.fake().awaitResponses(1).get(0).toString();
      assertThat(own).contains("Quota pressure").contains("At risk *1*").contains("Healthy *0*");
      s.fake().reset();

      s.rapport.slack().blockAction(MANAGER, "report.share", "team:" + TEAM + ":8", null);
      s.idle();

      Call post = FlagAudienceEndToEndTest.channelCalls(s, CHANNEL).stream()
          .filter(c -> "chat.postMessage".equals(c.method())).findFirst().orElseThrow();
      String shared = post.param("blocks") + " " + post.param("text");
      assertThat(shared).contains("Healthy *1*").contains("At risk *0*").contains("Unhealthy *0*")
          .contains("100 → 100")
          .contains("0 unhealthy, 0 at risk, 1 healthy")
          .contains("every account is healthy")
          .doesNotContain("Quota pressure").doesNotContain("quota").doesNotContain("Acme Retail");
    }
  }
}
