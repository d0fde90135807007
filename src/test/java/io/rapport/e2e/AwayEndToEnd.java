package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.domain.Account;
import io.rapport.domain.Names;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Away weeks and team holidays through signed HTTP and the fake Slack, on SQLite
 * ({@link AwayEndToEndSqliteTest}) and PostgreSQL ({@link AwayEndToEndPostgresTest}).
 */
abstract class AwayEndToEnd {
  static final String WS = FakeSlack.TEAM_ID;
  /** Friday of 2026-W47, the teams' check-in slot (15:00 London = UTC in November). */
  static final Instant FRIDAY_SLOT = Instant.parse("2026-11-20T15:00:00Z");

  RapportUnderTest rapport;
  Store store;
  FakeSlack fake;

  abstract TestDatabases.Kind kind();

  @BeforeEach
  void start() throws Exception {
    // Wednesday of W47, before Friday's slot.
    rapport = RapportUnderTest.startOn(kind(), MutableClock.at("2026-11-18T10:00:00Z"));
    store = rapport.rapport().foundation().store();
    fake = rapport.fake();
    team("Sales East", "UMGREAST", List.of("UREPA", "UREPB", "UREPC"));
    team("Support", "UMGRSUP", List.of("UREPD"));
    for (String rep : List.of("UREPA", "UREPB", "UREPC", "UREPD")) {
      for (int i = 1; i <= 2; i++) {
        store.accounts().upsert(WS, Account.of(rep.toLowerCase() + "-" + i, "Client " + i + " of " + rep, rep), 0);
      }
    }
  }

  void team(String name, String manager, List<String> reps) {
    store.ensureWorkspace(WS, 0);
    String id = Names.slug(name);
    store.teams().insert(WS, id, name, Names.key(name), 5, "15:00", 0);
    store.teams().setManager(WS, id, manager);
    reps.forEach(r -> store.teams().addMember(WS, id, r, 0));
  }

  @AfterEach
  void stop() throws Exception {
    if (rapport != null) {
      rapport.close();
    }
  }

