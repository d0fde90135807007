package io.rapport.flag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.Flag;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Names;
import io.rapport.store.FlagDao;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.FakeSlack.Call;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A sales team set up through the store (the Slack commands for teams and accounts are another
 * capability's), a rep with one account that pays late, and helpers to judge it, press the flag's
 * buttons through signed HTTP and read what Rapport sent to the fake Slack.
 */
final class FlagScenario implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String TEAM = "team-east";
  static final String REP = "UREP0001";
  static final String MANAGER = "UMGR0001";
  static final String STRANGER = "USTRANGE1";
  static final String ADMIN = RapportUnderTest.ADMIN;
  static final String CHANNEL = "CFLAGS01";
  static final String ACCOUNT = "acme-retail";
  /**
   * The next Wednesday 10:00 UTC (mid-morning in London, the fake's default time zone): a fixed
   * point in the week, so week boundaries and the Monday digest are the same whenever the tests
   * run.
   */
  static Instant nextWednesdayMorning() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate wednesday = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
    return wednesday.atTime(10, 0).toInstant(ZoneOffset.UTC);
  }

  final RapportUnderTest rapport;

  private FlagScenario(RapportUnderTest rapport) {
    this.rapport = rapport;
  }

  /** A running Rapport with a team (manager, channel, one rep) and the rep's account. */
  static FlagScenario start() throws Exception {
    return start(true);
  }

  static FlagScenario start(boolean withChannel) throws Exception {
    return start(withChannel, TestDatabases.Kind.SQLITE);
  }

  static FlagScenario start(boolean withChannel, TestDatabases.Kind kind) throws Exception {
    FlagScenario s = new FlagScenario(RapportUnderTest.startOn(kind, new MutableClock(nextWednesdayMorning())));
    long now = s.now();
    Store store = s.store();
    store.ensureWorkspace(WS, now);
    store.teams().insert(WS, TEAM, "Enterprise East", Names.key("Enterprise East"), 5, "15:00", now);
    store.teams().setManager(WS, TEAM, MANAGER);
    if (withChannel) {
      store.teams().setChannel(WS, TEAM, CHANNEL);
    }
    store.teams().addMember(WS, TEAM, REP, now);
    store.accounts().upsert(WS, Account.of(ACCOUNT, "Acme Retail", REP), now);
    return s;
  }

  /** A scenario around a Rapport already started (e.g. on a database prepared by the test). */
  static FlagScenario on(RapportUnderTest rapport) {
    return new FlagScenario(rapport);
  }

  Store store() {
    return rapport.rapport().foundation().store();
  }

  FlagDao flags() {
    return store().jdbi().onDemand(FlagDao.class);
  }

  FakeSlack fake() {
    return rapport.fake();
  }

  long now() {
    return rapport.clock().millis();
  }

  IsoWeek week() {
    return IsoWeek.of(LocalDate.now(rapport.clock().withZone(ZoneOffset.UTC)));
  }

  void advanceWeeks(int weeks) {
    rapport.clock().advance(Duration.ofDays(7L * weeks));
  }

  /** Stores a check-in of the account for {@code week} paid in {@code paymentDays} (terms are 30). */
  void paid(IsoWeek week, int paymentDays) {
    store().checkIns().upsert(WS, CheckIn.builder(ACCOUNT, week).rep(REP).paymentDays(paymentDays).build(), now());
  }

  /** What the check-in storer does after storing: tell the listeners. */
  void checkedIn() {
    rapport.rapport().checkIns().subscribers().forEach(l -> l.afterCheckIn(WS, ACCOUNT));
  }

  /** Two late payments: a watch on TERMS_DICTATED. */
  void lateTwice() {
    paid(week().minusWeeks(1), 65);
    paid(week(), 70);
    checkedIn();
  }

  List<Flag> openFlags() {
    return flags().openOfAccount(WS, ACCOUNT);
  }

  Flag onlyOpenFlag() {
    List<Flag> open = openFlags();
    if (open.size() != 1) {
      throw new AssertionError("expected one open flag, got " + open);
    }
    return open.get(0);
  }

  Flag flag(String id) {
    return flags().find(WS, id).orElseThrow();
  }

  /** Top-level messages posted to {@code channel}. */
  List<Call> posts(String channel) {
    return fake().calls("chat.postMessage").stream()
        .filter(c -> channel.equals(c.param("channel")) && c.param("thread_ts") == null).toList();
  }

  /** Replies posted in the thread of {@code ts}. */
  List<Call> replies(String ts) {
    return fake().calls("chat.postMessage").stream().filter(c -> ts.equals(c.param("thread_ts"))).toList();
  }

  List<Call> updates(String ts) {
    return fake().calls("chat.update").stream().filter(c -> ts.equals(c.param("ts"))).toList();
  }

  /** Presses a flag button as {@code user} through signed HTTP and waits for the work after the ack. */
  HttpResponse<String> press(String user, String actionId, String flagId) throws Exception {
    HttpResponse<String> r = rapport.slack().blockAction(user, actionId, flagId, null);
    idle();
    return r;
  }

  /** Submits a modal through signed HTTP and waits for the work after the ack. */
  HttpResponse<String> submit(String user, String callbackId, String viewId, String flagId, ObjectNode values)
      throws Exception {
    HttpResponse<String> r = rapport.slack().viewSubmission(user, callbackId, viewId, flagId, values);
    idle();
    return r;
  }

  void idle() throws InterruptedException {
    if (!rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(10))) {
      throw new AssertionError("work after the ack did not finish");
    }
  }

  /** The plan modal's state as Slack sends it. */
  static ObjectNode planValues(String action, String owner, String due) {
    ObjectNode values = JSON.createObjectNode();
    values.putObject("flag_plan_action").putObject("action").put("type", "plain_text_input").put("value", action);
    values.putObject("flag_plan_owner").putObject("owner").put("type", "users_select").put("selected_user", owner);
    values.putObject("flag_plan_due").putObject("due").put("type", "datepicker").put("selected_date", due);
    return values;
  }

  static ObjectNode reasonValues(String reason) {
    ObjectNode values = JSON.createObjectNode();
    ObjectNode v = values.putObject("flag_false_alarm_reason").putObject("reason").put("type", "plain_text_input");
    if (reason == null) {
      v.putNull("value");
    } else {
      v.put("value", reason);
    }
    return values;
  }

  @Override
  public void close() throws Exception {
    rapport.close();
  }
}
