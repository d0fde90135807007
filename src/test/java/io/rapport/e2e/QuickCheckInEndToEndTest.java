package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Names;
import io.rapport.domain.Outcome;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's measure, through signed HTTP and the fake Slack: a rep answers the weekly DM and
 * the check-in modal, and every click, selection and field typed is counted ({@link ModalRep}).
 * The counts are recorded in docs/CHECKINS.md. Also: nothing the rep did not enter that week is
 * stored as an event, a week stuck as "nothing due" is judged again, the prompt message is kept
 * current in place, and a rep who writes to Rapport gets an answer.
 */
class QuickCheckInEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String REP = "UREPQUICK";
  static final IsoWeek WEEK = IsoWeek.parse("2026-W47");
  static final IsoWeek LAST_WEEK = IsoWeek.parse("2026-W46");

  RapportUnderTest rapport;
  Store store;
  FakeSlack fake;
  final List<Account> accounts = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    // Friday of W47, after the team's 15:00 slot.
    rapport = RapportUnderTest.startOn(TestDatabases.Kind.SQLITE, MutableClock.at("2026-11-20T15:30:00Z"));
    store = rapport.rapport().foundation().store();
    fake = rapport.fake();
    // The flags these weeks raise all go to the rep's DM: not spread a second apart here (the
    // per-channel pacing has its own tests), so closing does not wait them out one by one.
    rapport.rapport().foundation().slackApi().calls().limiter().spaceChannelPostsBy(Duration.ZERO);
    fake.userTimeZone(REP, "UTC");
    store.ensureWorkspace(WS, 0);
    store.teams().insert(WS, "sales", "Sales", Names.key("Sales"), 5, "15:00", 0);
    store.teams().addMember(WS, "sales", REP, 0);
    store.users().setTimeZone(WS, REP, "UTC", rapport.clock().millis());
    for (String name : List.of("Acme", "Globex", "Initech", "Umbrella", "Wonka")) {
      Account a = Account.of(name.toLowerCase(), name, REP);
      store.accounts().upsert(WS, a, 0);
      accounts.add(a);
      // Last week was eventful: every event, plus the client's manner and a value rating.
      store.checkIns().upsert(WS, CheckIn.builder(a.id(), LAST_WEEK).rep(REP).contacts(2, 1).serviceHours(6)
          .unpaidHours(2).outcome(Outcome.WON).revenueWon(9000.0).discountPct(20.0).freebies(true)
          .quotaPressure(true).clientConduct(ClientConduct.RESPECTFUL).promisesBrokenByClient(1)
          .promisesBrokenByUs(1).paymentDays(70).billingDispute(true).valueRating(4).build(), 0);
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (rapport != null) {
      rapport.close();
    }
  }

  String admin(String text) {
    int before = fake.responses().size();
    assertThat(rapport.slack().command("/relationship-admin", text, RapportUnderTest.ADMIN).statusCode())
        .isEqualTo(200);
    return fake.awaitResponses(before + 1).get(before).path("text").asText();
  }

  PromptRow prompt() {
    return store.prompts().find(WS, REP, WEEK.toString(), "weekly").orElseThrow();
  }

  Optional<CheckIn> stored(Account a) {
    return store.checkIns().find(WS, a.id(), WEEK.toString());
  }

  void awaitStored(Account a) {
    FakeSlack.awaitTrue(() -> store.checkIns().isAnswered(WS, a.id(), WEEK.toString()), Duration.ofSeconds(10),
        "an answer for " + a.name());
  }

  ModalRep promptedRep() {
    assertThat(admin("prompt-now")).contains("Sent 1 prompt");
    return new ModalRep(rapport, REP);
  }

  List<FakeSlack.Call> updatesOfPrompt() {
    return fake.calls("chat.update").stream().filter(c -> prompt().messageTs().equals(c.param("ts"))).toList();
  }

  // ------------------------------------------------------------------ (a) a quiet week

  @Test
  void aQuietWeekOnFiveKeyAccountsIsOneClickFromTheWeeklyDm() {
    ModalRep rep = promptedRep();
    PromptRow row = prompt();
    rep.clickInMessage("prompt.nothing_to_report", WEEK.toString(), row.channelId(), row.messageTs());
    accounts.forEach(this::awaitStored);

    assertThat(rep.interactions()).as("clicks for 5 accounts").isEqualTo(1);
    // Stored as "no contact this week": answered, but no check-in with signals.
    accounts.forEach(a -> assertThat(stored(a)).isEmpty());
    assertThat(completionOfTheWeek().answered()).isEqualTo(5);
    FakeSlack.awaitTrue(() -> updatesOfPrompt().stream().anyMatch(c -> c.param("text").contains("no contact")),
        Duration.ofSeconds(10), "the prompt says so in place");
    assertThat(updatesOfPrompt().get(updatesOfPrompt().size() - 1).param("text"))
        .contains("Noted: no contact this week (16–22 Nov) for 5 accounts").contains("good weekend");
    System.out.printf("MEASURE (a) quiet week, 5 key accounts, from the weekly DM: %d click(s)%n", rep.interactions());
  }

  @Test
  void aQuietWeekAccountByAccountInOneSittingIsAboutOneClickEach() throws Exception {
    ModalRep rep = promptedRep();
    PromptRow row = prompt();
    rep.openFromMessage(accounts.get(0).id(), row.channelId(), row.messageTs());
    for (int i = 0; i < 5; i++) {
      rep.click("checkin.nothing");
      awaitStored(accounts.get(i));
    }
    assertThat(rep.view().path("title").path("text").asText()).isEqualTo("All done");
    assertThat(rep.interactions()).isEqualTo(6);
    System.out.printf("MEASURE (a') quiet week, 5 accounts one by one in one sitting: %d clicks%n",
        rep.interactions());
  }

  // ------------------------------------------------------------------ (b) a typical week

  @Test
  void aTypicalWeekOnOneAccountIsFiveInteractions() throws Exception {
    ModalRep rep = promptedRep();
    PromptRow row = prompt();
    Account acme = accounts.get(0);
    rep.openFromMessage(acme.id(), row.channelId(), row.messageTs());
    assertThat(rep.inputs()).hasSizeLessThanOrEqualTo(6);
    assertThat(rep.view().toString()).contains("Pre-filled from your check-in for last week (9–15 Nov)")
        .contains("client *respectful*").contains("value *4 of 5*");
    rep.type("contacts.business", "1");
    rep.type("serviceHours", "3");
    rep.type("discountPct", "10");
    JsonNode ack = rep.submit();
    awaitStored(acme);

    assertThat(rep.interactions()).as("open, three fields, save").isLessThanOrEqualTo(5);
    CheckIn c = stored(acme).orElseThrow();
    assertThat(c.contacts().business()).isEqualTo(1);
    assertThat(c.contacts().social()).isZero();
    assertThat(c.serviceHours()).isEqualTo(3.0);
    assertThat(c.discountPct()).isEqualTo(10.0);
    assertThat(c.clientConduct()).isEqualTo(ClientConduct.RESPECTFUL);
    assertThat(c.valueRating()).isEqualTo(4);
    assertThat(c.outcome()).isEqualTo(Outcome.NONE);
    assertNoEventsBut(c, "discount");
    // The sitting moves on to the next account still due, in the same modal.
    assertThat(ack.path("response_action").asText()).isEqualTo("update");
    assertThat(rep.view().path("title").path("text").asText()).isEqualTo("Check-in 2 of 5");
    assertThat(rep.view().toString()).contains("Globex");
    // The prompt message is kept current in place instead of a DM per check-in.
    FakeSlack.awaitTrue(() -> !updatesOfPrompt().isEmpty(), Duration.ofSeconds(10), "the prompt updated");
    assertThat(updatesOfPrompt().get(updatesOfPrompt().size() - 1).param("text"))
        .isEqualTo("1 done, 4 key accounts still due for this week (16–22 Nov).");
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    System.out.printf("MEASURE (b) typical week on one account: %d interactions%n", rep.interactions());
  }

  @Test
  void aTypicalWeekForFiveAccountsInOneSittingStoresEachAsItIsGiven() throws Exception {
    ModalRep rep = promptedRep();
    PromptRow row = prompt();
    rep.openFromMessage(accounts.get(0).id(), row.channelId(), row.messageTs());
    for (int i = 0; i < 5; i++) {
      assertThat(rep.view().toString()).contains(accounts.get(i).name());
      rep.type("contacts.business", "1");
      rep.type("serviceHours", "3");
      if (i % 2 == 0) {
        rep.type("discountPct", "10");
      }
      rep.submit();
      awaitStored(accounts.get(i)); // stored before the next account is shown: stopping here loses nothing
    }
    assertThat(rep.view().path("title").path("text").asText()).isEqualTo("All done");
    FakeSlack.awaitTrue(() -> updatesOfPrompt().stream().anyMatch(c -> c.param("text").contains("All done")),
        Duration.ofSeconds(10), "the prompt says all done");
    System.out.printf("MEASURE (b') typical week, 5 accounts in one sitting: %d interactions%n", rep.interactions());
  }

  // ------------------------------------------------------------------ (c) every signal

  @Test
  void aFullDetailWeekReachesAndStoresEverySignal() throws Exception {
    ModalRep rep = promptedRep();
    PromptRow row = prompt();
    Account acme = accounts.get(0);
    rep.openFromMessage(acme.id(), row.channelId(), row.messageTs());
    rep.click("checkin.more");
    rep.choose("week", WEEK.toString());
    rep.type("contacts.business", "2");
    rep.type("contacts.social", "3");
    rep.type("serviceHours", "7.5");
    rep.type("unpaidHours", "2.5");
    rep.type("discountPct", "12.5");
    rep.tick("freebies");
    rep.tick("quotaPressure");
    rep.tick("billingDispute");
    rep.choose("outcome", "won");
    rep.type("revenueWon", "12000");
    rep.choose("clientConduct", "demanding");
    rep.type("promisesBrokenByClient", "1");
    rep.type("promisesBrokenByUs", "2");
    rep.type("paymentDays", "64");
    rep.choose("valueRating", "2");
    rep.type("note", "Charged twice for the same order");
    rep.submit();
    awaitStored(acme);

    CheckIn c = stored(acme).orElseThrow();
    assertThat(c.contacts().business()).isEqualTo(2);
    assertThat(c.contacts().social()).isEqualTo(3);
    assertThat(c.serviceHours()).isEqualTo(7.5);
    assertThat(c.unpaidHours()).isEqualTo(2.5);
    assertThat(c.outcome()).isEqualTo(Outcome.WON);
    assertThat(c.revenueWon()).isEqualTo(12000.0);
    assertThat(c.discountPct()).isEqualTo(12.5);
    assertThat(c.freebies()).isTrue();
    assertThat(c.quotaPressure()).isTrue();
    assertThat(c.clientConduct()).isEqualTo(ClientConduct.DEMANDING);
    assertThat(c.promisesBrokenByClient()).isEqualTo(1);
    assertThat(c.promisesBrokenByUs()).isEqualTo(2);
    assertThat(c.paymentDays()).isEqualTo(64);
    assertThat(c.billingDispute()).isTrue();
    assertThat(c.valueRating()).isEqualTo(2);
    assertThat(c.note()).isEqualTo("Charged twice for the same order");
    System.out.printf("MEASURE (c) full-detail week, every signal: %d interactions%n", rep.interactions());
  }

  @Test
  void followUpsAppearOnlyWhenTheyApplyAndKeepWhatWasTyped() throws Exception {
    ModalRep rep = promptedRep();
    PromptRow row = prompt();
    rep.openFromMessage(accounts.get(0).id(), row.channelId(), row.messageTs());
    assertThat(rep.inputs()).containsExactly("week", "contacts.business", "contacts.social", "serviceHours",
        "discountPct", "events");
    rep.type("serviceHours", "4");
    rep.tick("invoicePaid");
    assertThat(rep.shows("paymentDays")).isTrue();
    assertThat(rep.shows("promisesBrokenByClient")).isFalse();
    assertThat(rep.view().toString()).contains("\"initial_value\":\"4\"");
    rep.tick("promiseBroken");
    assertThat(rep.shows("promisesBrokenByClient")).isTrue();
    assertThat(rep.shows("promisesBrokenByUs")).isTrue();
    rep.tick("newBusiness");
    assertThat(rep.shows("outcome")).isTrue();
    assertThat(rep.shows("note")).isFalse();
    rep.tick("billingDispute");
    assertThat(rep.view().toString()).contains("Note (only you, your manager and Rapport");
    assertThat(rep.view().toString()).contains("\"initial_value\":\"4\"");
  }

  // ------------------------------------------------------------------ no invented facts

  @Test
  void noPathStoresAnEventTheRepDidNotEnterThatWeek() throws Exception {
    ModalRep rep = promptedRep();
    PromptRow row = prompt();
    // 1: open and save at once; 2 (next in the sitting): More details, save; 3: nothing to report in the
    // modal; 4: save with only contacts; 5: the prompt's Nothing to report.
    rep.openFromMessage(accounts.get(0).id(), row.channelId(), row.messageTs());
    rep.submit();
    rep.click("checkin.more");
    rep.submit();
    rep.click("checkin.nothing");
    rep.type("contacts.business", "1");
    rep.submit();
    rep.clickInMessage("prompt.nothing_to_report", WEEK.toString(), row.channelId(), row.messageTs());
    accounts.forEach(this::awaitStored);

    for (Account a : accounts) {
      Optional<CheckIn> c = stored(a);
      c.ifPresent(x -> assertNoEventsBut(x));
    }
    assertThat(stored(accounts.get(0))).isPresent();
    assertThat(stored(accounts.get(1))).isPresent();
    assertThat(stored(accounts.get(2))).isEmpty(); // nothing to report: answered, no signals
    assertThat(stored(accounts.get(4))).isEmpty();
    // What the rep left be was pre-filled and shown: the client's manner and the value rating.
    assertThat(stored(accounts.get(0)).orElseThrow().clientConduct()).isEqualTo(ClientConduct.RESPECTFUL);
    assertThat(stored(accounts.get(1)).orElseThrow().valueRating()).isEqualTo(4);
  }

  /** No payment, win, revenue, discount, freebie, broken promise, quota push or dispute, except those named. */
  static void assertNoEventsBut(CheckIn c, String... entered) {
    List<String> allowed = List.of(entered);
    if (!allowed.contains("discount")) {
      assertThat(c.discountPct()).as("discount of %s", c.account()).isNull();
    }
    assertThat(c.paymentDays()).as("payment").isNull();
    assertThat(c.revenueWon()).as("revenue").isNull();
    assertThat(c.outcome()).as("outcome").isIn(null, Outcome.NONE);
    assertThat(c.freebies()).as("freebies").isNotEqualTo(Boolean.TRUE);
    assertThat(c.quotaPressure()).as("quota pressure").isNotEqualTo(Boolean.TRUE);
    assertThat(c.billingDispute()).as("billing dispute").isNotEqualTo(Boolean.TRUE);
    assertThat(c.promisesBrokenByClient()).as("promises").isNull();
    assertThat(c.promisesBrokenByUs()).as("promises").isNull();
    assertThat(c.unpaidHours()).as("unpaid").isNull();
  }

  // ------------------------------------------------------------------ the prompt message

  @Test
  void snoozeOnAnAnsweredPromptDoesNothingAndSaysSo() {
    ModalRep rep = promptedRep();
    PromptRow row = prompt();
    rep.clickInMessage("prompt.nothing_to_report", WEEK.toString(), row.channelId(), row.messageTs());
    accounts.forEach(this::awaitStored);
    int before = fake.responses().size();
    rep.clickInMessage("prompt.snooze", WEEK.toString(), row.channelId(), row.messageTs());
    assertThat(fake.awaitResponses(before + 1).get(before).path("text").asText())
        .contains("already answered, so there's nothing to snooze");
    assertThat(store.prompts().find(WS, REP, WEEK.toString(), "snooze")).isEmpty();
  }

  @Test
  void aWeekSkippedForNothingDueIsJudgedAgainWhenAnAccountIsAdded() throws Exception {
    // Every account answered before the prompt goes: the prompt is skipped for "nothing due".
    store.checkIns().markNothingToReport(WS, "acme", REP, WEEK.toString(), 0);
    for (Account a : accounts.subList(1, 5)) {
      store.checkIns().markNothingToReport(WS, a.id(), REP, WEEK.toString(), 0);
    }
    assertThat(admin("prompt-now")).contains("Sent 0 prompts").contains("1 rep has nothing due");
    assertThat(prompt().status()).isEqualTo("skipped");

    store.accounts().upsert(WS, Account.of("newco", "NewCo", REP), 0);
    assertThat(admin("prompt-now")).contains("Sent 1 prompt");
    assertThat(prompt().status()).isEqualTo("sent");
    FakeSlack.Call dm = new ModalRep(rapport, REP).latestDm();
    assertThat(dm.param("blocks")).contains("NewCo").contains("\"newco\"").doesNotContain("Globex");
    assertThat(completionOfTheWeek().due()).isEqualTo(6);
  }

  @Test
  void theNextPassJudgesASkippedWeekAgainToo() throws Exception {
    for (Account a : accounts) {
      store.checkIns().markNothingToReport(WS, a.id(), REP, WEEK.toString(), 0);
    }
    rapport.rapport().prompts().runDue();
    assertThat(prompt().status()).isEqualTo("skipped");
    rapport.rapport().prompts().runDue();
    assertThat(prompt().status()).as("nothing due still: stays skipped").isEqualTo("skipped");
    store.accounts().upsert(WS, Account.of("newco", "NewCo", REP), 0);
    rapport.rapport().prompts().runDue();
    assertThat(prompt().status()).isEqualTo("sent");
    assertThat(new ModalRep(rapport, REP).latestDm().param("blocks")).contains("NewCo");
  }

  // ------------------------------------------------------------------ no silence in the DM

  ObjectNode dm(String user, String text, String botId) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "message").put("channel", "D" + REP).put("channel_type", "im").put("text", text)
        .put("ts", "1700000100.000100").put("event_ts", "1700000100.000100");
    if (user != null) {
      event.put("user", user);
    }
    if (botId != null) {
      event.put("bot_id", botId).put("subtype", "bot_message");
    }
    return event;
  }

  @Test
  void aRepWhoWritesToRapportGetsABriefAnswerWithCheckInButtonsOnce() throws Exception {
    assertThat(rapport.slack().event(dm(REP, "hi, how do I check in?", null), "EvDM1").statusCode()).isEqualTo(200);
    assertThat(rapport.slack().event(dm(REP, "hi, how do I check in?", null), "EvDM1").statusCode()).isEqualTo(200);
    FakeSlack.Call answer = fake.awaitCall("chat.postMessage", c -> ("D" + REP).equals(c.param("channel")));
    assertThat(answer.param("text")).contains("5 key accounts still due for this week (16–22 Nov)");
    assertThat(answer.param("blocks")).contains("checkin.open").contains("\"acme\"").contains("prompt.nothing_to_report");
    // Bots, Rapport itself included, get no answer; the retried event was answered once.
    rapport.slack().event(dm(null, "a bot", "B0OTHER"), "EvDM2");
    rapport.slack().event(dm(FakeSlack.BOT_USER_ID, "Weekly check-in", null), "EvDM3");
    assertThat(rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    assertThat(rapport.slack().event(dm(REP, "thanks", null), "EvDM4").statusCode()).isEqualTo(200);
    FakeSlack.awaitTrue(() -> fake.calls("chat.postMessage").size() >= 2, Duration.ofSeconds(10), "second answer");
    assertThat(fake.calls("chat.postMessage")).hasSize(2);
  }

  /** The rep's completion of the week, by the one definition (io.rapport.completion). */
  private io.rapport.completion.Completion completionOfTheWeek() {
    io.rapport.completion.Completions completions = new io.rapport.completion.Completions(store);
    return completions.ofAccounts(WS, completions.accountsOfReps(WS, List.of(REP), WEEK), WEEK, WEEK,
        io.rapport.completion.DueSlots.CheckInTime.upTo(WEEK, rep -> true)).total();
  }
}
