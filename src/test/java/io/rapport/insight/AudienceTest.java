package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudienceTest {

  @Test
  void clientConductIsForTheTeamAndTheRepsOwnChoicesAreCoaching() {
    for (Pattern p : List.of(Pattern.TERMS_DICTATED, Pattern.ABUSIVE, Pattern.BIG_BROTHER, Pattern.HOSTAGE,
        Pattern.BROKEN_PROMISES, Pattern.MASTER_SERVANT)) {
      assertThat(Audience.defaultOf(p)).as(p.id()).isEqualTo(Audience.TEAM);
    }
    for (Pattern p : List.of(Pattern.QUOTA_PRESSURE, Pattern.WORKING_FOR_THE_CLIENT, Pattern.FRIENDSHIP_OVER_PROFIT,
        Pattern.PROFESSIONAL_VISITOR, Pattern.OVER_SERVICING, Pattern.WIN_LOSE)) {
      assertThat(Audience.defaultOf(p)).as(p.id()).isEqualTo(Audience.COACHING);
    }
    assertThat(Audience.defaultOf(Pattern.EXPLOITATIVE)).isEqualTo(Audience.MANAGER);
  }

  @Test
  void promisesBrokenOnlyByTheClientAreATeamMatterAndAnyBrokenByUsAreCoaching() {
    Finding byClient = brokenPromises(3, 0);
    Finding byUs = brokenPromises(2, 1);
    assertThat(byClient.admitted()).isFalse();
    assertThat(byClient.audience()).isEqualTo(Audience.TEAM);
    assertThat(byUs.admitted()).isTrue();
    assertThat(byUs.audience()).isEqualTo(Audience.COACHING);
  }

  @Test
  void aTeamsChoiceForAPatternWinsOverTheDefault() {
    Finding quota = Finding.of(Pattern.QUOTA_PRESSURE, Severity.WATCH, List.of("quota pressure in 3 weeks"));
    assertThat(Audience.of(quota, Map.of())).isEqualTo(Audience.COACHING);
    assertThat(Audience.of(quota, Map.of(Pattern.QUOTA_PRESSURE, Audience.TEAM))).isEqualTo(Audience.TEAM);
    Finding terms = Finding.of(Pattern.TERMS_DICTATED, Severity.WATCH, List.of("paid late"));
    assertThat(Audience.of(terms, Map.of(Pattern.TERMS_DICTATED, Audience.COACHING))).isEqualTo(Audience.COACHING);
  }

  @Test
  void idsParseInAnyCaseAndNothingElseDoes() {
    assertThat(Audience.parse("Coaching")).contains(Audience.COACHING);
    assertThat(Audience.parse(" team ")).contains(Audience.TEAM);
    assertThat(Audience.parse("channel")).isEmpty();
    assertThat(Audience.parse(null)).isEmpty();
  }

  private static Finding brokenPromises(int byClient, int byUs) {
    IsoWeek w = IsoWeek.parse("2026-W40");
    List<CheckIn> checkIns = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      checkIns.add(CheckIn.builder("acme", w.plusWeeks(i)).promisesBrokenByClient(i == 0 ? byClient : 0)
          .promisesBrokenByUs(i == 1 ? byUs : 0).build());
    }
    return new Analyzer(Policy.defaults())
        .analyze(Account.of("acme", "Acme", "UREP"), checkIns, BookContext.empty(), w.plusWeeks(2))
        .findings().stream().filter(f -> f.pattern() == Pattern.BROKEN_PROMISES).findFirst().orElseThrow();
  }
}
