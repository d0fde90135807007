package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.config.Config;
import io.rapport.domain.Account;
import io.rapport.domain.Names;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A restart resumes the week's send by itself: nobody missed, nobody twice. */
class PromptRestartTest {
  static final String WS = FakeSlack.TEAM_ID;
  static final String WEEK = "2026-W47";

  @Test
  void onStartUpRapportFinishesTheWeeksSendWithoutACommand() throws Exception {
    Path dir = Files.createTempDirectory("restart");
    String url = "jdbc:sqlite:" + dir.resolve("shared.db");
    MutableClock clock = MutableClock.at("2026-11-20T15:00:00Z");
    List<String> reps = List.of("UREPA", "UREPB", "UREPC");
    // The first run was killed mid-send: UREPA's prompt leased with its post under way (Slack may
    // have it, as far as the database knows), the others still pending.
    try (RapportUnderTest first = RapportUnderTest.start(Map.of(Config.DATABASE_URL, url), clock)) {
      Store store = first.rapport().foundation().store();
      store.ensureWorkspace(WS, clock.millis());
      store.teams().insert(WS, "sales", "Sales", Names.key("Sales"), 5, "15:00", clock.millis());
      for (String rep : reps) {
        store.teams().addMember(WS, "sales", rep, clock.millis());
        store.accounts().upsert(WS, Account.of(rep.toLowerCase() + "-1", "Client of " + rep, rep), clock.millis());
        store.prompts().create(WS, rep, WEEK, "weekly", clock.millis(), "sales", clock.millis());
      }
      // It had leased UREPA's outbox row and marked the post under way when it was killed.
      var row = store.prompts().find(WS, "UREPA", WEEK, "weekly").orElseThrow();
      String key = io.rapport.prompt.PromptSender.key(row);
      long now = clock.millis();
      first.rapport().foundation().outbox().enqueue(io.rapport.prompt.PromptSender.letter(row));
      var outbox = store.jdbi().onDemand(io.rapport.outbox.OutboxDao.class);
      assertThat(outbox.lease(key, "killed-instance", now, now + io.rapport.outbox.Outbox.LEASE.toMillis())).isEqualTo(1);
      outbox.posting(key, "killed-instance", "DUREPA", null, "prompt", null, now,
          now + io.rapport.outbox.Outbox.LEASE.toMillis());
    }
    clock.advance(Duration.ofMinutes(3)); // the dead instance's claim has run out

    try (RapportUnderTest second = RapportUnderTest.start(
        Map.of(Config.DATABASE_URL, url, RapportUnderTest.PROMPT_TIMER, "on"), clock)) {
      FakeSlack fake = second.fake();
      fake.awaitCalls("chat.postMessage", 3, Duration.ofSeconds(20));
      for (String rep : reps) {
        assertThat(fake.calls("chat.postMessage").stream().filter(c -> ("D" + rep).equals(c.param("channel"))))
            .as(rep).hasSize(1);
      }
      // The prompt whose post was under way was checked against the DM first.
      assertThat(fake.calls("conversations.history")).extracting(c -> c.param("channel")).containsExactly("DUREPA");
      // Recorded as sent once the posts' answers are in (awaited with a deadline).
      Store store = second.rapport().foundation().store();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (store.prompts().count(WS, WEEK, "weekly", "sent") < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      for (String rep : reps) {
        assertThat(store.prompts().find(WS, rep, WEEK, "weekly").orElseThrow().status()).isEqualTo("sent");
      }
    }
  }
}
