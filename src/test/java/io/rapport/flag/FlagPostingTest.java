package io.rapport.flag;

import static io.rapport.flag.FlagScenario.CHANNEL;
import static io.rapport.flag.FlagScenario.MANAGER;
import static io.rapport.flag.FlagScenario.REP;
import static io.rapport.flag.FlagScenario.WS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagStatus;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.FakeSlack.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.rapport.outbox.Outbox;
import io.rapport.outbox.OutboxDao;

/** Judging after check-ins: a flag is posted once, with evidence and tip; changes go in its thread. */
class FlagPostingTest {
  FlagScenario s;

  @BeforeEach
  void start() throws Exception {
    s = FlagScenario.start();
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  @Test
  void aHistoryThatCrossesAThresholdPostsExactlyOneFlagWithEvidenceAndTip() {
    s.paid(s.week().minusWeeks(1), 65);
    s.checkedIn();
    assertThat(s.openFlags()).as("one late payment is no pattern").isEmpty();
    assertThat(s.posts(CHANNEL)).isEmpty();

    s.paid(s.week(), 70);
    s.checkedIn();

    List<Call> posts = s.posts(CHANNEL);
    assertThat(posts).hasSize(1);
    Flag flag = s.onlyOpenFlag();
    assertThat(flag.pattern()).isEqualTo("TERMS_DICTATED");
    assertThat(flag.severity()).isEqualTo("watch");
    assertThat(flag.messageTs()).isNotNull();
    assertThat(flag.channelId()).isEqualTo(CHANNEL);

    JsonNode blocks = posts.get(0).jsonParam("blocks");
    String shown = blocks.toString();
    assertThat(shown).contains("Terms dictated").contains("Acme Retail").contains("<@" + REP + ">")
        .contains("watch")
        .contains("65–70 days after a 30-day term")
        .contains("Review expectations about money");
    List<String> actionIds = new ArrayList<>();
    blocks.findValues("action_id").forEach(a -> actionIds.add(a.asText()));
    assertThat(actionIds).containsExactly("flag.acknowledge", "flag.plan", "flag.false_alarm", "flag.resolve", "flag.show_notes");
    blocks.findValues("value").forEach(v -> assertThat(v.asText()).isEqualTo(flag.id()));
    assertThat(posts.get(0).param("text")).contains("Terms dictated").contains("Acme Retail");

    // Judging the same data again (an edit, a repeat, the daily sweep) posts nothing more.
    s.checkedIn();
    s.rapport.rapport().flags().sweep();
    assertThat(s.posts(CHANNEL)).hasSize(1);
    assertThat(s.flags().allOfAccount(WS, FlagScenario.ACCOUNT)).hasSize(1);
  }

  @Test
  void concurrentCheckInsOfTheSameAccountPostTheFlagOnce() throws Exception {
    s.paid(s.week().minusWeeks(1), 65);
    s.paid(s.week(), 70);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        done.add(pool.submit(() -> {
          go.await();
          s.checkedIn();
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(s.posts(CHANNEL)).hasSize(1);
    assertThat(s.flags().allOfAccount(WS, FlagScenario.ACCOUNT)).hasSize(1);
    assertThat(s.onlyOpenFlag().isPosted()).isTrue();
  }

  @Test
  void risingFromWatchToWarningGoesIntoTheThreadAndUpdatesTheParent() {
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    s.paid(s.week().minusWeeks(2), 61);
    s.checkedIn();

    assertThat(s.posts(CHANNEL)).as("no second top-level post").hasSize(1);
    List<Call> replies = s.replies(flag.messageTs());
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).param("channel")).isEqualTo(CHANNEL);
    assertThat(replies.get(0).param("text")).contains("Now a *warning*").contains("61–70 days");
    List<Call> updates = s.updates(flag.messageTs());
    assertThat(updates).isNotEmpty();
    assertThat(updates.get(updates.size() - 1).jsonParam("blocks").toString()).contains("(warning)");
    assertThat(s.flag(flag.id()).severity()).isEqualTo("warning");

    // The same judgement again adds nothing to the thread.
    s.checkedIn();
    assertThat(s.replies(flag.messageTs())).hasSize(1);
  }

  @Test
  void freshEvidenceGoesIntoTheThreadAtMostOnceAWeek() {
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    s.advanceWeeks(1);
    s.paid(s.week(), 34); // on time: evidence changes ("2 of 3 reported payments"), severity stays
    s.checkedIn();
    assertThat(s.replies(flag.messageTs())).hasSize(1);
    assertThat(s.replies(flag.messageTs()).get(0).param("text")).contains("Fresh evidence").contains("2 of the last 3 reported payments");

    s.paid(s.week(), 33); // an edit in the same week changes nothing visible
    s.paid(s.week().minusWeeks(4), 30);
    s.checkedIn();
    assertThat(s.replies(flag.messageTs())).hasSize(1);

    s.advanceWeeks(1);
    s.paid(s.week(), 31);
    s.checkedIn();
    assertThat(s.replies(flag.messageTs())).hasSize(2);
  }

  @Test
  void aPatternQuietForFourWeeksClosesItselfWithANoteInTheThread() {
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    // The late payments are corrected: the pattern no longer shows.
    s.paid(s.week().minusWeeks(1), 30);
    s.paid(s.week(), 30);
    s.checkedIn();
    assertThat(s.replies(flag.messageTs())).hasSize(1);
    assertThat(s.replies(flag.messageTs()).get(0).param("text")).contains("no longer shows");
    assertThat(s.flag(flag.id()).isOpen()).isTrue();

    s.advanceWeeks(3);
    s.rapport.rapport().flags().sweep();
    assertThat(s.flag(flag.id()).isOpen()).as("three quiet weeks").isTrue();

    s.advanceWeeks(1);
    s.rapport.rapport().flags().sweep();
    Flag closed = s.flag(flag.id());
    assertThat(closed.status()).isEqualTo(FlagStatus.EXPIRED);
    List<Call> replies = s.replies(flag.messageTs());
    assertThat(replies).hasSize(2);
    assertThat(replies.get(1).param("text")).contains("Closed itself");
    List<Call> updates = s.updates(flag.messageTs());
    JsonNode last = updates.get(updates.size() - 1).jsonParam("blocks");
    assertThat(last.findValues("action_id")).as("no buttons on a closed flag").isEmpty();
    assertThat(last.toString()).contains("Closed itself");
    assertThat(replies.get(1).param("text")).contains("has not shown for 4 weeks");

    s.rapport.rapport().flags().sweep();
    assertThat(s.replies(flag.messageTs())).hasSize(2);
    assertThat(s.posts(CHANNEL)).hasSize(1);
  }

  @Test
  void aTeamWithoutAChannelSendsTheFlagToItsManagerByDm() throws Exception {
    s.close();
    s = FlagScenario.start(false);
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    assertThat(flag.channelId()).isEqualTo("D" + MANAGER);
    assertThat(s.posts("D" + MANAGER)).hasSize(1);
    assertThat(s.posts(CHANNEL)).isEmpty();
  }

  @Test
  void aPostThatSlackRefusedIsRetriedByTheSweepAndPostedOnce() {
    s.fake().enqueue("chat.postMessage", FakeSlack.Reply.error("not_in_channel"));
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    assertThat(flag.isPosted()).isFalse();
    assertThat(flag.postStatus()).isEqualTo(Flag.POST_PENDING);

    s.rapport.rapport().flags().sweep();
    assertThat(s.onlyOpenFlag().isPosted()).isTrue();
    s.rapport.rapport().flags().sweep();
    assertThat(s.posts(CHANNEL)).as("the refused one and the one that landed").hasSize(2);
  }

  @Test
  void aPostSlackTookButAnsweredWithAServerErrorIsFoundInTheChannelHistoryNotPostedAgain() {
    // Slack takes the message but answers 503: the outbox looks in the channel before trying again.
    s.fake().enqueueAfterCarryingOut("chat.postMessage", FakeSlack.Reply.status(503));
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    assertThat(flag.isPosted()).isTrue();
    assertThat(s.fake().calls("conversations.history")).isNotEmpty();
    assertThat(s.posts(CHANNEL)).as("the one post Slack took; found, not re-posted").hasSize(1);
    assertThat(flag.messageTs()).isNotNull();
  }

  @Test
  void aPostUnderWayWhenItsInstanceDiedIsFoundInTheChannelHistoryNotPostedAgain() throws Exception {
    s.fake().enqueue("chat.postMessage", FakeSlack.Reply.error("not_in_channel"));
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    assertThat(flag.isPosted()).isFalse();
    // Another instance leased the parent, marked its post under way, posted (Slack has it) and died.
    OutboxDao outbox = s.store().jdbi().onDemand(OutboxDao.class);
    String key = FlagDelivery.parentKey(flag.id());
    long now = s.rapport.clock().millis();
    assertThat(outbox.lease(key, "dead", now, now + Outbox.LEASE.toMillis())).isEqualTo(1);
    outbox.posting(key, "dead", CHANNEL, null, "flag", null, now, now + Outbox.LEASE.toMillis());
    postAsSlackWouldHave(flag);
    int before = s.posts(CHANNEL).size();

    s.rapport.rapport().flags().sweep();
    assertThat(s.onlyOpenFlag().isPosted()).as("its lease still runs").isFalse();
    assertThat(s.posts(CHANNEL)).hasSize(before);

    s.rapport.clock().advance(Outbox.LEASE.plusSeconds(1));
    s.rapport.rapport().flags().sweep();
    Flag recovered = s.onlyOpenFlag();
    assertThat(recovered.isPosted()).isTrue();
    assertThat(s.fake().calls("conversations.history")).isNotEmpty();
    assertThat(s.posts(CHANNEL)).as("found, not re-posted").hasSize(before);
  }

  @Test
  void aThreadNoteSlackTookButAnsweredWithAServerErrorIsFoundInTheThreadNotPostedAgain() throws Exception {
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    s.fake().enqueueAfterCarryingOut("chat.postMessage", FakeSlack.Reply.status(503));
    s.paid(s.week().minusWeeks(2), 61);
    s.checkedIn(); // escalation: Slack takes the note but answers 503
    assertThat(s.fake().calls("conversations.replies")).isNotEmpty();
    assertThat(s.replies(flag.messageTs())).as("the one post Slack took; none new").hasSize(1);
    assertThat(s.flags().events(WS, flag.id())).filteredOn(e -> e.kind().equals("escalated"))
        .singleElement().satisfies(e -> assertThat(e.noteStatus()).isEqualTo("posted"));
  }

  @Test
  void aRateLimitedPostWaitsAsSlackAsksAndPostsOnce() {
    s.fake().enqueue("chat.postMessage", FakeSlack.Reply.rateLimited(1));
    s.lateTwice();
    assertThat(s.onlyOpenFlag().isPosted()).isTrue();
    assertThat(s.posts(CHANNEL)).as("the 429 and the post that landed").hasSize(2);
  }

  @Test
  void aDeletedParentMessageIsGivenUpNotRetriedForever() {
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    s.fake().handle("chat.update", call -> FakeSlack.Reply.error("message_not_found"));
    s.fake().handle("chat.postMessage", call -> call.param("thread_ts") != null
        ? FakeSlack.Reply.error("thread_not_found") : null);
    s.paid(s.week().minusWeeks(2), 61);
    s.checkedIn(); // escalation: a note and an update, both refused for good
    Flag after = s.flag(flag.id());
    assertThat(after.parentStale()).isFalse();
    assertThat(s.flags().events(WS, flag.id())).filteredOn(e -> e.kind().equals("escalated"))
        .singleElement().satisfies(e -> assertThat(e.noteStatus()).isEqualTo("failed"));
    s.rapport.rapport().flags().sweep();
    assertThat(s.fake().calls("chat.update")).as("not retried").hasSize(1);
    assertThat(s.replies(flag.messageTs())).as("not retried").hasSize(1);
  }

  @Test
  void removingTheAccountClosesItsOpenFlags() {
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    s.store().accounts().remove(WS, FlagScenario.ACCOUNT, s.now());
    s.rapport.rapport().flags().sweep();
    assertThat(s.flag(flag.id()).isOpen()).isFalse();
    assertThat(s.replies(flag.messageTs())).extracting(c -> c.param("text"))
        .containsExactly(":heavy_minus_sign: Closed: the account was removed from Rapport.");
  }

  /** Posts the flag's parent message to the fake directly, with the metadata Rapport gives it. */
  private void postAsSlackWouldHave(Flag flag) throws Exception {
    String body = "channel=" + CHANNEL + "&text=flag&metadata="
        + java.net.URLEncoder.encode("{\"event_type\":\"rapport_message\",\"event_payload\":{\"key\":\"flag:"
            + flag.id() + "\"}}", java.nio.charset.StandardCharsets.UTF_8);
    java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.fake().apiUrl() + "chat.postMessage"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }
}
