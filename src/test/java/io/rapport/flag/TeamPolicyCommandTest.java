package io.rapport.flag;

import static io.rapport.flag.FlagScenario.ADMIN;
import static io.rapport.flag.FlagScenario.CHANNEL;
import static io.rapport.flag.FlagScenario.MANAGER;
import static io.rapport.flag.FlagScenario.TEAM;
import static io.rapport.flag.FlagScenario.WS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /relationship-admin team NAME policy …}: per-team thresholds, validated, with defaults shown. */
class TeamPolicyCommandTest {
  static final String COMMAND = "/relationship-admin";
  FlagScenario s;

  @BeforeEach
  void start() throws Exception {
    s = FlagScenario.start();
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  private String answer(String text, String user) throws Exception {
    int before = s.fake().responses().size();
    HttpResponse<String> r = s.rapport.slack().command(COMMAND, text, user);
    assertThat(r.statusCode()).isEqualTo(200);
    if (!r.body().isBlank() && r.body().contains("text")) {
      return FlagScenario.JSON.readTree(r.body()).toString(); // answered at once (a usage mistake)
    }
    JsonNode response = s.fake().awaitResponses(before + 1).get(before);
    return response.toString();
  }

  private String storedPolicy() {
    return s.store().teams().find(WS, TEAM).orElseThrow().policyOverrides();
  }

  @Test
  void showListsEveryThresholdWithItsDefault() throws Exception {
    String shown = answer("team \"Enterprise East\" policy show", ADMIN);
    assertThat(shown).contains("Policy of team Enterprise East").contains("all defaults")
        .contains("termsDictated.warningWeeks").contains("= 3").contains("flags.falseAlarmWeeks")
        .contains("flags.quietWeeks").contains("(the default)").doesNotContain("docs/").doesNotContain(".md");
    assertThat(answer("team \"Enterprise East\" policy", ADMIN)).as("show by default")
        .contains("Policy of team Enterprise East");
  }

  @Test
  void setValidatesEveryValueAndAChangedThresholdAppliesToTheTeamsFlags() throws Exception {
    String bad = answer("team \"Enterprise East\" policy set termsDictated.watchWeeks=0", ADMIN);
    assertThat(bad).contains("Nothing was changed").contains("termsDictated.watchWeeks must be a whole number between 1");
    assertThat(answer("team \"Enterprise East\" policy set bogus.threshold=3", ADMIN))
        .contains("Nothing was changed").contains("unknown threshold");
    assertThat(answer("team \"Enterprise East\" policy set termsDictated.watchWeeks=5", ADMIN))
        .as("watch may not exceed warning").contains("Nothing was changed");
    assertThat(answer("team \"Enterprise East\" policy set flags.falseAlarmWeeks=99", ADMIN))
        .contains("Nothing was changed").contains("between 1 and 52");
    assertThat(storedPolicy()).isNull();

    String ok = answer("team Enterprise East policy set termsDictated.watchWeeks=1 flags.falseAlarmWeeks=12", ADMIN);
    assertThat(ok).contains("Updated the policy").contains("termsDictated.watchWeeks` = 1")
        .contains("flags.falseAlarmWeeks` = 12");
    assertThat(storedPolicy()).contains("\"termsDictated.watchWeeks\":\"1\"").contains("\"flags.falseAlarmWeeks\":\"12\"");

    // One late payment is now enough for this team.
    s.paid(s.week(), 70);
    s.checkedIn();
    assertThat(s.onlyOpenFlag().pattern()).isEqualTo("TERMS_DICTATED");
    assertThat(s.posts(CHANNEL)).hasSize(1);

    // A false alarm's reason shows next to the thresholds, to tune them.
    s.submit(FlagScenario.REP, "flag.false_alarm", "VFALSEP1", s.onlyOpenFlag().id(),
        FlagScenario.reasonValues("Paid late once by agreement"));
    assertThat(answer("team \"Enterprise East\" policy show", ADMIN)).contains("*1* (default 2)")
        .contains("Latest false alarms").contains("Terms dictated on Acme Retail").contains("Paid late once by agreement");
    assertThat(answer("team \"Enterprise East\" policy reset termsDictated.watchWeeks", ADMIN))
        .contains("back to its default, 2");
    assertThat(storedPolicy()).doesNotContain("termsDictated").contains("flags.falseAlarmWeeks");
    assertThat(answer("team \"Enterprise East\" policy reset all", ADMIN)).contains("back to the default policy");
    assertThat(storedPolicy()).isNull();
  }

  @Test
  void badArgumentsGetTheUsageAndOnlyAdminsMayChangeAPolicy() throws Exception {
    assertThat(answer("team \"Enterprise East\" policy frobnicate", ADMIN)).contains("Usage")
        .contains("team NAME policy");
    assertThat(answer("team \"Enterprise East\" policy set", ADMIN)).contains("NAME=VALUE");
    assertThat(answer("team \"Enterprise East\" policy set watchWeeks", ADMIN)).contains("is not `NAME=VALUE`");
    assertThat(answer("team Nowhere policy show", ADMIN)).contains("Nowhere").contains("Enterprise East");
    assertThat(answer("team \"Enterprise East\" policy set termsDictated.watchWeeks=1", MANAGER))
        .contains("is for Rapport's admins");
    assertThat(storedPolicy()).isNull();
  }
}
