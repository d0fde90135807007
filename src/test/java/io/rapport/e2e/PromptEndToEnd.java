package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.domain.Account;
import io.rapport.domain.Names;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * prompt-now, pause/resume and the prompt's buttons through signed HTTP and the fake Slack, on
 * SQLite ({@link PromptEndToEndSqliteTest}) and PostgreSQL ({@link PromptEndToEndPostgresTest}).
 */
abstract class PromptEndToEnd {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String WEEK = "2026-W47";

  RapportUnderTest rapport;

  abstract TestDatabases.Kind kind();
  Store store;
  FakeSlack fake;

  @BeforeEach
  void start() throws Exception {
    // Wednesday of W47, before Friday's slot.
    rapport = RapportUnderTest.startOn(kind(), MutableClock.at("2026-11-18T10:00:00Z"));
    store = rapport.rapport().foundation().store();
    fake = rapport.fake();
    team("Sales East", List.of("UREPA", "UREPB"));
    team("Sales West", List.of("UREPC"));
    team("Support", List.of("UREPD"));
    for (String rep : List.of("UREPA", "UREPB", "UREPC", "UREPD")) {
      for (int i = 1; i <= 2; i++) {
        String id = rep.toLowerCase() + "-" + i;
        store.accounts().upsert(WS, Account.of(id, "Client " + i + " of " + rep, rep), 0);
      }
    }
  }

  void team(String name, List<String> reps) {
    store.ensureWorkspace(WS, 0);
    String id = Names.slug(name);
    store.teams().insert(WS, id, name, Names.key(name), 5, "15:00", 0);
    reps.forEach(r -> store.teams().addMember(WS, id, r, 0));
  }

  @AfterEach
  void stop() throws Exception {
    if (rapport != null) { // null when the database kind is not available here
      rapport.close();
    }
  }

  String admin(String text) {
    int before = fake.responses().size();
    assertThat(rapport.slack().command("/relationship-admin", text, RapportUnderTest.ADMIN).statusCode())
        .isEqualTo(200);
    return fake.awaitResponses(before + 1).get(before).path("text").asText();
  }

  long postsTo(String rep) {
    return fake.calls("chat.postMessage").stream().filter(c -> ("D" + rep).equals(c.param("channel"))).count();
  }

  @Test
  void promptNowSendsThisWeeksPromptsOnceAndSaysWhatItDid() throws Exception {
    assertThat(admin("prompt-now team sales e")).contains("Sales East").contains("Sent 2 prompts")
        .contains("0 reps already had this week's prompt");
    assertThat(admin("prompt-now")).contains("Sent 2 prompts").contains("2 reps already had this week's prompt");
    assertThat(admin("prompt-now")).contains("Sent 0 prompts").contains("4 reps already had this week's prompt");
    assertThat(fake.calls("chat.postMessage")).hasSize(4);

    // Friday's schedule afterwards sends no second weekly prompt (only the reminders, 24 h on).
    rapport.clock().set(Instant.parse("2026-11-20T15:00:00Z"));
    rapport.rapport().prompts().runDue();
    assertThat(fake.calls("chat.postMessage").stream().filter(c -> c.param("text").startsWith("Weekly")))
        .hasSize(4);
    assertThat(fake.calls("chat.postMessage").stream().filter(c -> c.param("text").startsWith("Reminder")))
        .hasSize(4);
  }

