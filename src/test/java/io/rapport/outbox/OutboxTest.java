package io.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.config.Config;
import io.rapport.outbox.Outbox.Outcome;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.out.SlackCalls;
import io.rapport.slack.out.SlackLimits;
import io.rapport.slack.out.SlackTransport;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outbox on its own, on SQLite and on PostgreSQL, against the fake Slack: one row per key, a
 * lease only one instance holds, recovery from history before any re-send, and exactly one post
 * per message through crashes, 429 storms and a second instance.
 */
class OutboxTest {
  static final String WS = FakeSlack.TEAM_ID;
  static final SlackLimits FAST = SlackLimits.DEFAULT.withPostsPerMinute(60_000, 100)
      .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40));

  FakeSlack fake;
  MutableClock clock;
  Path dir;
  final List<AutoCloseable> open = new ArrayList<>();

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @BeforeEach
  void setUp() throws Exception {
    fake = new FakeSlack();
    clock = MutableClock.at("2026-11-20T15:00:00Z");
    dir = Files.createTempDirectory("outbox");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    fake.close();
  }

  /** One instance: its own pool and Slack client over the shared database at {@code url}. */
  final class Instance {
    final Store store;
    final Outbox outbox;
    final OutboxDao dao;
    final SlackCalls calls;

    Instance(String url, String id) {
      Database database = Database.open(url);
      open.add(database);
      store = new Store(database);
      SlackApi api = new SlackApi(Config.load(Map.of(Config.SLACK_BOT_TOKEN, RapportUnderTest.BOT_TOKEN,
          Config.SLACK_API_URL, fake.apiUrl()), dir), FAST);
      open.add(api);
      calls = api.calls();
      outbox = new Outbox(store, new SlackTransport(calls), clock, id, 4);
      open.add(outbox);
      dao = store.jdbi().onDemand(OutboxDao.class);
    }
  }

  Instance instance(TestDatabases.Kind kind) {
    return new Instance(TestDatabases.freshUrl(kind, dir), "instance-a");
  }

  static Letter letter(String key, String target) {
    return Letter.of(key, WS, "note", target, 0).withContent("Hello " + key, null);
  }

  List<FakeSlack.Call> postsOf(String key) {
    return fake.calls("chat.postMessage").stream()
        .filter(c -> c.param("metadata") != null && c.param("metadata").contains("\"" + key + "\"")).toList();
  }

  /** Messages carrying {@code key} in the conversation, as the rep would see them. */
  int inSlack(Instance i, String channel, String key) throws Exception {
    var r = i.calls.call("conversations.history", null, m -> m.conversationsHistory(q -> q.channel(channel)
        .includeAllMetadata(true)));
    return (int) r.getMessages().stream().filter(m -> SlackTransport.carries(m, key)).count();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theSameKeyTwiceIsOneMessage(TestDatabases.Kind kind) throws Exception {
    Instance a = instance(kind);
    assertThat(a.outbox.enqueue(letter("k1", "C1"))).isTrue();
    assertThat(a.outbox.enqueue(letter("k1", "C2"))).isFalse();
    assertThat(a.outbox.deliver("k1")).isEqualTo(Outcome.SENT);
    assertThat(a.outbox.enqueue(letter("k1", "C1"))).isFalse();
    assertThat(a.outbox.deliver("k1")).isEqualTo(Outcome.NOT_CLAIMED);
    assertThat(a.outbox.deliverReady(List.of("note"))).isEmpty();
    assertThat(postsOf("k1")).hasSize(1);
    Entry e = a.outbox.find("k1").orElseThrow();
    assertThat(e.state()).isEqualTo(Entry.SENT);
    assertThat(e.channelId()).isEqualTo("C1");
    assertThat(e.messageTs()).isNotNull();
    assertThat(e.leaseOwner()).isEqualTo("instance-a");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aLeaseIsHeldByOneInstanceUntilItRunsOut(TestDatabases.Kind kind) throws Exception {
    Instance a = instance(kind);
    a.outbox.enqueue(letter("k2", "@UREP"));
    long now = clock.millis();
    // Another instance leased it and went quiet before posting anything.
    assertThat(a.dao.lease("k2", "dead", now, now + Outbox.LEASE.toMillis())).isEqualTo(1);
    assertThat(a.dao.lease("k2", "other", now, now + Outbox.LEASE.toMillis())).isZero();
    assertThat(a.outbox.deliver("k2")).isEqualTo(Outcome.NOT_CLAIMED);
    assertThat(fake.calls("chat.postMessage")).isEmpty();

    clock.advance(Outbox.LEASE.plusSeconds(1));
    assertThat(a.outbox.deliver("k2")).isEqualTo(Outcome.SENT);
    // It never marked a post as under way, so nothing was in Slack and no history was needed.
    assertThat(fake.calls("conversations.history")).isEmpty();
    assertThat(postsOf("k2")).hasSize(1);
    assertThat(postsOf("k2").get(0).param("channel")).isEqualTo("DUREP");
    assertThat(a.outbox.find("k2").orElseThrow().attempts()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aConfiguredLeaseIsWhatAnotherInstanceWaitsOutAndAPostStartsOnlyWithTimeLeft(TestDatabases.Kind kind)
      throws Exception {
    Instance a = instance(kind);
    Outbox quick = new Outbox(a.store, new SlackTransport(a.calls), clock, "quick", 1, Duration.ofSeconds(20));
    open.add(quick);
    a.outbox.enqueue(letter("k9", "C9"));
    long now = clock.millis();
    List<Long> leasedUntilWhilePosting = new ArrayList<>();
    fake.handle("chat.postMessage", call -> {
      leasedUntilWhilePosting.add(a.outbox.find("k9").orElseThrow().leaseUntil());
      return null;
    });
    assertThat(quick.deliver("k9")).isEqualTo(Outcome.SENT);
    assertThat(leasedUntilWhilePosting).as("the post ran under a 20 s lease").containsExactly(now + 20_000);

    // A lease of 20 s that its instance never renews is another instance's after 20 s, not 2 minutes.
    a.outbox.enqueue(letter("k10", "@UREP"));
    assertThat(a.dao.lease("k10", "quick", now, now + Duration.ofSeconds(20).toMillis())).isEqualTo(1);
    clock.advance(Duration.ofSeconds(19));
    assertThat(a.outbox.deliver("k10")).isEqualTo(Outcome.NOT_CLAIMED);
    clock.advance(Duration.ofSeconds(2));
    assertThat(a.outbox.deliver("k10")).isEqualTo(Outcome.SENT);
    assertThatThrownBy(() -> new Outbox(a.store, new SlackTransport(a.calls), clock, "x", 1, Duration.ofSeconds(9)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aMessagePostedByAnInstanceThatDiedIsFoundInHistoryAndNotSentAgain(TestDatabases.Kind kind) throws Exception {
    Instance a = instance(kind);
    a.outbox.enqueue(letter("k3", "C3"));
    long now = clock.millis();
    // The dead instance leased, marked the post under way, posted (Slack has it) and died.
    a.dao.lease("k3", "dead", now, now + Outbox.LEASE.toMillis());
    a.dao.posting("k3", "dead", "C3", null, "Hello k3", null, now, now + Outbox.LEASE.toMillis());
    String ts = a.calls.call("chat.postMessage", "C3", m -> m.chatPostMessage(q -> q.channel("C3").text("Hello k3")
        .metadata(SlackTransport.metadata("k3")))).getTs();

    clock.advance(Outbox.LEASE.plusSeconds(1));
    assertThat(a.outbox.deliver("k3")).isEqualTo(Outcome.RECOVERED);
    assertThat(postsOf("k3")).hasSize(1);
    assertThat(fake.calls("conversations.history")).hasSize(1);
    Entry e = a.outbox.find("k3").orElseThrow();
    assertThat(e.state()).isEqualTo(Entry.SENT);
    assertThat(e.messageTs()).isEqualTo(ts);
    assertThat(inSlack(a, "C3", "k3")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aPostThatNeverReachedSlackIsLookedForThenSentOnce(TestDatabases.Kind kind) throws Exception {
    Instance a = instance(kind);
    a.outbox.enqueue(letter("k4", "C4"));
    long now = clock.millis();
    a.dao.lease("k4", "dead", now, now + Outbox.LEASE.toMillis());
    a.dao.posting("k4", "dead", "C4", null, "Hello k4", null, now, now + Outbox.LEASE.toMillis());

    clock.advance(Outbox.LEASE.plusSeconds(1));
    assertThat(a.outbox.deliver("k4")).isEqualTo(Outcome.SENT);
    List<String> order = fake.calls().stream().map(FakeSlack.Call::method)
        .filter(m -> m.equals("conversations.history") || m.equals("chat.postMessage")).toList();
    assertThat(order).containsExactly("conversations.history", "chat.postMessage");
    assertThat(inSlack(a, "C4", "k4")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aPostSlackCarriedOutButAnsweredWithAServerErrorIsNotPostedTwice(TestDatabases.Kind kind) throws Exception {
    Instance a = instance(kind);
    a.outbox.enqueue(letter("k5", "C5"));
    fake.enqueueAfterCarryingOut("chat.postMessage", FakeSlack.Reply.status(500));
    assertThat(a.outbox.deliver("k5")).isEqualTo(Outcome.RECOVERED);
    assertThat(inSlack(a, "C5", "k5")).isEqualTo(1);
    assertThat(a.outbox.find("k5").orElseThrow().state()).isEqualTo(Entry.SENT);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aPermanentErrorEndsTheRowAndIsNotRetried(TestDatabases.Kind kind) throws Exception {
    Instance a = instance(kind);
    a.outbox.enqueue(letter("k6", "CGONE"));
    fake.handle("chat.postMessage", c -> "CGONE".equals(c.param("channel"))
        ? FakeSlack.Reply.error("channel_not_found") : null);
    assertThat(a.outbox.deliver("k6")).isEqualTo(Outcome.FAILED);
    Entry e = a.outbox.find("k6").orElseThrow();
    assertThat(e.state()).isEqualTo(Entry.FAILED);
    assertThat(e.lastError()).isEqualTo("chat.postMessage: channel_not_found");
    clock.advance(Duration.ofHours(1));
    assertThat(a.outbox.deliverReady(List.of("note"))).isEmpty();
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aCourierRendersAtSendTimeAndRecordsTheOutcomeWithTheRow(TestDatabases.Kind kind) throws Exception {
    Instance a = instance(kind);
    List<String> recorded = new ArrayList<>();
    a.outbox.register("greeting", new Courier() {
      @Override
      public Draft compose(Entry entry) {
        return entry.key().endsWith("old") ? Draft.expire("too late")
            : Draft.send(Letter.privately(List.of("UREP")), null, "Rendered now", null, "memo-1");
      }

      @Override
      public void sent(org.jdbi.v3.core.Handle h, Entry entry, String channel, String ts, String memo,
          boolean recovered) {
        recorded.add(entry.key() + " " + channel + " " + memo + " " + recovered);
      }

      @Override
      public void ended(org.jdbi.v3.core.Handle h, Entry entry, String state, String reason) {
        recorded.add(entry.key() + " " + state + " " + reason);
      }
    });
    a.outbox.enqueue(Letter.of("g-new", WS, "greeting", "@UREP", 0));
    a.outbox.enqueue(Letter.of("g-old", WS, "greeting", "@UREP", 0));
    Map<String, Outcome> outcomes = a.outbox.deliverReady(List.of("greeting"));
    assertThat(outcomes).containsEntry("g-new", Outcome.SENT).containsEntry("g-old", Outcome.EXPIRED);
    assertThat(recorded).containsExactlyInAnyOrder("g-new DUREP memo-1 false", "g-old expired too late");
    assertThat(postsOf("g-new").get(0).param("text")).isEqualTo("Rendered now");
    assertThat(a.outbox.find("g-new").orElseThrow().text()).isEqualTo("Rendered now");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aStormOfRateLimitsStillSendsEveryMessageExactlyOnce(TestDatabases.Kind kind) throws Exception {
    Instance a = instance(kind);
    List<String> keys = IntStream.rangeClosed(1, 40).mapToObj(i -> "storm-" + i).toList();
    keys.forEach(k -> a.outbox.enqueue(letter(k, "C" + k.toUpperCase())));
    // Slack refuses a run of posts (the pacer slows down with each, so the run stays short enough
    // for a test), then one with a Retry-After every caller must wait out.
    for (int i = 0; i < 12; i++) {
      fake.enqueue("chat.postMessage", FakeSlack.Reply.rateLimited(0));
    }
    fake.enqueue("chat.postMessage", FakeSlack.Reply.rateLimited(1));
    Map<Outcome, Integer> outcomes = Outbox.tally(a.outbox.deliverReady(List.of("note")));
    assertThat(outcomes).containsEntry(Outcome.SENT, 40).hasSize(1);
    assertThat(fake.calls("chat.postMessage")).hasSize(40 + 13);
    // A 429 is a post Slack did not carry out: no history check was needed.
    assertThat(fake.calls("conversations.history")).isEmpty();
    Map<String, Integer> perKey = new HashMap<>();
    for (String k : keys) {
      perKey.put(k, inSlack(a, "C" + k.toUpperCase(), k));
    }
    assertThat(perKey.values()).hasSize(40).containsOnly(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void twoInstancesOnOneDatabaseSendEachMessageOnce(TestDatabases.Kind kind) throws Exception {
    String url = TestDatabases.freshUrl(kind, dir);
    Instance a = new Instance(url, "instance-a");
    Instance b = new Instance(url, "instance-b");
    List<String> keys = IntStream.rangeClosed(1, 80).mapToObj(i -> "two-" + i).toList();
    keys.forEach(k -> a.outbox.enqueue(letter(k, "@U" + k.toUpperCase().replace("-", ""))));
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Map<String, Outcome>>> runs = List.of(() -> a.outbox.deliverReady(List.of("note")),
          () -> b.outbox.deliverReady(List.of("note")));
      int sent = 0;
      for (Future<Map<String, Outcome>> f : both.invokeAll(runs)) {
        sent += Outbox.tally(f.get()).getOrDefault(Outcome.SENT, 0);
      }
      assertThat(sent).isEqualTo(80);
    } finally {
      both.shutdownNow();
    }
    Map<String, Integer> perChannel = new HashMap<>();
    fake.calls("chat.postMessage").forEach(c -> perChannel.merge(c.param("channel"), 1, Integer::sum));
    assertThat(perChannel).hasSize(80);
    assertThat(perChannel.values()).containsOnly(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void doneMessagesGoAfterThirtyDaysUnlessTheirCapabilityStillNeedsThem(TestDatabases.Kind kind) throws Exception {
    Instance a = instance(kind);
    java.util.Set<String> needed = new java.util.HashSet<>(List.of("kept-old"));
    a.outbox.register("kept", new Courier() {
      @Override
      public Draft compose(Entry entry) {
        return entry.key().endsWith("skip") ? Draft.skip("nothing to say")
            : Draft.send(Letter.conversation("C9"), null, "Kept " + entry.key(), null, null);
      }

      @Override
      public boolean stillNeeds(Entry entry) {
        return needed.contains(entry.key());
      }
    });
    a.outbox.enqueue(Letter.of("sent-old", WS, "kept", "C1", 0));
    a.outbox.enqueue(letter("no-courier-old", "C1"));
    a.outbox.enqueue(Letter.of("kept-old", WS, "kept", "C9", 0));
    a.outbox.enqueue(Letter.of("kept-skip", WS, "kept", "C9", 0));
    a.outbox.enqueue(Letter.of("reopened-skip", WS, "kept", "C9", 0));
    a.outbox.enqueue(Letter.of("later", WS, "kept", "C9", clock.millis() + Duration.ofDays(60).toMillis()));
    assertThat(a.outbox.deliverAll(List.of("sent-old", "no-courier-old", "kept-old", "kept-skip", "reopened-skip")))
        .containsEntry("sent-old", Outcome.SENT).containsEntry("no-courier-old", Outcome.SENT).containsEntry("kept-old", Outcome.SENT)
        .containsEntry("kept-skip", Outcome.SKIPPED).containsEntry("reopened-skip", Outcome.SKIPPED);
    clock.advance(Duration.ofDays(20));
    a.outbox.enqueue(letter("sent-recent", "C2"));
    assertThat(a.outbox.deliver("sent-recent")).isEqualTo(Outcome.SENT);
    assertThat(a.outbox.prune()).as("nothing is 30 days old yet").isZero();

    clock.advance(Duration.ofDays(11));
    assertThat(a.outbox.reopen("reopened-skip")).as("due again just before the sweep").isTrue();
    assertThat(a.outbox.prune()).isEqualTo(2);
    assertThat(a.outbox.find("sent-old")).isEmpty();
    assertThat(a.outbox.find("kept-skip")).isEmpty();
    assertThat(a.outbox.find("kept-old").orElseThrow().state()).as("its capability still needs it").isEqualTo(Entry.SENT);
    assertThat(a.outbox.find("sent-recent").orElseThrow().state()).isEqualTo(Entry.SENT);
    assertThat(a.outbox.find("no-courier-old").orElseThrow().state())
        .as("a kind no courier speaks for may still be needed: it stays").isEqualTo(Entry.SENT);
    assertThat(a.outbox.find("reopened-skip").orElseThrow().state()).isEqualTo(Entry.PENDING);
    assertThat(a.outbox.find("later").orElseThrow().state()).isEqualTo(Entry.PENDING);
    assertThat(a.outbox.prune()).as("a second sweep finds nothing more").isZero();

    needed.clear();
    assertThat(a.outbox.prune()).isEqualTo(1);
    assertThat(a.outbox.find("kept-old")).isEmpty();
    // The sent messages themselves stay in Slack: pruning deletes rows, it posts and deletes nothing there.
    assertThat(postsOf("sent-old")).hasSize(1);
    assertThat(fake.calls("chat.delete")).isEmpty();
  }
}