  /** Runs a command and returns its answer: the ack's text, or the reply sent to response_url after it. */
  JsonNode command(String command, String text, String user) {
    int before = fake.responses().size();
    HttpResponse<String> ack = rapport.slack().command(command, text, user);
    assertThat(ack.statusCode()).isEqualTo(200);
    if (!ack.body().isBlank()) {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(ack.body());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return fake.awaitResponses(before + 1).get(before);
  }

  String say(String command, String text, String user) {
    return command(command, text, user).path("text").asText();
  }

  String admin(String text) {
    return say("/relationship-admin", text, RapportUnderTest.ADMIN);
  }

  long promptsTo(String rep) {
    return fake.calls("chat.postMessage").stream()
        .filter(c -> ("D" + rep).equals(c.param("channel")) && c.param("text") != null
            && (c.param("text").startsWith("Weekly") || c.param("text").startsWith("Reminder")))
        .count();
  }

  void runScheduleAt(Instant when) throws InterruptedException {
    rapport.clock().set(when);
    rapport.rapport().prompts().runDue();
  }

  @Test
  void aRepAwayThisWeekGetsNoPromptFromPromptNowAndTheAnswerCountsThem() {
    String reply = say("/checkin", "away until 2026-11-20", "UREPA");
    assertThat(reply).contains("You're away").contains("this week (16–22 Nov)").contains("/checkin back");

    String answer = admin("prompt-now");
    assertThat(answer).contains("Sent 3 prompts").contains("1 rep was skipped as away");
    assertThat(promptsTo("UREPA")).isZero();
    assertThat(promptsTo("UREPB")).isEqualTo(1);
  }

  @Test
  void aRepAwayThisWeekGetsNoPromptOrReminderFromTheSchedule() throws Exception {
    say("/checkin", "away 2026-11-16 to 2026-11-22", "UREPA");
    runScheduleAt(FRIDAY_SLOT);
    runScheduleAt(FRIDAY_SLOT.plusSeconds(25 * 3600)); // reminders are due a day later
    assertThat(promptsTo("UREPA")).isZero();
    assertThat(promptsTo("UREPB")).isEqualTo(2);
    // Next week they are back at work: prompted as usual.
    runScheduleAt(FRIDAY_SLOT.plusSeconds(7 * 86_400));
    assertThat(promptsTo("UREPA")).isEqualTo(1);
  }

  @Test
  void markedAwayAfterThePromptWentMeansNoReminder() throws Exception {
    runScheduleAt(FRIDAY_SLOT);
    assertThat(promptsTo("UREPA")).isEqualTo(1);
    rapport.slack().blockAction("UREPA", "away.this_week", "2026-W47", null);
    FakeSlack.awaitTrue(() -> fake.responses().stream().anyMatch(r -> r.path("text").asText().contains("you're away")),
        java.time.Duration.ofSeconds(10), "no answer to Away this week");
    runScheduleAt(FRIDAY_SLOT.plusSeconds(25 * 3600));
    assertThat(promptsTo("UREPA")).isEqualTo(1);
    assertThat(promptsTo("UREPB")).isEqualTo(2);
  }

  @Test
  void backEarlyRestoresThePromptForTheCurrentWeek() throws Exception {
    say("/checkin", "away until 2026-11-27", "UREPA");
    runScheduleAt(FRIDAY_SLOT);
    assertThat(promptsTo("UREPA")).isZero();

    assertThat(say("/checkin", "back", "UREPA")).contains("Welcome back").contains("this week (16–22 Nov)");
    rapport.rapport().prompts().runDue();
    assertThat(promptsTo("UREPA")).isEqualTo(1);
    // The rest of the period (next week) was removed too.
    runScheduleAt(FRIDAY_SLOT.plusSeconds(7 * 86_400));
    assertThat(promptsTo("UREPA")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aHolidayStatusWithAFutureExpiryMakesARepAwayAndAnExpiredOneDoesNot() throws Exception {
    long future = FRIDAY_SLOT.plusSeconds(5 * 86_400).getEpochSecond();
    long past = FRIDAY_SLOT.minusSeconds(3600).getEpochSecond();
    fake.userStatus("UREPA", ":palm_tree:", "", future);
    fake.userStatus("UREPB", ":palm_tree:", "Vacation", past);
    fake.userStatus("UREPD", "", "OOO", future);
    runScheduleAt(FRIDAY_SLOT);
    assertThat(promptsTo("UREPA")).isZero();
    assertThat(promptsTo("UREPB")).isEqualTo(1);
    assertThat(promptsTo("UREPD")).isZero();
    assertThat(rapport.rapport().away().awayReps(WS, io.rapport.domain.IsoWeek.parse("2026-W47")))
        .containsExactlyInAnyOrder("UREPA", "UREPD");
  }

  @Test
  void aTeamCanTurnTheSlackStatusOff() throws Exception {
    assertThat(admin("team Support away-status off")).contains("no longer counts as away");
    fake.userStatus("UREPD", ":airplane:", "", FRIDAY_SLOT.plusSeconds(86_400).getEpochSecond());
    fake.userStatus("UREPA", ":airplane:", "", FRIDAY_SLOT.plusSeconds(86_400).getEpochSecond());
    runScheduleAt(FRIDAY_SLOT);
    assertThat(promptsTo("UREPD")).isEqualTo(1);
    assertThat(promptsTo("UREPA")).isZero();
  }

  @Test
  void aManagerMarksTheirOwnRepAwayAndTheRepIsToldByDm() {
    String reply = say("/relationship-admin", "away <@UREPA|repa> until 2026-11-20", "UMGREAST");
    assertThat(reply).contains("<@UREPA> is away").contains("Told them by DM");
    FakeSlack.Call dm = fake.awaitCall("chat.postMessage", c -> "DUREPA".equals(c.param("channel")));
    assertThat(dm.param("text")).contains("<@UMGREAST> marked you away");
    assertThat(admin("prompt-now")).contains("1 rep was skipped as away");
  }

  @Test
  void aManagerCannotMarkARepOfAnotherTeamAway() {
    String reply = say("/relationship-admin", "away <@UREPA> until 2026-11-20", "UMGRSUP");
    assertThat(reply).isEqualTo(io.rapport.team.NotAllowed.NOT_YOURS);
    assertThat(say("/relationship-admin", "away <@UREPB> until 2026-11-20", "UREPC")).contains("for Rapport's admins");
    assertThat(rapport.rapport().away().awayReps(WS, io.rapport.domain.IsoWeek.parse("2026-W47"))).isEmpty();
    assertThat(fake.calls("chat.postMessage")).isEmpty();
    // An admin may mark anyone.
    assertThat(admin("away <@UREPD> 2026-11-19 to 2026-11-21")).contains("<@UREPD> is away");
  }

  @Test
  void aHolidayOnTheScheduleDayMovesThePromptToTheNextWorkingDay() throws Exception {
    assertThat(admin("team Sales East holiday 2026-11-20")).contains("Fri 20 Nov is a holiday")
        .contains("moves to Mon 23 Nov");
    runScheduleAt(FRIDAY_SLOT);
    assertThat(promptsTo("UREPA")).isZero();
    assertThat(promptsTo("UREPD")).isEqualTo(1); // Support has no holiday
    runScheduleAt(Instant.parse("2026-11-23T14:59:00Z"));
    assertThat(promptsTo("UREPA")).isZero();
    runScheduleAt(Instant.parse("2026-11-23T15:00:00Z"));
    assertThat(promptsTo("UREPA")).isEqualTo(1);
    assertThat(store.prompts().find(WS, "UREPA", "2026-W47", "weekly").orElseThrow().status()).isEqualTo("sent");
    // Removing a holiday says so; removing one that is not there changes nothing.
    assertThat(admin("team Sales East holiday remove 2026-11-20")).contains("no longer a holiday");
    assertThat(admin("team Sales East holiday remove 2026-11-20")).contains("was not a holiday");
  }

  @Test
  void badDatesPastPeriodsAndAnEndBeforeTheStartGetAUsageLineSayingWhatWasWrong() {
    assertThat(say("/checkin", "away until someday", "UREPA")).contains("can't read `someday`").contains("Usage");
    assertThat(say("/checkin", "away until 2026-11-01", "UREPA")).contains("in the past").contains("Usage");
    assertThat(say("/checkin", "away 2026-11-25 to 2026-11-20", "UREPA")).contains("before the start")
        .contains("Usage");
    assertThat(say("/checkin", "away", "UREPA")).contains("Until when").contains("Usage");
    assertThat(say("/relationship-admin", "away UREPA until 2026-11-20", "UMGREAST")).contains("Mention the rep");
    assertThat(admin("team Sales East holiday 2026-11-01")).contains("in the past");
    assertThat(rapport.rapport().away().awayReps(WS, io.rapport.domain.IsoWeek.parse("2026-W47"))).isEmpty();
  }

  @Test
  void aPeriodLongerThanSixWeeksAsksForConfirmationFirst() {
    JsonNode reply = command("/checkin", "away until 2027-01-31", "UREPA");
    assertThat(reply.path("text").asText()).contains("longer than 6 weeks").contains("Mark you away?");
    assertThat(reply.toString()).contains("away.confirm");
    assertThat(rapport.rapport().away().awayReps(WS, io.rapport.domain.IsoWeek.parse("2026-W47"))).isEmpty();

    String value = reply.path("blocks").get(1).path("elements").get(0).path("value").asText();
    int before = fake.responses().size();
    rapport.slack().blockAction("UREPA", "away.confirm", value, null);
    assertThat(fake.awaitResponses(before + 1).get(before).path("text").asText()).contains("You're away");
    assertThat(rapport.rapport().away().awayReps(WS, io.rapport.domain.IsoWeek.parse("2027-W04"))).contains("UREPA");
    // Someone else pressing a copy of the button changes nothing for them.
    before = fake.responses().size();
    rapport.slack().blockAction("UREPC", "away.confirm", value.replace("UREPA", "UREPB"), null);
    assertThat(fake.awaitResponses(before + 1).get(before).path("text").asText())
        .isEqualTo(io.rapport.team.NotAllowed.NOT_YOURS);
    assertThat(rapport.rapport().away().awayReps(WS, io.rapport.domain.IsoWeek.parse("2026-W47")))
        .doesNotContain("UREPB");
  }

  @Test
  void appHomeOffersAwayAndBackAndTheWeeklyPromptOffersAwayThisWeek() throws Exception {
    rapport.slack().appHomeOpened("UREPA", "Ev-away-1");
    FakeSlack.Call home = fake.awaitCall("views.publish", c -> "UREPA".equals(c.param("user_id")));
    assertThat(home.param("view")).contains("away.open").contains("Going on holiday");

    rapport.slack().blockAction("UREPA", "away.open", "open", null);
    FakeSlack.Call opened = fake.awaitCall("views.open");
    assertThat(opened.param("view")).contains("away.modal");

    com.fasterxml.jackson.databind.node.ObjectNode values = new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode();
    values.putObject("away_first").putObject("date").put("type", "datepicker").put("selected_date", "2026-11-25");
    values.putObject("away_last").putObject("date").put("type", "datepicker").put("selected_date", "2026-11-20");
    HttpResponse<String> refused = rapport.slack().viewSubmission("UREPA", "away.modal", "V1", "", values);
    assertThat(refused.body()).contains("errors").contains("before the start");
    values.putObject("away_first").putObject("date").put("type", "datepicker").put("selected_date", "2026-11-18");
    values.putObject("away_last").putObject("date").put("type", "datepicker").put("selected_date", "2027-01-31");
    assertThat(rapport.slack().viewSubmission("UREPA", "away.modal", "V1", "", values).body())
        .contains("tick the box below");
    values.putObject("away_last").putObject("date").put("type", "datepicker").put("selected_date", "2026-11-22");
    HttpResponse<String> saved = rapport.slack().viewSubmission("UREPA", "away.modal", "V1", "", values);
    assertThat(saved.body()).doesNotContain("errors");
    assertThat(rapport.rapport().away().awayReps(WS, io.rapport.domain.IsoWeek.parse("2026-W47"))).contains("UREPA");
    FakeSlack.awaitTrue(() -> fake.calls("views.publish").stream()
        .anyMatch(c -> c.param("view").contains("away.back")), java.time.Duration.ofSeconds(10), "App Home not updated");

    rapport.slack().blockAction("UREPA", "away.back", "back", null);
    FakeSlack.awaitTrue(() -> rapport.rapport().away().awayReps(WS, io.rapport.domain.IsoWeek.parse("2026-W47"))
        .isEmpty(), java.time.Duration.ofSeconds(10), "not back");

    runScheduleAt(FRIDAY_SLOT);
    FakeSlack.Call prompt = fake.awaitCall("chat.postMessage", c -> "DUREPB".equals(c.param("channel")));
    assertThat(prompt.param("blocks")).contains("away.this_week").contains("Away this week");
  }

  @Test
  void completionExcludesAwaySlotsInTheReportAppHomeAndTheDigestAlike() throws Exception {
    say("/checkin", "away until 2026-11-22", "UREPA");
    rapport.clock().set(FRIDAY_SLOT.plusSeconds(3600));
    io.rapport.domain.IsoWeek w47 = io.rapport.domain.IsoWeek.parse("2026-W47");
    for (String account : List.of("urepb-1", "urepb-2")) {
      store.checkIns().upsert(WS, io.rapport.domain.CheckIn.builder(account, w47).rep("UREPB").paymentDays(30).build(),
          rapport.clock().millis());
    }
    // Due this week: UREPB's 2 (answered) and UREPC's 2; UREPA's 2 are away, not missed.
    int before = fake.responses().size();
    rapport.slack().command("/relationship-report", "team \"Sales East\" weeks=1", "UMGREAST");
    String report = fake.awaitResponses(before + 1).get(before).toString();
    assertThat(report).contains("50% (2 of 4 due check-ins)")
        .contains("Away (not counted as missed): <@UREPA> 1 week");

    rapport.slack().appHomeOpened("UMGREAST", "Ev-away-home");
    FakeSlack.Call home = fake.awaitCall("views.publish", c -> "UMGREAST".equals(c.param("user_id")));
    assertThat(home.param("view")).contains("check-in completion 50% (2 of 4 due check-ins)")
        .contains("away this week: \\u003c@UREPA\\u003e") // the view JSON escapes < and >
        .doesNotContain("not due yet"); // away is not "later": UREPA's two are simply not due

    fake.userTimeZone("UMGREAST", "Etc/UTC");
    rapport.clock().set(Instant.parse("2026-11-23T09:00:00Z"));
    rapport.rapport().flags().sweep();
    FakeSlack.Call digest = fake.awaitCall("chat.postMessage", c -> "DUMGREAST".equals(c.param("channel")));
    String blocks = new com.fasterxml.jackson.databind.ObjectMapper().readTree(digest.param("blocks")).toString();
    assertThat(blocks).contains("<@UREPC> — 2 of 2 due check-ins unanswered").doesNotContain("<@UREPA> — 2 of 2")
        .contains("Away (1)").contains("<@UREPA> — away that week");
  }

  @Test
  void weeksAwayAreNotGapsForNoRecentCheckIns() {
    // UREPA checked in Client 1 in W35. On 18 Nov (W47) the 12-week evidence window is W36–W47.
    store.checkIns().upsert(WS, io.rapport.domain.CheckIn.builder("urepa-1", io.rapport.domain.IsoWeek.parse("2026-W35"))
        .rep("UREPA").paymentDays(30).build(), rapport.clock().millis());
    assertThat(lineOf(shown("/accounts", "", "UREPA"), "Client 1 of UREPA")).contains("no recent check-ins");

    // Away W44–W46: three weeks that are not gaps, so the window reaches back to W33.
    Instant wednesday = rapport.clock().instant();
    rapport.clock().set(Instant.parse("2026-10-26T09:00:00Z"));
    assertThat(say("/checkin", "away 2026-10-26 to 2026-11-15", "UREPA")).contains("away");
    rapport.clock().set(wednesday);

    assertThat(lineOf(shown("/accounts", "", "UREPA"), "Client 1 of UREPA"))
        .doesNotContain("no recent check-ins").contains("healthy");
    assertThat(reportFor("account \"Client 1 of UREPA\"", "UMGREAST"))
        .doesNotContain("no check-in in").contains("healthy");
  }

  @Test
  void aHolidayMovesTheCheckInTimeSoTheWeekIsNotDueBeforeItsPrompt() {
    assertThat(admin("team Sales East holiday 2026-11-20")).contains("Fri 20 Nov is a holiday");

    // Friday 16:00: Sales East's prompt moved to Monday, so none of its check-ins is due yet.
    rapport.clock().set(FRIDAY_SLOT.plusSeconds(3600));
    assertThat(reportFor("team \"Sales East\" weeks=1", "UMGREAST")).contains("nothing was due yet")
        .doesNotContain("due check-ins)");

    // Monday 16:00, after the moved prompt: last week's six are due, and none is answered.
    rapport.clock().set(Instant.parse("2026-11-23T16:00:00Z"));
    assertThat(reportFor("team \"Sales East\" weeks=2", "UMGREAST")).contains("0% (0 of 6 due check-ins)");
  }

  /** The report's message (blocks included) as the requester receives it. */
  String reportFor(String scope, String user) {
    int before = fake.responses().size();
    rapport.slack().command("/relationship-report", scope, user);
    List<String> texts = new java.util.ArrayList<>();
    collectTexts(fake.awaitResponses(before + 1).get(before), texts);
    return String.join("\n", texts);
  }

  /** Everything a command's answer shows, blocks included, one text per line. */
  String shown(String command, String text, String user) {
    List<String> texts = new java.util.ArrayList<>();
    collectTexts(command(command, text, user), texts);
    return String.join("\n", texts);
  }

  private static void collectTexts(JsonNode node, List<String> into) {
    if (node.isTextual()) {
      into.add(node.asText());
    }
    node.forEach(child -> collectTexts(child, into));
  }

  private static String lineOf(String text, String account) {
    return text.lines().filter(l -> l.contains(account)).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + account + " in: " + text));
  }
}