  @Test
  void teamNamesMatchByUniquePrefixAndOtherwiseListTheCandidates() {
    assertThat(admin("prompt-now team sales")).contains("More than one team").contains("Sales East")
        .contains("Sales West");
    assertThat(admin("prompt-now team Marketing")).contains("don't know a team").contains("Support");
    var usage = rapport.slack().command("/relationship-admin", "prompt-now team", RapportUnderTest.ADMIN);
    assertThat(usage.body()).contains("Usage"); // a usage mistake is answered in the ack itself
    assertThat(fake.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void pauseAndResumeATeam() throws Exception {
    assertThat(admin("pause team \"support\"")).contains("Paused *Support*");
    assertThat(store.teams().all(WS).stream().filter(t -> t.name().equals("Support")).findFirst().orElseThrow()
        .paused()).isTrue();
    assertThat(admin("prompt-now team support")).contains("paused");
    rapport.clock().set(Instant.parse("2026-11-20T15:00:00Z"));
    rapport.rapport().prompts().runDue();
    assertThat(postsTo("UREPD")).isZero();
    assertThat(postsTo("UREPA")).isEqualTo(1);

    assertThat(admin("resume team Support")).contains("Resumed *Support*");
    rapport.rapport().prompts().runDue();
    assertThat(postsTo("UREPD")).isEqualTo(1);
  }

  @Test
  void onlyAdminsMayPromptNow() {
    int before = fake.responses().size();
    rapport.slack().command("/relationship-admin", "prompt-now", "UREPA");
    assertThat(fake.awaitResponses(before + 1).get(before).path("text").asText()).contains("for Rapport's admins");
    assertThat(fake.calls("chat.postMessage")).isEmpty();
  }

  ObjectNode container(String rep) {
    PromptRow row = store.prompts().find(WS, rep, WEEK, "weekly").orElseThrow();
    return JSON.createObjectNode().put("type", "message").put("channel_id", row.channelId())
        .put("message_ts", row.messageTs());
  }

  @Test
  void nothingToReportRecordsASkipForEveryDueAccountAndUpdatesThePrompt() throws Exception {
    List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    rapport.rapport().checkIns().subscribe((ws, account) -> told.add(account));
    admin("prompt-now team sales east");

    assertThat(rapport.slack().blockAction("UREPA", "prompt.nothing_to_report", WEEK, container("UREPA")).statusCode())
        .isEqualTo(200);
    FakeSlack.Call update = fake.awaitCall("chat.update", c -> c.param("text") != null
        && c.param("text").contains("no contact this week") && c.param("text").contains("for 2 accounts"));
    assertThat(update.param("ts")).isEqualTo(container("UREPA").path("message_ts").asText());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (told.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10); // awaiting the after-ack work, with a deadline
    }
    assertThat(told).containsExactlyInAnyOrder("urepa-1", "urepa-2");
    assertThat(store.checkIns().answeredAccounts(WS, "UREPA", WEEK)).containsExactlyInAnyOrder("urepa-1", "urepa-2");

    // No reminder for UREPA a day later; UREPB (still open) gets one.
    rapport.clock().advance(Duration.ofHours(25));
    rapport.rapport().prompts().runDue();
    assertThat(postsTo("UREPA")).isEqualTo(1);
    assertThat(postsTo("UREPB")).isEqualTo(2);
  }

  @Test
  void snoozeAsksAgainTomorrowInsteadOfTheReminderAndOnlyOnce() throws Exception {
    admin("prompt-now team sales east");
    rapport.slack().blockAction("UREPB", "prompt.snooze", WEEK, container("UREPB"));
    FakeSlack.Call update = fake.awaitCall("chat.update", c -> c.param("text") != null
        && c.param("text").contains("Snoozed"));
    assertThat(update.jsonParam("blocks").toString()).contains("checkin.open");

    rapport.slack().blockAction("UREPB", "prompt.snooze", WEEK, container("UREPB"));
    JsonNode again = fake.awaitResponses(2).get(1);
    assertThat(again.toString()).contains("already snoozed");

    rapport.clock().advance(Duration.ofHours(23));
    rapport.rapport().prompts().runDue();
    assertThat(postsTo("UREPB")).isEqualTo(1);
    rapport.clock().advance(Duration.ofHours(1));
    rapport.rapport().prompts().runDue();
    assertThat(postsTo("UREPB")).isEqualTo(2);
    assertThat(fake.calls("chat.postMessage").stream().filter(c -> "DUREPB".equals(c.param("channel")))
        .map(c -> c.param("text")).toList()).last().asString().contains("back again");
    // UREPA did not snooze: their reminder went as usual.
    assertThat(postsTo("UREPA")).isEqualTo(2);
    rapport.clock().advance(Duration.ofHours(30));
    rapport.rapport().prompts().runDue();
    assertThat(postsTo("UREPB")).isEqualTo(2);
  }
}
