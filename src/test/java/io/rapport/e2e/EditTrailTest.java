package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.checkin.CheckInService;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.views.CheckInModal;
import io.rapport.store.CheckInDao;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trail of edits, through signed HTTP: a manager who changes a rep's check-in through the
 * modal keeps the rep's version, is named as who changed it, and the rep — only the rep — gets a
 * DM saying what changed; a repeated or empty edit keeps nothing twice; App Home says "edited by".
 */
class EditTrailTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String ADMIN = RapportUnderTest.ADMIN;
  static final String REP = "UREPTRAIL";
  static final String MANAGER = "UMGRTRAIL";
  static final String PRIVATE_NOTE = "CFO hinted at a price war";

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aManagersEditKeepsTheRepsVersionAndTellsTheRepAlone(TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      Setup s = new Setup(rapport);
      s.team();
      Account megacorp = s.account("Megacorp");
      IsoWeek week = s.weeks.get(1);

      s.submitted(REP, "VTRAIL1", megacorp, s.answers(week, 30, "Quarterly review"));
      CheckInDao.Current first = s.current(megacorp, week);
      assertThat(first.recordedBy()).isEqualTo(REP);
      assertThat(first.changedBy()).isNull();
      assertThat(first.version()).isEqualTo(1);

      s.submitted(MANAGER, "VTRAIL2", megacorp, s.answers(week, 60, PRIVATE_NOTE));
      CheckInDao.Current edited = s.current(megacorp, week);
      assertThat(edited.recordedBy()).isEqualTo(REP);
      assertThat(edited.changedBy()).isEqualTo(MANAGER);
      assertThat(edited.changedAt()).isNotNull();
      assertThat(edited.version()).isEqualTo(2);
      assertThat(edited.checkIn().rep()).as("still the rep's check-in").isEqualTo(REP);
      assertThat(edited.checkIn().paymentDays()).isEqualTo(60);
      List<CheckInDao.Version> versions = s.versions(megacorp, week);
      assertThat(versions).hasSize(1);
      assertThat(versions.get(0).version()).isEqualTo(1);
      assertThat(versions.get(0).checkIn().paymentDays()).isEqualTo(30);
      assertThat(versions.get(0).checkIn().note()).isEqualTo("Quarterly review");
      assertThat(versions.get(0).writtenBy()).isEqualTo(REP);
      assertThat(versions.get(0).replacedBy()).isEqualTo(MANAGER);

      // The rep's DM: which account, which week, who, what changed; the new note's text is not in it.
      FakeSlack.Call dm = rapport.fake().awaitCall("chat.postMessage",
          c -> c.param("text") != null && c.param("text").contains("was changed by"));
      assertThat(dm.param("channel")).isEqualTo("D" + REP);
      assertThat(dm.param("text")).contains("Your check-in for Megacorp, last week (")
          .contains("was changed by <@" + MANAGER + ">");
      assertThat(dm.param("blocks")).contains("days to pay: 30 → 60").contains("note (changed)")
          .doesNotContain(PRIVATE_NOTE);
      String key = CheckInService.editNoticeKey(WS, megacorp.id(), week, 2);
      assertThat(rapport.rapport().foundation().outbox().find(key)).get()
          .satisfies(e -> assertThat(e.state()).isEqualTo("sent"));
      // Never a channel: every message Rapport posted went to a DM.
      assertThat(rapport.fake().calls("chat.postMessage")).allSatisfy(c -> assertThat(c.param("channel")).startsWith("D"));

      // App Home: the rep's own home says who edited the last check-in.
      FakeSlack.Call home = rapport.fake().awaitCall("views.publish",
          c -> REP.equals(c.param("user_id")) && view(c).contains("edited by <@" + MANAGER + ">"));
      assertThat(view(home)).contains("Megacorp");

      // The same submission again (Slack's retry), and the same values from a fresh form: nothing new.
      int posts = s.dmsAbout();
      assertThat(s.submit(MANAGER, "VTRAIL2", megacorp, s.answers(week, 60, PRIVATE_NOTE)).statusCode()).isEqualTo(200);
      s.submitted(MANAGER, "VTRAIL3", megacorp, s.answers(week, 60, PRIVATE_NOTE));
      assertThat(s.current(megacorp, week).version()).isEqualTo(2);
      assertThat(s.versions(megacorp, week)).hasSize(1);
      assertThat(s.dmsAbout()).isEqualTo(posts);

      // The rep changes it back: a new version, no DM (nobody else changed it), no "edited by".
      s.submitted(REP, "VTRAIL4", megacorp, s.answers(week, 45, "Back to my words"));
      CheckInDao.Current mine = s.current(megacorp, week);
      assertThat(mine.version()).isEqualTo(3);
      assertThat(mine.changedBy()).isEqualTo(REP);
      assertThat(s.versions(megacorp, week)).extracting(CheckInDao.Version::replacedBy).containsExactly(MANAGER, REP);
      assertThat(s.versions(megacorp, week).get(1).checkIn().note()).isEqualTo(PRIVATE_NOTE);
      assertThat(s.dmsAbout()).isEqualTo(posts);
      FakeSlack.Call latestHome = s.latestHome(REP);
      assertThat(view(latestHome)).contains("Megacorp").doesNotContain("edited by");

      // Old outbox rows are pruned, but the notice's row stays: it is the only record of where the
      // DM went, which forgetting the rep deletes.
      rapport.clock().advance(java.time.Duration.ofDays(31));
      rapport.rapport().foundation().outbox().prune();
      assertThat(rapport.rapport().foundation().outbox().find(key)).get()
          .satisfies(e -> assertThat(e.messageTs()).isNotNull());
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theManagersReportSaysEditedByAndTheSharedReportDoesNot(TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      Setup s = new Setup(rapport);
      s.team();
      String teamId = rapport.rapport().foundation().store().teams().all(WS).get(0).id();
      rapport.rapport().foundation().store().teams().setChannel(WS, teamId, "CTRAIL01");
      Account slowpay = s.account("Slowpay Ltd");
      // Three weeks of late payment: the account is below healthy, so the report lists it.
      for (int i = 3; i >= 1; i--) {
        s.submitted(REP, "VLATE" + i, slowpay, s.answers(s.weeks.get(i), 95, "Chasing the invoice"));
      }
      s.submitted(MANAGER, "VLATEM", slowpay, s.answers(s.weeks.get(1), 100, "Finance says 100 days"));

      Map<String, String> form = rapport.slack().commandForm(WS, "/relationship-report", "", MANAGER);
      assertThat(rapport.slack().sendForm(form).statusCode()).isEqualTo(200);
      String report = rapport.fake().awaitResponseTo(form.get("response_url")).toString();
      assertThat(report).contains("Slowpay Ltd").contains("edited by <@" + MANAGER + ">");

      rapport.fake().reset();
      assertThat(rapport.slack().blockAction(MANAGER, "report.share", "team:" + teamId + ":8", null).statusCode())
          .isEqualTo(200);
      FakeSlack.Call shared = rapport.fake().awaitCall("chat.postMessage", c -> "CTRAIL01".equals(c.param("channel")));
      assertThat(shared.param("blocks")).contains("Slowpay Ltd").doesNotContain("edited by");
      assertThat(shared.param("text")).doesNotContain("edited by");
    }
  }

  /** The workspace of the test: a team, a rep, their manager, and signed requests. */
  static final class Setup {
    final RapportUnderTest rapport;
    final List<IsoWeek> weeks;

    Setup(RapportUnderTest rapport) {
      this.rapport = rapport;
      IsoWeek now = IsoWeek.of(LocalDate.ofInstant(rapport.clock().instant(), ZoneOffset.UTC));
      this.weeks = List.of(now, now.minusWeeks(1), now.minusWeeks(2), now.minusWeeks(3), now.minusWeeks(4));
    }

    void team() throws Exception {
      command("/relationship-admin", "team create Trail", ADMIN);
      command("/relationship-admin", "team Trail manager <@" + MANAGER + "|dana>", ADMIN);
      command("/relationship-admin", "team Trail members add <@" + REP + ">", ADMIN);
    }

    Account account(String name) throws Exception {
      command("/accounts", "add \"" + name + "\"", REP);
      return rapport.rapport().foundation().store().accounts().active(WS).stream()
          .filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    void command(String command, String text, String user) throws Exception {
      rapport.fake().userTimeZone(user, "UTC");
      Map<String, String> form = rapport.slack().commandForm(WS, command, text, user);
      assertThat(rapport.slack().sendForm(form).statusCode()).isEqualTo(200);
      idle();
    }

    void idle() throws InterruptedException {
      assertThat(rapport.rapport().foundation().afterAck().awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    ObjectNode answers(IsoWeek week, int paymentDays, String note) {
      ObjectNode values = CheckInForms.values(week, paymentDays);
      values.putObject("note").putObject("value").put("type", "plain_text_input").put("value", note);
      return values;
    }

    HttpResponse<String> submit(String user, String viewId, Account account, ObjectNode values) {
      rapport.fake().userTimeZone(user, "UTC");
      return rapport.slack().viewSubmission(user, CheckInModal.CALLBACK_ID, viewId,
          new CheckInModal.Metadata(account.id(), weeks).toJson(), values);
    }

    /** Submits and checks the modal closed ("saved"), then waits for what follows. */
    void submitted(String user, String viewId, Account account, ObjectNode values) throws Exception {
      HttpResponse<String> r = submit(user, viewId, account, values);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).as("saved").isEmpty();
      idle();
    }

    CheckInDao.Current current(Account account, IsoWeek week) {
      return rapport.rapport().foundation().store().jdbi().onDemand(CheckInDao.class)
          .current(WS, account.id(), week.toString()).orElseThrow();
    }

    List<CheckInDao.Version> versions(Account account, IsoWeek week) {
      return rapport.rapport().foundation().store().jdbi().onDemand(CheckInDao.class)
          .versions(WS, account.id(), week.toString());
    }

    int dmsAbout() {
      return (int) rapport.fake().calls("chat.postMessage").stream()
          .filter(c -> c.param("text") != null && c.param("text").contains("was changed by")).count();
    }

    FakeSlack.Call latestHome(String user) {
      List<FakeSlack.Call> homes = rapport.fake().calls("views.publish").stream()
          .filter(c -> user.equals(c.param("user_id"))).toList();
      assertThat(homes).isNotEmpty();
      return homes.get(homes.size() - 1);
    }
  }

  /** The view a views.publish call published, as text (JSON without Slack's escaping of {@code <}). */
  static String view(FakeSlack.Call call) {
    try {
      JsonNode view = JSON.readTree(call.param("view"));
      return view.toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
