package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.config.Config;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.Flag;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Names;
import io.rapport.e2e.CheckInForms.Answer;
import io.rapport.store.FlagDao;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.FakeSlack.Call;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults on the way to Slack after a check-in, end to end (signed HTTP in, the fake Slack out, a
 * real database): the rep's confirmation (the weekly prompt message updated in place), the flag
 * post in the team channel and the App Home publish each meet a 5xx and a timeout (Slack carried
 * the call out but Rapport never heard). Each is retried; nothing is posted twice.
 */
class SlackFaultsTest {
  static final String WS = FakeSlack.TEAM_ID;
  static final String TEAM = "team-faults";
  static final String REP = "UREPFLT1";
  static final String MANAGER = "UMGRFLT1";
  static final String CHANNEL = "CFAULTS1";
  static final String ACME = "acme-faults";
  static final String BOLT = "bolt-faults";
  /** Rapport's HTTP read timeout in this test (RAPPORT_SLACK_TIMEOUT_SECONDS). */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
  /** Longer than the read timeout: the answer never arrives in time. */
  static final Duration NO_ANSWER_IN_TIME = READ_TIMEOUT.multipliedBy(3);

  /** The next Saturday 10:00 UTC: the team's Friday 15:00 prompt of this week is due. */
  static Instant nextSaturdayMorning() {
    LocalDate saturday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    return saturday.atTime(10, 0).toInstant(ZoneOffset.UTC);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.testing.TestDatabases#kinds")
  void confirmationFlagPostAndHomePublishAreRetriedThrough5xxAndTimeoutsAndNothingIsPostedTwice(
      TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(nextSaturdayMorning()),
        Map.of(Config.RAPPORT_SLACK_TIMEOUT_SECONDS, String.valueOf(READ_TIMEOUT.toSeconds())))) {
      FakeSlack fake = rapport.fake();
      Store store = rapport.rapport().foundation().store();
      long now = rapport.clock().millis();
      List<IsoWeek> weeks = CheckInForms.weeksOfferedAt(rapport.clock().instant());
      IsoWeek week = weeks.get(0);
      store.ensureWorkspace(WS, now);
      store.teams().insert(WS, TEAM, "Faults Team", Names.key("Faults Team"), 5, "15:00", now);
      store.teams().setManager(WS, TEAM, MANAGER);
      store.teams().setChannel(WS, TEAM, CHANNEL);
      store.teams().addMember(WS, TEAM, REP, now);
      for (String id : List.of(ACME, BOLT)) {
        store.accounts().upsert(WS, Account.of(id, "Account " + id, REP), now);
        // Paid late last week: one more late payment makes a pattern (a flag for the channel).
        store.checkIns().upsert(WS, CheckIn.builder(id, week.minusWeeks(1)).rep(REP).paymentDays(65).build(), now);
      }
      rapport.rapport().prompts().runDue();
      List<Call> prompts = dms(fake);
      assertThat(prompts).as("the weekly prompt").hasSize(1);

      // Acme: the confirmation and the Home publish each get a 5xx, then a timeout; the flag post
      // is carried out by Slack but answered with a 503.
      fake.enqueue("chat.update", FakeSlack.Reply.status(503));
      fake.enqueueSlowAfterCarryingOut("chat.update", NO_ANSWER_IN_TIME);
      fake.enqueue("views.publish", FakeSlack.Reply.status(502));
      fake.enqueueSlowAfterCarryingOut("views.publish", NO_ANSWER_IN_TIME);
      fake.enqueueAfterCarryingOut("chat.postMessage", FakeSlack.Reply.status(503));
      assertThat(CheckInForms.answerOf(
          CheckInForms.submit(rapport.slack(), REP, "VFAULTACME", ACME, weeks, week, 70))).isEqualTo(Answer.SAVED);
      awaitIdle(rapport);
      assertThat(fake.calls("chat.update")).as("the confirmation: 503, timeout, then through").hasSize(3);
      assertThat(fake.calls("chat.update").get(2).param("text")).startsWith("1 done, 1 key account still due");
      assertThat(publishesTo(fake)).as("App Home: 502, timeout, then through").hasSize(3);

      // Bolt: the flag post is carried out but its answer never arrives in time.
      fake.enqueueSlowAfterCarryingOut("chat.postMessage", NO_ANSWER_IN_TIME);
      assertThat(CheckInForms.answerOf(
          CheckInForms.submit(rapport.slack(), REP, "VFAULTBOLT", BOLT, weeks, week, 70))).isEqualTo(Answer.SAVED);
      awaitIdle(rapport);

      // Neither flag post was confirmed; once the claims are stale the sweep finds both in the
      // channel's history instead of posting again.
      rapport.clock().advance(io.rapport.outbox.Outbox.LEASE.plusSeconds(1));
      rapport.rapport().flags().sweep();
      awaitIdle(rapport);
      FlagDao flags = store.jdbi().onDemand(FlagDao.class);
      List<Call> channelPosts = fake.calls("chat.postMessage").stream()
          .filter(c -> CHANNEL.equals(c.param("channel")) && c.param("thread_ts") == null).toList();
      assertThat(channelPosts).as("one post per flag, each carried out once; none re-posted").hasSize(2);
      for (String id : List.of(ACME, BOLT)) {
        List<Flag> open = flags.openOfAccount(WS, id);
        assertThat(open).as("the flag of %s", id).hasSize(1);
        assertThat(open.get(0).isPosted()).as("%s's flag confirmed from the channel's history", id).isTrue();
      }
      assertThat(fake.calls("conversations.history")).as("recovery read the history").isNotEmpty();

      // The rep's confirmations are updates of the one prompt message: no second DM.
      assertThat(dms(fake)).as("no DM besides the prompt").hasSize(1);
      List<Call> updates = fake.calls("chat.update");
      assertThat(updates).as("Acme's three tries and Bolt's one").hasSizeGreaterThanOrEqualTo(4)
          .allSatisfy(u -> assertThat(u.param("channel")).isEqualTo("D" + REP));
      assertThat(updates.get(updates.size() - 1).param("text")).as("the last picture: both answered")
          .isNotBlank().doesNotContain("still due");
      assertThat(publishesTo(fake)).as("App Home published again after Bolt").hasSizeGreaterThanOrEqualTo(4);
    }
  }

  private static List<Call> dms(FakeSlack fake) {
    return fake.calls("chat.postMessage").stream().filter(c -> ("D" + REP).equals(c.param("channel"))).toList();
  }

  private static List<Call> publishesTo(FakeSlack fake) {
    return fake.calls("views.publish").stream().filter(c -> REP.equals(c.param("user_id"))).toList();
  }

  private static void awaitIdle(RapportUnderTest rapport) throws InterruptedException {
    assertThat(rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(90)))
        .as("the work after the ack finished").isTrue();
  }
}
