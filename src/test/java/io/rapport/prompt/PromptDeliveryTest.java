package io.rapport.prompt;

import io.rapport.slack.views.PromptMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.WeeklySchedule;
import io.rapport.outbox.Outbox;
import io.rapport.outbox.Outbox.Outcome;
import io.rapport.outbox.OutboxDao;
import io.rapport.slack.out.SlackTransport;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exactly once through crashes, a second instance, 429 storms, 5xx bursts and permanent errors. */
class PromptDeliveryTest {
  static final WeeklySchedule FRIDAY_3PM = WeeklySchedule.parse("fri", "15:00");
  static final Instant SLOT = Instant.parse("2026-11-20T15:00:00Z");
  static final String WEEK = "2026-W47";

  FakeSlack fake;
  MutableClock clock;
  Path dir;
  PromptRig rig;
  final List<PromptRig> others = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    fake = new FakeSlack();
    clock = MutableClock.at("2026-11-20T15:00:00Z");
    dir = Files.createTempDirectory("prompts");
    rig = new PromptRig(fake, clock, dir.resolve("rapport.db"), "instance-a");
  }

  @AfterEach
  void tearDown() throws Exception {
    others.forEach(PromptRig::close);
    rig.close();
    fake.close();
  }

  static List<String> reps(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("UREP%03d", i)).toList();
  }

  /** Every rep got exactly one post. */
  void assertEachPostedOnce(List<String> reps) {
    Map<String, Integer> posts = new HashMap<>();
    for (FakeSlack.Call c : fake.calls("chat.postMessage")) {
      posts.merge(c.param("channel"), 1, Integer::sum);
    }
    Map<String, Integer> expected = new HashMap<>();
    reps.forEach(r -> expected.put("D" + r, 1));
    assertThat(posts).isEqualTo(expected);
  }

  /** Successful posts only (the fake records refused calls too). */
  long acceptedPosts(String rep) {
    return rig.store.prompts().find(PromptRig.WS, rep, WEEK, "weekly").map(PromptRow::messageTs).stream().count();
  }

  /** The outbox row of a rep's weekly prompt, leased by an instance called {@code owner} (which then dies). */
  PromptRow leasedBy(String owner, String rep) {
    PromptRow row = rig.store.prompts().find(PromptRig.WS, rep, WEEK, "weekly").orElseThrow();
    long now = clock.millis();
    rig.outbox.enqueue(PromptSender.letter(row));
    assertThat(outboxRows().lease(PromptSender.key(row), owner, now, now + Outbox.LEASE.toMillis())).isEqualTo(1);
    return row;
  }

  OutboxDao outboxRows() {
    return rig.store.jdbi().onDemand(OutboxDao.class);
  }

  @Test
  void aPromptLeasedByAnInstanceThatDiedBeforePostingIsSentOnceWhenTheLeaseRunsOut() throws Exception {
    rig.team("Sales", FRIDAY_3PM, List.of("UCRASH"), 1);
    rig.scheduler.createDueWeeklyPrompts();
    // The dead instance leased the row, then was killed before it marked a post as under way.
    leasedBy("dead", "UCRASH");

    rig.run(); // restart: the lease is still running, so it is left alone
    assertThat(fake.calls("chat.postMessage")).isEmpty();

    clock.advance(Outbox.LEASE.plusSeconds(1));
    Map<Outcome, Integer> outcomes = rig.run();
    assertThat(outcomes).containsEntry(Outcome.SENT, 1);
    // No post was ever under way, so Slack cannot have it: no history to ask.
    assertThat(fake.calls("conversations.history")).isEmpty();
    assertEachPostedOnce(List.of("UCRASH"));
    PromptRow row = rig.store.prompts().find(PromptRig.WS, "UCRASH", WEEK, "weekly").orElseThrow();
    assertThat(row.status()).isEqualTo("sent");
    assertThat(row.claimedBy()).isEqualTo("instance-a");
  }

  @Test
  void aPromptWhosePostWasUnderWayWhenItsInstanceDiedIsSentOnceAfterCheckingTheDm() throws Exception {
    rig.team("Sales", FRIDAY_3PM, List.of("UCRASH"), 1);
    rig.scheduler.createDueWeeklyPrompts();
    PromptRow row = leasedBy("dead", "UCRASH");
    long now = clock.millis();
    // It marked the post under way, then died before (or while) posting: Slack does not have it.
    outboxRows().posting(PromptSender.key(row), "dead", "DUCRASH", null, "prompt", null, now,
        now + Outbox.LEASE.toMillis());

    clock.advance(Outbox.LEASE.plusSeconds(1));
    Map<Outcome, Integer> outcomes = rig.run();
    assertThat(outcomes).containsEntry(Outcome.SENT, 1);
    assertThat(fake.calls("conversations.history")).hasSize(1);
    assertEachPostedOnce(List.of("UCRASH"));
    assertThat(rig.store.prompts().find(PromptRig.WS, "UCRASH", WEEK, "weekly").orElseThrow().status())
        .isEqualTo("sent");
  }

  @Test
  void aPromptPostedByAnInstanceThatDiedBeforeRecordingItIsNotSentAgain() throws Exception {
    rig.team("Sales", FRIDAY_3PM, List.of("UPOSTED"), 1);
    rig.scheduler.createDueWeeklyPrompts();
    // The dead instance leased, marked the post under way, posted (Slack has the message), and
    // was killed before marking it sent.
    PromptRow row = leasedBy("dead", "UPOSTED");
    long now = clock.millis();
    outboxRows().posting(PromptSender.key(row), "dead", "DUPOSTED", null, "prompt", null, now,
        now + Outbox.LEASE.toMillis());
    String ts = rig.calls.call("chat.postMessage", "DUPOSTED", m -> m.chatPostMessage(r -> r.channel("DUPOSTED")
        .text("prompt").metadata(SlackTransport.metadata(PromptSender.key(row))))).getTs();

    clock.advance(Outbox.LEASE.plusSeconds(1));
    Map<Outcome, Integer> outcomes = rig.run();

    assertThat(outcomes).containsEntry(Outcome.RECOVERED, 1);
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    PromptRow after = rig.store.prompts().find(PromptRig.WS, "UPOSTED", WEEK, "weekly").orElseThrow();
    assertThat(after.status()).isEqualTo("sent");
    assertThat(after.messageTs()).isEqualTo(ts);
  }

  @Test
  void aSecondRunAfterSendingSendsNothing() throws Exception {
    rig.team("Sales", FRIDAY_3PM, reps(5), 1);
    rig.run();
    rig.run();
    clock.advance(Duration.ofHours(1));
    rig.run();
    assertEachPostedOnce(reps(5));
  }

  @Test
  void twoSchedulersOnOneSqliteFileSendEachPromptOnce() throws Exception {
    twoSchedulersOnOneDatabaseSendEachPromptOnce(rig,
        new PromptRig(fake, clock, dir.resolve("rapport.db"), "instance-b"));
  }

  @Test
  void twoSchedulersOnOnePostgresDatabaseSendEachPromptOnce() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.kinds().size() > 1,
        "no PostgreSQL here (" + TestDatabases.POSTGRES_URL_ENV + " unset)");
    String url = TestDatabases.freshPostgresSchema();
    PromptRig first = new PromptRig(fake, clock, url, dir, "instance-a");
    others.add(first);
    twoSchedulersOnOneDatabaseSendEachPromptOnce(first, new PromptRig(fake, clock, url, dir, "instance-b"));
  }

  void twoSchedulersOnOneDatabaseSendEachPromptOnce(PromptRig rig, PromptRig second) throws Exception {
    List<String> reps = reps(60);
    rig.team("Big", FRIDAY_3PM, reps, 2);
    others.add(second);
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Map<Outcome, Integer>>> runs = List.of(rig::run, second::run, rig::run, second::run);
      List<Future<Map<Outcome, Integer>>> futures = both.invokeAll(runs);
      int sent = 0;
      for (Future<Map<Outcome, Integer>> f : futures) {
        sent += f.get().getOrDefault(Outcome.SENT, 0);
      }
      assertThat(sent).isEqualTo(60);
    } finally {
      both.shutdownNow();
    }
    assertEachPostedOnce(reps);
    List<String> claimers = rig.store.prompts().ofWeek(PromptRig.WS, WEEK).stream().map(PromptRow::claimedBy)
        .distinct().sorted().toList();
    assertThat(claimers).containsExactly("instance-a", "instance-b");
  }

  @Test
  void anInstanceAbandonedMidSendOnOnePostgresDatabaseLeavesEachPromptSentExactlyOnce() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.kinds().size() > 1,
        "no PostgreSQL here (" + TestDatabases.POSTGRES_URL_ENV + " unset)");
    String url = TestDatabases.freshPostgresSchema();
    PromptRig dying = new PromptRig(fake, clock, url, dir, "instance-dying");
    others.add(dying);
    List<String> reps = reps(30);
    dying.team("Big", FRIDAY_3PM, reps, 1);
    dying.scheduler.createDueWeeklyPrompts();
    // The dying instance is stopped in the middle of its send, in process (its leases are never
    // given back): it had leased the first 12 prompts, marked the post of 8 under way and got 4 of
    // those into Slack before it stopped; the database knows none of them as sent.
    OutboxDao rows = dying.store.jdbi().onDemand(OutboxDao.class);
    long now = clock.millis();
    for (int i = 0; i < 12; i++) {
      PromptRow row = dying.store.prompts().find(PromptRig.WS, reps.get(i), WEEK, "weekly").orElseThrow();
      String key = PromptSender.key(row);
      dying.outbox.enqueue(PromptSender.letter(row));
      assertThat(rows.lease(key, "instance-dying", now, now + Outbox.LEASE.toMillis())).isEqualTo(1);
      if (i < 8) {
        rows.posting(key, "instance-dying", "D" + reps.get(i), null, "prompt", null, now, now + Outbox.LEASE.toMillis());
      }
      if (i < 4) {
        dying.calls.call("chat.postMessage", "D" + reps.get(i), m -> m.chatPostMessage(q -> q.channel("D" + row.repId())
            .text("prompt").metadata(SlackTransport.metadata(key))));
      }
    }
    PromptRig survivor = new PromptRig(fake, clock, url, dir, "instance-b");
    others.add(survivor);
    Map<Outcome, Integer> first = survivor.run();
    assertThat(first).containsEntry(Outcome.SENT, 18); // the leased ones wait for their lease to run out

    clock.advance(Outbox.LEASE.plusSeconds(1));
    Map<Outcome, Integer> second = survivor.run();
    assertThat(second).containsEntry(Outcome.RECOVERED, 4).containsEntry(Outcome.SENT, 8);
    assertThat(fake.calls("conversations.history")).as("only the 8 whose post was under way").hasSize(8);
    Map<String, Integer> inSlack = new HashMap<>();
    for (String rep : reps) {
      inSlack.put(rep, historyCount("D" + rep));
      assertThat(survivor.store.prompts().find(PromptRig.WS, rep, WEEK, "weekly").orElseThrow().status())
          .as(rep).isEqualTo("sent");
    }
    assertThat(inSlack.values()).hasSize(30).containsOnly(1);
  }

  @Test
  void aStormOfRateLimitsStillDeliversEveryPromptOnce() throws Exception {
    List<String> reps = reps(12);
    rig.team("Sales", FRIDAY_3PM, reps, 1);
    for (int i = 0; i < 6; i++) {
      fake.enqueue("chat.postMessage", FakeSlack.Reply.rateLimited(0));
      fake.enqueue("conversations.open", FakeSlack.Reply.rateLimited(0));
    }
    fake.enqueue("chat.postMessage", FakeSlack.Reply.rateLimited(1));
    Map<Outcome, Integer> outcomes = rig.run();
    assertThat(outcomes).containsEntry(Outcome.SENT, 12);
    assertThat(fake.calls("chat.postMessage")).hasSize(12 + 7);
    // Refused posts were not carried out, so no history check was needed.
    assertThat(fake.calls("conversations.history")).isEmpty();
    Map<String, Long> accepted = new HashMap<>();
    reps.forEach(r -> accepted.put(r, acceptedPosts(r)));
    assertThat(accepted.values()).containsOnly(1L);
  }

  @Test
  void aBurstOfServerErrorsStillDeliversEveryPromptOnce() throws Exception {
    List<String> reps = reps(10);
    rig.team("Sales", FRIDAY_3PM, reps, 1);
    for (int i = 0; i < 8; i++) {
      fake.enqueue("chat.postMessage", FakeSlack.Reply.status(503));
    }
    fake.enqueue("conversations.open", FakeSlack.Reply.status(502));
    fake.enqueue("conversations.history", FakeSlack.Reply.status(500));
    // Twice Slack carries a post out but answers 500: the history check must find those.
    fake.enqueueAfterCarryingOut("chat.postMessage", FakeSlack.Reply.status(500));
    fake.enqueueAfterCarryingOut("chat.postMessage", FakeSlack.Reply.status(504));
    int rounds = 0;
    while (rig.store.prompts().count(PromptRig.WS, WEEK, "weekly", "sent") < 10 && rounds++ < 20) {
      rig.run();
      clock.advance(Duration.ofSeconds(30));
    }
    assertEachPostedOnceAmongAccepted(reps);
    assertThat(fake.calls("conversations.history")).isNotEmpty();
  }

  /** Among posts Slack accepted (answered 200), each rep has exactly one. */
  void assertEachPostedOnceAmongAccepted(List<String> reps) {
    for (String rep : reps) {
      PromptRow row = rig.store.prompts().find(PromptRig.WS, rep, WEEK, "weekly").orElseThrow();
      assertThat(row.status()).as(rep).isEqualTo("sent");
    }
    Map<String, Integer> history = new HashMap<>();
    for (String rep : reps) {
      history.put(rep, historyCount("D" + rep));
    }
    assertThat(history.values()).containsOnly(1);
  }

  /** How many prompt messages the DM holds (what the rep actually sees). */
  int historyCount(String channel) {
    try {
      var r = rig.calls.call("conversations.history", null, m -> m.conversationsHistory(q -> q.channel(channel)));
      return (int) r.getMessages().stream().filter(m -> m.getMetadata() != null).count();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void permanentErrorsAreRecordedAndNotRetriedWhileOthersAreDelivered() throws Exception {
    List<String> reps = List.of("UGONE", "UBOT", "UFINE1", "UFINE2");
    rig.team("Sales", FRIDAY_3PM, reps, 1);
    fake.handle("conversations.open", call -> "UGONE".equals(call.param("users"))
        ? FakeSlack.Reply.error("user_not_found") : null);
    fake.handle("chat.postMessage", call -> "DUBOT".equals(call.param("channel"))
        ? FakeSlack.Reply.error("cannot_dm_bot") : null);

    Map<Outcome, Integer> outcomes = rig.run();
    assertThat(outcomes).containsEntry(Outcome.SENT, 2).containsEntry(Outcome.FAILED, 2);
    assertThat(rig.store.prompts().find(PromptRig.WS, "UGONE", WEEK, "weekly").orElseThrow().lastError())
        .isEqualTo("conversations.open: user_not_found");
    PromptRow bot = rig.store.prompts().find(PromptRig.WS, "UBOT", WEEK, "weekly").orElseThrow();
    assertThat(bot.status()).isEqualTo("failed");
    assertThat(bot.lastError()).isEqualTo("chat.postMessage: cannot_dm_bot");

    int calls = fake.calls().size();
    clock.advance(Duration.ofHours(2));
    rig.run();
    assertThat(fake.calls().size()).isEqualTo(calls);
  }
}
