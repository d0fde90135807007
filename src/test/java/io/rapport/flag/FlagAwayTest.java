package io.rapport.flag;

import static io.rapport.flag.FlagScenario.MANAGER;
import static io.rapport.flag.FlagScenario.REP;
import static io.rapport.flag.FlagScenario.TEAM;
import static io.rapport.flag.FlagScenario.WS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.domain.Account;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagStatus;
import io.rapport.domain.IsoWeek;
import io.rapport.testing.FakeSlack.Call;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Away weeks and flags: the "quiet weeks → close itself" clock stops, and the digest lists who is away. */
class FlagAwayTest {
  FlagScenario s;

  @BeforeEach
  void start() throws Exception {
    s = FlagScenario.start();
    s.fake().userTimeZone(MANAGER, "Etc/UTC");
    s.fake().userTimeZone(REP, "Etc/UTC");
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  /** The rep marks themself away through signed HTTP, as in Slack. */
  private String away(String user, String text) throws Exception {
    int before = s.fake().responses().size();
    s.rapport.slack().command("/checkin", text, user);
    s.idle();
    return s.fake().awaitResponses(before + 1).get(before).path("text").asText();
  }

  @Test
  void theQuietClockOfAFlagDoesNotRunWhileTheRepIsAway() throws Exception {
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    s.paid(s.week().minusWeeks(1), 30);
    s.paid(s.week(), 30);
    s.checkedIn(); // quiet from now on
    IsoWeek quietFrom = s.week();
    // Away for the two weeks after this one.
    String from = quietFrom.plusWeeks(1).monday().toString();
    String to = quietFrom.plusWeeks(2).day(DayOfWeek.SUNDAY).toString();
    assertThat(away(REP, "away " + from + " to " + to)).contains("You're away");

    s.advanceWeeks(4);
    s.rapport.rapport().flags().sweep();
    assertThat(s.flag(flag.id()).isOpen()).as("4 weeks, 2 of them away: 2 quiet weeks").isTrue();
    s.advanceWeeks(1);
    s.rapport.rapport().flags().sweep();
    assertThat(s.flag(flag.id()).isOpen()).as("3 quiet weeks").isTrue();
    s.advanceWeeks(1);
    s.rapport.rapport().flags().sweep();
    assertThat(s.flag(flag.id()).status()).as("4 quiet weeks").isEqualTo(FlagStatus.EXPIRED);
  }

  @Test
  void theDigestListsWhoIsAwayAndDoesNotCountThemAsMissing() throws Exception {
    String awayRep = "UREP0002";
    String quietRep = "UREP0003";
    for (String rep : List.of(awayRep, quietRep)) {
      s.store().teams().addMember(WS, TEAM, rep, s.now());
      s.store().accounts().upsert(WS, Account.of("acct-" + rep, "Account of " + rep, rep), s.now());
      s.fake().userTimeZone(rep, "Etc/UTC");
    }
    IsoWeek week = s.week();
    assertThat(away(awayRep, "away until " + week.day(DayOfWeek.SUNDAY).plusDays(5))).contains("You're away");

    s.rapport.clock().set(week.plusWeeks(1).monday().atTime(9, 0).toInstant(ZoneOffset.UTC));
    s.rapport.rapport().flags().sweep();
    List<Call> digests = s.posts("D" + MANAGER);
    assertThat(digests).hasSize(1);
    JsonNode blocks = digests.get(0).jsonParam("blocks");
    assertThat(blocks.toString()).contains("Away (1)").contains("<@" + awayRep + "> — away that week, until")
        .contains("<@" + quietRep + "> — 1 of 1").doesNotContain("<@" + awayRep + "> — 1 of 1");
    assertThat(digests.get(0).param("text")).contains("1 away");
  }
}
