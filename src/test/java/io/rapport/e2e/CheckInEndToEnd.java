package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.Team;
import io.rapport.slack.views.CheckInModal;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import io.rapport.domain.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import io.rapport.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 end to end: signed HTTP into the real server, the real SQLite file, Slack faked. Admins
 * build teams, reps add accounts and check in through the modal, App Home shows them, and
 * everybody is refused what is not theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CheckInEndToEnd {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String ADMIN = RapportUnderTest.ADMIN;
  /** The weeks a modal opened now offers (UTC; the test users' Slack time zone is UTC). */
  List<IsoWeek> weeks;
  String thisWeek;
  String lastWeek;

  RapportUnderTest rapport;
  final List<String> heard = new CopyOnWriteArrayList<>();
  final AtomicInteger viewIds = new AtomicInteger();

  /** The database this run uses. */
  abstract TestDatabases.Kind kind();

  @BeforeAll
  void start() throws Exception {
    // Bolt checks request timestamps against the system clock, so the test clock starts now.
    rapport = RapportUnderTest.startOn(kind(), new MutableClock(Instant.now()));
    IsoWeek now = IsoWeek.of(LocalDate.ofInstant(rapport.clock().instant(), ZoneOffset.UTC));
    weeks = List.of(now, now.minusWeeks(1), now.minusWeeks(2), now.minusWeeks(3), now.minusWeeks(4));
    thisWeek = now.toString();
    lastWeek = now.minusWeeks(1).toString();
    rapport.rapport().checkIns().subscribe((ws, account) -> heard.add(ws + "/" + account));
  }

  @AfterAll
  void stop() throws Exception {
    if (rapport != null) {
      rapport.close();
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Sends a command and returns the text the user sees: the ack's, or the response_url post's. */
  String answer(String command, String text, String user) throws Exception {
    return answer(WS, command, text, user);
  }

  String answer(String team, String command, String text, String user) throws Exception {
    rapport.fake().userTimeZone(user, "UTC");
    Map<String, String> form = rapport.slack().commandForm(team, command, text, user);
    HttpResponse<String> r = rapport.slack().sendForm(form);
    assertThat(r.statusCode()).as("%s %s", command, text).isEqualTo(200);
    if (!r.body().isBlank()) {
      JsonNode ack = JSON.readTree(r.body());
      if (ack.hasNonNull("text")) {
        return shown(ack);
      }
    }
    return shown(rapport.fake().awaitResponseTo(form.get("response_url")));
  }

  /** The text a person reads in a reply: its blocks' texts, or the fallback text without blocks. */
  String shown(JsonNode message) {
    if (!message.path("blocks").isArray() || message.path("blocks").isEmpty()) {
      return message.path("text").asText();
    }
    List<String> texts = new ArrayList<>();
    message.path("blocks").findValues("text").forEach(t -> {
      if (t.isTextual()) {
        texts.add(t.asText());
      } else if (t.path("text").isTextual()) {
        texts.add(t.path("text").asText());
      }
    });
    return String.join("\n", texts);
  }

  Store store() {
    return rapport.rapport().foundation().store();
  }

  Account account(String name) {
    return store().accounts().active(WS).stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  ObjectNode number(ObjectNode values, String block, String value) {
    values.putObject(block).putObject("value").put("type", "number_input").put("value", value);
    return values;
  }

  ObjectNode choice(ObjectNode values, String block, String type, String value) {
    ObjectNode v = values.putObject(block).putObject("value").put("type", type);
    v.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text").put("text", value);
    return values;
  }

  /** A realistic, valid submission for {@code week}. */
  ObjectNode answers(String week) {
    ObjectNode values = JSON.createObjectNode();
    choice(values, "week", "static_select", week);
    number(values, "contacts.business", "2");
    number(values, "contacts.social", "1");
    number(values, "serviceHours", "6");
    number(values, "unpaidHours", "1.5");
    choice(values, "outcome", "radio_buttons", "progressed");
    number(values, "discountPct", "5");
    ObjectNode events = values.putObject("events").putObject("checkin.events").put("type", "checkboxes");
    events.putArray("selected_options").addObject().put("value", "quotaPressure");
    choice(values, "clientConduct", "radio_buttons", "demanding");
    number(values, "paymentDays", "45");
    choice(values, "valueRating", "radio_buttons", "4");
    values.putObject("note").putObject("value").put("type", "plain_text_input").put("value", "Lunch with the CFO");
    return values;
  }

  String metadata(Account account) {
    return new io.rapport.slack.views.CheckInModal.Metadata(account.id(), weeks).toJson();
  }

  String newViewId() {
    return "VCHECKIN" + viewIds.incrementAndGet();
  }

  HttpResponse<String> submit(String user, String viewId, Account account, ObjectNode values) {
    return rapport.slack().viewSubmission(user, "checkin.modal", viewId, metadata(account), values);
  }

  Optional<CheckIn> stored(Account account, String week) {
    return store().checkIns().find(WS, account.id(), week);
  }

  /** A team with a manager and members, built by the admin through Slack. */
  void team(String name, String manager, String... members) throws Exception {
    assertThat(answer("/relationship-admin", "team create " + name, ADMIN)).contains("Created team");
    assertThat(answer("/relationship-admin", "team " + name + " manager <@" + manager + "|m>", ADMIN))
        .contains("now manages");
    StringBuilder m = new StringBuilder();
    for (String member : members) {
      m.append(" <@").append(member).append('>');
    }
    assertThat(answer("/relationship-admin", "team " + name + " members add" + m, ADMIN)).contains("Added");
  }

  // ---------------------------------------------------------------- roles and teams

  @Test
  void adminBuildsATeam() throws Exception {
    assertThat(answer("/relationship-admin", "team create Sales East", ADMIN))
        .contains("Created team *Sales East*");
    assertThat(answer("/relationship-admin", "team Sales East manager <@UMGRE01|ann>", ADMIN))
        .isEqualTo("<@UMGRE01> now manages *Sales East*.");
    assertThat(answer("/relationship-admin", "team sales east members add <@UREPE01|bob> <@UREPE02>", ADMIN))
        .contains("Added <@UREPE01>, <@UREPE02> to *Sales East*");
    assertThat(answer("/relationship-admin", "team \"Sales East\" members add <@UREPE01>", ADMIN))
        .contains("<@UREPE01> was already in *Sales East*");
    assertThat(answer("/relationship-admin", "team \"sales e\" channel <#CSALESE|sales-east>", ADMIN))
        .contains("<#CSALESE>");
    assertThat(answer("/relationship-admin", "team Sales East schedule thu 16:30", ADMIN))
        .contains("every Thu 16:30");
    assertThat(answer("/relationship-admin", "team Sales East members remove <@UREPE02>", ADMIN))
        .contains("Removed <@UREPE02>");
    assertThat(answer("/relationship-admin", "teams", ADMIN)).contains("*Sales East* — manager <@UMGRE01>")
        .contains("1 member").contains("<#CSALESE>").contains("Thu 16:30");

    Team team = store().teams().all(WS).stream().filter(t -> t.name().equals("Sales East")).findFirst().orElseThrow();
    assertThat(team.managerId()).contains("UMGRE01");
    assertThat(team.channelId()).contains("CSALESE");
    assertThat(team.schedule().display()).isEqualTo("Thu 16:30");
    assertThat(store().teams().members(WS, team.id())).containsExactly("UREPE01");
    assertThat(rapport.rapport().foundation().access().managesRep(WS, "UMGRE01", "UREPE01")).isTrue();
  }

  @Test
  void adminsNameOtherAdminsWhoCanThenRunAdminCommands() throws Exception {
    assertThat(answer("/relationship-admin", "teams", "UNEWADM1")).contains("is for Rapport's admins");
    assertThat(answer("/relationship-admin", "admins add <@UNEWADM1|new>", ADMIN)).contains("<@UNEWADM1> can now run");
    assertThat(answer("/relationship-admin", "admins", ADMIN)).contains("<@UADMIN01>").contains("<@UNEWADM1>");
    assertThat(answer("/relationship-admin", "team create Named Admins Team", "UNEWADM1")).contains("Created team");
    assertThat(answer("/relationship-admin", "admins remove <@UADMIN01>", "UNEWADM1")).contains("RAPPORT_ADMINS");
    assertThat(answer("/relationship-admin", "admins remove <@UNEWADM1>", ADMIN)).contains("no longer an admin");
    assertThat(answer("/relationship-admin", "teams", "UNEWADM1")).contains("is for Rapport's admins");
  }

  @Test
  void aNonAdminIsRefusedAndNothingChanges() throws Exception {
    int before = store().teams().all(WS).size();
    assertThat(answer("/relationship-admin", "team create Rogue Team", "UREPX001"))
        .contains("Sorry").contains("is for Rapport's admins");
    assertThat(answer("/relationship-admin", "admins add <@UREPX001>", "UREPX001")).contains("is for Rapport's admins");
    assertThat(store().teams().all(WS)).hasSize(before);
    assertThat(rapport.rapport().foundation().access().isAdmin(WS, "UREPX001")).isFalse();
  }

  // ---------------------------------------------------------------- accounts

  @Test
  void repAddsSetsAndRemovesAnAccount() throws Exception {
    String rep = "UREPA001";
    assertThat(answer("/accounts", "add \"Acme Pty Ltd\" key", rep)).contains("Added *Acme Pty Ltd* as a key account");
    Account acme = account("Acme Pty Ltd");
    assertThat(acme.rep()).isEqualTo(rep);
    assertThat(acme.isKey()).isTrue();

    assertThat(answer("/accounts", "add Acme Pty Ltd", rep)).contains("already an account called *Acme Pty Ltd*");
    assertThat(answer("/accounts", "set acme terms=60 horizon=lifetime mandated=yes margin=35", rep))
        .contains("terms 60 days").contains("lifetime").contains("mandated").contains("margin 35%");
    Account changed = account("Acme Pty Ltd");
    assertThat(changed.agreedPaymentDays()).isEqualTo(60);
    assertThat(changed.mandated()).isTrue();
    assertThat(changed.listMarginPct()).isEqualTo(35.0);

    assertThat(answer("/accounts", "", rep)).contains("Acme Pty Ltd").contains("no check-in yet");
    assertThat(answer("/accounts", "remove ACME pty", rep)).contains("Removed *Acme Pty Ltd*");
    assertThat(store().accounts().activeOfRep(WS, rep)).isEmpty();
    assertThat(store().accounts().find(WS, acme.id())).isPresent();
  }

  @Test
  void ambiguousAndUnknownNamesGetSuggestions() throws Exception {
    String rep = "UREPS001";
    answer("/accounts", "add \"Globex North\"", rep);
    answer("/accounts", "add \"Globex South\"", rep);
    assertThat(answer("/checkin", "globex", rep)).contains("More than one").contains("*Globex North*")
        .contains("*Globex South*");
    assertThat(answer("/checkin", "Glbex North", rep)).contains("Did you mean").contains("*Globex North*");
    assertThat(rapport.fake().calls("views.open").stream()
        .noneMatch(c -> c.param("view").contains("globex"))).isTrue();
  }

  @Test
  void aManagerAddsAndSeesTheirTeamsAccountsButARepCannotAddForOthers() throws Exception {
    team("Team Mgr View", "UMGRV001", "UREPV001");
    assertThat(answer("/accounts", "add \"Initech\" <@UREPV001|rep>", "UMGRV001")).contains("for <@UREPV001>");
    assertThat(account("Initech").rep()).isEqualTo("UREPV001");
    assertThat(answer("/accounts", "", "UMGRV001")).contains("Your teams' accounts").contains("Initech")
        .contains("<@UREPV001>");
    assertThat(answer("/accounts", "add \"Hooli\" <@UREPV001|rep>", "UREPV999")).contains("Sorry");
    assertThat(store().accounts().active(WS).stream().noneMatch(a -> a.name().equals("Hooli"))).isTrue();
  }

  // ---------------------------------------------------------------- the modal

  @Test
  void checkinOpensTheModalAtOnce() throws Exception {
    String rep = "UREPM001";
    answer("/accounts", "add \"Umbrella Corp\"", rep);
    Map<String, String> form = rapport.slack().commandForm(WS, "/checkin", "umbrella", rep);
    HttpResponse<String> r = rapport.slack().sendForm(form);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    FakeSlack.Call open = rapport.fake().awaitCall("views.open", c -> form.get("trigger_id").equals(c.param("trigger_id")));
    JsonNode view = open.jsonParam("view");
    assertThat(view.path("callback_id").asText()).isEqualTo("checkin.modal");
    assertThat(view.path("private_metadata").asText()).contains(account("Umbrella Corp").id()).contains(thisWeek);
    assertThat(view.path("blocks").size()).isLessThanOrEqualTo(100);
    assertThat(view.toString()).contains("Umbrella Corp").contains("number_input").contains("checkboxes")
        .contains("This week (" + io.rapport.domain.WeekWords.range(weeks.get(0)) + ")");
  }

  @Test
  void checkinWithoutANameOffersTheCallersAccounts() throws Exception {
    String rep = "UREPP001";
    answer("/accounts", "add \"Pied Piper\"", rep);
    answer("/accounts", "add \"Raviga\" standard", rep);
    Map<String, String> form = rapport.slack().commandForm(WS, "/checkin", "", rep);
    rapport.slack().sendForm(form);
    JsonNode reply = rapport.fake().awaitResponseTo(form.get("response_url"));
    assertThat(reply.toString()).contains("Pied Piper").contains("Raviga").contains("checkin.open")
        .contains(account("Pied Piper").id());
  }

  @Test
  void aSubmitAndADoubleSubmitStoreOneCheckIn() throws Exception {
    String rep = "UREPD001";
    answer("/accounts", "add \"Stark Industries\"", rep);
    Account stark = account("Stark Industries");
    String viewId = newViewId();

    HttpResponse<String> first = submit(rep, viewId, stark, answers(thisWeek));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEmpty();
    // Durable before "saved": the modal closed, so the check-in is already in the database.
    assertThat(stored(stark, thisWeek)).isPresent();
    HttpResponse<String> again = submit(rep, viewId, stark, answers(thisWeek));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEmpty();

    awaitQuiet();
    assertThat(heard).contains(WS + "/" + stark.id());
    CheckIn c = stored(stark, thisWeek).orElseThrow();
    assertThat(c.rep()).isEqualTo(rep);
    assertThat(c.contacts().business()).isEqualTo(2);
    assertThat(c.unpaidHours()).isEqualTo(1.5);
    assertThat(c.quotaPressure()).isTrue();
    assertThat(c.freebies()).isFalse();
    assertThat(c.valueRating()).isEqualTo(4);
    assertThat(c.note()).isEqualTo("Lunch with the CFO");
    // Give the repeat time to be processed, then check it stored and announced nothing.
    awaitQuiet();
    assertThat(heard.stream().filter(h -> h.equals(WS + "/" + stark.id()))).hasSize(1);
    // No DM per saved check-in (the weekly prompt message is kept current instead).
    assertThat(rapport.fake().calls("chat.postMessage").stream()
        .filter(m -> m.param("text").contains("Stark Industries"))).isEmpty();
    assertThat(store().checkIns().history(WS, stark.id(), "2026-W01")).hasSize(1);
  }

  @Test
  void submittingAgainForTheSameWeekFromANewModalIsAnEdit() throws Exception {
    String rep = "UREPE101";
    answer("/accounts", "add \"Wayne Enterprises\"", rep);
    Account wayne = account("Wayne Enterprises");
    submit(rep, newViewId(), wayne, answers(lastWeek));
    await(() -> stored(wayne, lastWeek).isPresent(), "the late check-in for last week");
    ObjectNode edit = answers(lastWeek);
    number(edit, "serviceHours", "9");
    submit(rep, newViewId(), wayne, edit);
    await(() -> stored(wayne, lastWeek).orElseThrow().serviceHours() == 9.0, "the edit");
    assertThat(store().checkIns().history(WS, wayne.id(), "2026-W01")).hasSize(1);
  }

  @Test
  void anInvalidSubmitShowsFieldErrorsAndStoresNothing() throws Exception {
    String rep = "UREPI001";
    answer("/accounts", "add \"Cyberdyne\"", rep);
    Account cyberdyne = account("Cyberdyne");
    ObjectNode bad = answers(thisWeek);
    number(bad, "serviceHours", "2");
    number(bad, "unpaidHours", "5");
    number(bad, "discountPct", "150");
    number(bad, "contacts.social", "-1");
    HttpResponse<String> r = submit(rep, newViewId(), cyberdyne, bad);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    assertThat(body.path("errors").path("unpaidHours").asText()).contains("Must not exceed serviceHours");
    assertThat(body.path("errors").path("discountPct").asText()).contains("Must be between 0 and 100");
    assertThat(body.path("errors").path("contacts.social").asText()).contains("0 or more");
    assertThat(body.path("errors").has("serviceHours")).isFalse();

    ObjectNode weekNotOffered = answers("2025-W02");
    JsonNode weekErrors = JSON.readTree(submit(rep, newViewId(), cyberdyne, weekNotOffered).body());
    assertThat(weekErrors.path("errors").path("week").asText()).contains("weeks offered");
    awaitQuiet();
    assertThat(store().checkIns().history(WS, cyberdyne.id(), "2000-W01")).isEmpty();
  }

  /** Holds the database's write lock on its own connection until closed. */
  final class WriteLock implements AutoCloseable {
    private final Connection connection;
    private final Statement statement;

    WriteLock() throws Exception {
      connection = DriverManager.getConnection(rapport.rapport().foundation().config().databaseUrl());
      statement = connection.createStatement();
      if (kind() == TestDatabases.Kind.SQLITE) {
        statement.execute("PRAGMA busy_timeout = 10000");
        statement.execute("BEGIN IMMEDIATE");
      } else {
        statement.execute("BEGIN");
        statement.execute("LOCK TABLE checkins IN EXCLUSIVE MODE");
      }
    }

    @Override
    public void close() throws Exception {
      statement.execute("ROLLBACK");
      statement.close();
      connection.close();
    }
  }

  @Test
  void aCheckInThatCannotBeStoredInTimeAsksTheRepToSubmitAgainAndIsNeverLost() throws Exception {
    String rep = "UREPL001";
    answer("/accounts", "add \"Soylent\"", rep);
    Account soylent = account("Soylent");
    String viewId = newViewId();
    HttpResponse<String> r;
    try (WriteLock lock = new WriteLock()) {
      // The lock outlasts the ack path's deadline: the modal must stay open and say so.
      r = submit(rep, viewId, soylent, answers(thisWeek));
    }
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    assertThat(body.path("errors").path(CheckInModal.FORM_ERROR_BLOCK).asText())
        .isEqualTo("Couldn't save: please submit again.");
    awaitQuiet();
    // Not written means not written: nothing stored, no confirmation, nothing announced.
    assertThat(stored(soylent, thisWeek)).isEmpty();
    assertThat(heard).doesNotContain(WS + "/" + soylent.id());
    assertThat(rapport.fake().calls("chat.postMessage").stream()
        .filter(m -> m.param("text").contains("*Soylent*"))).isEmpty();

    // The rep submits the same modal again once the database is free: stored, modal closed.
    HttpResponse<String> again = submit(rep, viewId, soylent, answers(thisWeek));
    assertThat(again.body()).isEmpty();
    assertThat(stored(soylent, thisWeek)).isPresent();
    awaitQuiet();
    assertThat(heard).contains(WS + "/" + soylent.id());
  }

  @Test
  void aLockHeldBrieflyDelaysTheAnswerButTheCheckInIsStoredBeforeTheModalCloses() throws Exception {
    String rep = "UREPL002";
    answer("/accounts", "add \"Umbrella\"", rep);
    Account umbrella = account("Umbrella");
    WriteLock lock = new WriteLock();
    CountDownLatch submitting = new CountDownLatch(1);
    Thread release = new Thread(() -> {
      try {
        submitting.await();
        // Holds the lock for a moment while the submission waits on it, well inside the deadline.
        Thread.sleep(300);
        lock.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    release.start();
    submitting.countDown();
    HttpResponse<String> r = submit(rep, newViewId(), umbrella, answers(thisWeek));
    release.join();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(stored(umbrella, thisWeek)).isPresent();
  }

  // ---------------------------------------------------------------- App Home

  @Test
  void appHomeShowsTheRepsAccountsWithACheckInButton() throws Exception {
    String rep = "UREPH001";
    answer("/accounts", "add \"Tyrell Corp\"", rep);
    Account tyrell = account("Tyrell Corp");
    awaitQuiet();
    assertThat(rapport.slack().appHomeOpened(rep, "EvHome-1").statusCode()).isEqualTo(200);
    FakeSlack.Call publish = rapport.fake().awaitCall("views.publish", c -> rep.equals(c.param("user_id")));
    JsonNode view = publish.jsonParam("view");
    assertThat(view.path("type").asText()).isEqualTo("home");
    assertThat(view.toString()).contains("Tyrell Corp").contains("checkin.open").contains(tyrell.id())
        .contains("0 of 1 key accounts checked in");
    int before = rapport.fake().calls("views.publish").size();
    rapport.slack().appHomeOpened(rep, "EvHome-1");
    awaitQuiet();
    assertThat(rapport.fake().calls("views.publish")).hasSize(before);
  }

  @Test
  void aRepWith200AccountsGetsAHomeTabWithinSlacksLimits() throws Exception {
    String rep = "UREPBIG1";
    long now = rapport.clock().millis();
    store().ensureWorkspace(WS, now);
    for (int i = 0; i < 200; i++) {
      store().accounts().upsert(WS, Account.of("big-" + i, "Big Book Account " + i, rep), now);
    }
    rapport.fake().userTimeZone(rep, "UTC");
    rapport.slack().appHomeOpened(rep, "EvHome-big");
    JsonNode view = rapport.fake().awaitCall("views.publish", c -> rep.equals(c.param("user_id"))).jsonParam("view");
    assertThat(view.path("blocks").size()).isBetween(50, 100);
    assertThat(view.toString()).contains("0 of 200 key accounts checked in").contains("more accounts (");
  }

  @Test
  void appHomeShowsAManagerTheirTeamsCompletion() throws Exception {
    team("Home Team", "UMGRH001", "UREPH101", "UREPH102");
    answer("/accounts", "add \"Massive Dynamic\"", "UREPH101");
    answer("/accounts", "add \"Vandelay\"", "UREPH102");
    submit("UREPH101", newViewId(), account("Massive Dynamic"), answers(thisWeek));
    await(() -> stored(account("Massive Dynamic"), thisWeek).isPresent(), "the check-in");
    rapport.fake().userTimeZone("UMGRH001", "UTC");
    rapport.slack().appHomeOpened("UMGRH001", "EvHome-mgr");
    JsonNode view = rapport.fake().awaitCall("views.publish", c -> "UMGRH001".equals(c.param("user_id")))
        .jsonParam("view");
    assertThat(view.toString()).contains("Your teams this week").contains("*Home Team*")
        .contains("check-in completion 50% (1 of 2 due check-ins)");
  }

  @Test
  void healthBandsShowInAppHomeAndInTheManagersAttentionList() throws Exception {
    team("Health Team", "UMGRB001", "UREPB001");
    answer("/accounts", "add \"Bully Corp\"", "UREPB001");
    answer("/accounts", "add \"Kind Corp\"", "UREPB001");
    Account bully = account("Bully Corp");
    for (IsoWeek w : weeks.subList(0, 3)) {
      rapport.rapport().checkIns().service().record(WS, "UREPB001", CheckIn.builder(bully.id(), w)
          .clientConduct(io.rapport.domain.ClientConduct.THREATENING).valueRating(1).build());
      rapport.rapport().checkIns().service().record(WS, "UREPB001", CheckIn.builder(account("Kind Corp").id(), w)
          .clientConduct(io.rapport.domain.ClientConduct.RESPECTFUL).valueRating(5).build());
    }
    awaitQuiet();
    // The flags capability opened ABUSIVE and BIG_BROTHER on Bully Corp after those check-ins;
    // open flags count, a closed one does not.
    assertThat(rapport.rapport().flags().service().openFlags(WS)).extracting(f -> f.accountId() + " " + f.pattern())
        .containsExactlyInAnyOrder(bully.id() + " ABUSIVE", bully.id() + " BIG_BROTHER");
    rapport.rapport().foundation().store().jdbi().useHandle(h -> {
      h.execute("INSERT INTO flags (workspace_id, id, account_id, pattern, severity, status, evidence, tip,"
          + " opened_at, closed_at) VALUES (?, 'f2', ?, 'HOSTAGE', 'watch', 'resolved', '[]', 'tip', 1, 2)",
          WS, account("Kind Corp").id());
    });
    rapport.slack().appHomeOpened("UREPB001", "EvHome-health-rep");
    awaitQuiet();
    // The Home tab published on opening it (the check-ins above published earlier ones).
    String rep = rapport.fake().calls("views.publish").stream().filter(c -> "UREPB001".equals(c.param("user_id")))
        .reduce((a, b) -> b).orElseThrow().jsonParam("view").toString();
    assertThat(rep).contains(":red_circle: *Bully Corp* · unhealthy").contains(":large_green_circle: *Kind Corp* · healthy 100")
        .contains("1 unhealthy").contains("2 open flags");
    assertThat(rep.substring(rep.indexOf("Kind Corp"))).doesNotContain("open flag");
    assertThat(rep.indexOf("Bully Corp")).isLessThan(rep.indexOf("Kind Corp"));
    rapport.fake().userTimeZone("UMGRB001", "UTC");
    rapport.slack().appHomeOpened("UMGRB001", "EvHome-health-mgr");
    String mgr = rapport.fake().awaitCall("views.publish", c -> "UMGRB001".equals(c.param("user_id")))
        .jsonParam("view").toString();
    assertThat(mgr).contains("*Health Team*").contains("Needs attention").contains("Bully Corp")
        .doesNotContain("Kind Corp");
    assertThat(answer("/accounts", "", "UREPB001")).contains("Bully Corp* · unhealthy");
  }

  // ---------------------------------------------------------------- authorization

  @Test
  void aRepIsRefusedAnotherRepsAccount() throws Exception {
    answer("/accounts", "add \"Oscorp\"", "UREPO001");
    Account oscorp = account("Oscorp");
    String other = "UREPO002";
    int opens = rapport.fake().calls("views.open").size();

    assertThat(answer("/checkin", "Oscorp", other)).contains("Sorry").contains("not one of your accounts");
    assertThat(answer("/accounts", "remove Oscorp", other)).contains("not one of your accounts");
    assertThat(answer("/accounts", "set Oscorp terms=90", other)).contains("not one of your accounts");
    assertThat(rapport.fake().calls("views.open")).hasSize(opens);

    rapport.slack().blockAction(other, "checkin.open", oscorp.id(), null);
    JsonNode notice = rapport.fake().awaitCall("views.open", c -> c.param("view").contains("checkin.notice"))
        .jsonParam("view");
    assertThat(notice.toString()).contains("not one of your accounts");

    JsonNode refused = JSON.readTree(submit(other, newViewId(), oscorp, answers(thisWeek)).body());
    assertThat(refused.path("response_action").asText()).isEqualTo("errors");
    assertThat(refused.path("errors").path(CheckInModal.FORM_ERROR_BLOCK).asText())
        .isEqualTo(io.rapport.team.NotAllowed.NOT_YOURS);
    assertThat(stored(oscorp, thisWeek)).isEmpty();
    assertThat(account("Oscorp").agreedPaymentDays()).isEqualTo(30);
  }

  @Test
  void aManagerIsRefusedAccountsOutsideTheirTeams() throws Exception {
    team("Team North", "UMGRN001", "UREPN001");
    team("Team South", "UMGRS001", "UREPS101");
    answer("/accounts", "add \"Northwind\"", "UREPN001");
    answer("/accounts", "add \"Southwind\"", "UREPS101");
    Account northwind = account("Northwind");

    assertThat(answer("/checkin", "Southwind", "UMGRN001")).contains("not one of your accounts");
    assertThat(answer("/accounts", "", "UMGRN001")).contains("Northwind").doesNotContain("Southwind");
    // The manager may check in for their own rep's account.
    assertThat(submit("UMGRN001", newViewId(), northwind, answers(thisWeek)).body()).isEmpty();
    assertThat(stored(northwind, thisWeek).orElseThrow().rep()).isEqualTo("UREPN001");
    JsonNode refused = JSON.readTree(submit("UMGRN001", newViewId(), account("Southwind"), answers(thisWeek)).body());
    assertThat(refused.path("errors").path(CheckInModal.FORM_ERROR_BLOCK).asText())
        .isEqualTo(io.rapport.team.NotAllowed.NOT_YOURS);
    assertThat(stored(account("Southwind"), thisWeek)).isEmpty();
  }

  @Test
  void anotherWorkspaceIsRefusedAndSeesNothingOfThisOne() throws Exception {
    answer("/accounts", "add \"Black Mesa\"", "UREPW001");
    String other = "T0OTHERWS";
    assertThat(answer(other, "/accounts", "", "UREPW001")).contains("another Slack workspace").doesNotContain("Black Mesa");
    assertThat(answer(other, "/checkin", "Black Mesa", "UREPW001")).contains("another Slack workspace");
    assertThat(answer(other, "/relationship-admin", "team create Intruders", ADMIN)).contains("another Slack workspace");
    long rows = rapport.rapport().foundation().store().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM workspaces WHERE id = :ws").bind("ws", other).mapTo(Long.class).one());
    assertThat(rows).isZero();
    assertThat(rapport.rapport().foundation().store().teams().all(other)).isEmpty();
  }

  // ---------------------------------------------------------------- malformed input

  @Test
  void malformedCommandTextsEachGetAClearAnswerAndNo5xx() throws Exception {
    String rep = "UREPZ001";
    answer("/accounts", "add \"Zeta Holdings\"", rep);
    List<String[]> cases = new ArrayList<>();
    String[] adminTexts = {
        "", "   ", "help", "frobnicate", "team", "team create", "team create \"", "team create \"unclosed",
        "team Nope manager", "team Nope manager bob", "team Nope manager <@UX1> <@UX2>",
        "team Nope members", "team Nope members invite <@UX1>", "team Nope members add",
        "team Nope members add bob", "team Nope channel", "team Nope channel general",
        "team Nope schedule", "team Nope schedule funday 15:00", "team Nope schedule fri 25:99",
        "team Nope schedule fri", "team Nope", "team \"Sales East\"", "teams extra", "admins frob",
        "admins add", "admins add bob", "team Nope manager <@UX1>", "team create " + "x".repeat(200),
        "'; DROP TABLE teams; --", "team \"Robert'); DROP TABLE accounts;--\" manager <@UX1>",
        "team create <@UX1>", "\u0000\u0001", "tëam crëate 日本語", "x".repeat(5 * 1024), "\u201Cteam\u201D"};
    for (String t : adminTexts) {
      cases.add(new String[] {"/relationship-admin", t, ADMIN});
    }
    String[] accountTexts = {
        "frob", "add", "add \"\"", "add \"unclosed", "remove", "remove Nothing Like It", "set", "set Zeta",
        "set Zeta terms=", "set Zeta terms=abc", "set Zeta terms=-5", "set Zeta horizon=forever",
        "set Zeta mandated=maybe", "set Zeta margin=150", "set Zeta colour=blue", "add <@UX1>",
        "add Zeta <@UX1> Holdings", "add \"" + "n".repeat(300) + "\"", "remove ' OR 1=1 --",
        "add \"A\" \"B\"", "x".repeat(5 * 1024), "\uD83D\uDE00 \uD83D\uDE00"};
    for (String t : accountTexts) {
      cases.add(new String[] {"/accounts", t, rep});
    }
    String[] checkinTexts = {"help", "\"", "Nothing Like It", "' OR '1'='1", "x".repeat(5 * 1024),
        "\uD83D\uDE00", "<@UX1>", "<#C123|general>", "\"\""};
    for (String t : checkinTexts) {
      cases.add(new String[] {"/checkin", t, rep});
    }
    assertThat(cases.size()).isGreaterThanOrEqualTo(60);
    int teams = store().teams().all(WS).size();
    for (String[] c : cases) {
      String text = answer(c[0], c[1], c[2]);
      assertThat(text).as("%s %s", c[0], c[1].length() > 50 ? c[1].substring(0, 50) + "…" : c[1])
          .isNotBlank()
          .doesNotContain("Exception")
          .doesNotContain("Sorry — Rapport could not do that");
    }
    assertThat(store().teams().all(WS)).hasSize(teams);
    assertThat(store().accounts().activeOfRep(WS, rep)).extracting(Account::name).containsExactly("Zeta Holdings");
    assertThat(account("Zeta Holdings").agreedPaymentDays()).isEqualTo(30);
  }

  /** Waits until the work after the ack (and anything it queued in turn) has finished. */
  void awaitQuiet() throws InterruptedException {
    assertThat(rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(20))).as("after-ack work finished").isTrue();
  }
}
