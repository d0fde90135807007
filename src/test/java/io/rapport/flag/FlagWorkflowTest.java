package io.rapport.flag;

import static io.rapport.flag.FlagScenario.ADMIN;
import static io.rapport.flag.FlagScenario.CHANNEL;
import static io.rapport.flag.FlagScenario.MANAGER;
import static io.rapport.flag.FlagScenario.REP;
import static io.rapport.flag.FlagScenario.STRANGER;
import static io.rapport.flag.FlagScenario.WS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagStatus;
import io.rapport.domain.Names;
import io.rapport.store.FlagDao;
import io.rapport.store.FlagPlanDao;
import io.rapport.testing.FakeSlack.Call;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four buttons and the two modals, through signed HTTP against the fake Slack. */
class FlagWorkflowTest {
  FlagScenario s;
  Flag flag;

  @BeforeEach
  void start() throws Exception {
    s = FlagScenario.start();
    s.lateTwice();
    flag = s.onlyOpenFlag();
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  private int callsNow() {
    return s.fake().calls("chat.postMessage").size() + s.fake().calls("chat.update").size()
        + s.fake().calls("views.open").size();
  }

  @Test
  void acknowledgeRecordsWhoAndWhenOnceAndShowsItOnTheParent() throws Exception {
    HttpResponse<String> r = s.press(REP, "flag.acknowledge", flag.id());
    assertThat(r.statusCode()).isEqualTo(200);

    Flag acked = s.flag(flag.id());
    assertThat(acked.acknowledgedBy()).isEqualTo(REP);
    assertThat(acked.acknowledgedAt()).isEqualTo(s.now());
    List<Call> replies = s.replies(flag.messageTs());
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).param("text")).contains("Acknowledged by <@" + REP + ">");
    List<Call> updates = s.updates(flag.messageTs());
    assertThat(updates).hasSize(1);
    String parent = updates.get(0).jsonParam("blocks").toString();
    assertThat(parent).contains("Acknowledged by <@" + REP + ">").doesNotContain("flag.acknowledge")
        .contains("flag.resolve");

    // A double click or a Slack retry: nothing more.
    int before = callsNow();
    s.press(REP, "flag.acknowledge", flag.id());
    s.press(MANAGER, "flag.acknowledge", flag.id());
    assertThat(callsNow()).isEqualTo(before);
    assertThat(s.flag(flag.id()).acknowledgedBy()).isEqualTo(REP);
  }

  @Test
  void everyButtonIsRefusedToAStrangerAndNothingChanges() throws Exception {
    int before = callsNow();
    for (String action : List.of("flag.acknowledge", "flag.plan", "flag.false_alarm", "flag.resolve")) {
      HttpResponse<String> r = s.press(STRANGER, action, flag.id());
      assertThat(r.statusCode()).isEqualTo(200);
    }
    List<JsonNode> answers = s.fake().awaitResponses(4);
    assertThat(answers).hasSize(4).allSatisfy(a -> {
      assertThat(a.path("response_type").asText()).isEqualTo("ephemeral");
      assertThat(a.path("replace_original").asBoolean(true)).isFalse();
      assertThat(a.path("text").asText()).isEqualTo(io.rapport.team.NotAllowed.NOT_YOURS).doesNotContain(REP);
    });
    assertThat(callsNow()).as("no post, update or modal").isEqualTo(before);
    Flag unchanged = s.flag(flag.id());
    assertThat(unchanged.isOpen()).isTrue();
    assertThat(unchanged.acknowledgedBy()).isNull();
    assertThat(s.flags().events(WS, flag.id())).extracting(FlagDao.Event::kind).containsExactly("opened");
  }

  @Test
  void theTeamsManagerMayResolveAndAResolvedFlagLosesItsButtons() throws Exception {
    s.press(MANAGER, "flag.resolve", flag.id());
    Flag resolved = s.flag(flag.id());
    assertThat(resolved.status()).isEqualTo(FlagStatus.RESOLVED);
    assertThat(resolved.closedBy()).isEqualTo(MANAGER);
    assertThat(s.replies(flag.messageTs())).extracting(c -> c.param("text"))
        .containsExactly(":white_check_mark: Resolved by <@" + MANAGER + ">.");
    List<Call> updates = s.updates(flag.messageTs());
    JsonNode parent = updates.get(updates.size() - 1).jsonParam("blocks");
    assertThat(parent.findValues("action_id")).isEmpty();
    assertThat(parent.toString()).contains("Resolved by <@" + MANAGER + ">");

    int before = callsNow();
    s.press(MANAGER, "flag.resolve", flag.id());
    s.press(ADMIN, "flag.resolve", flag.id());
    assertThat(callsNow()).isEqualTo(before);

    // The same late payments judged again within the grace weeks do not re-open it.
    s.checkedIn();
    assertThat(s.openFlags()).isEmpty();
    assertThat(s.posts(CHANNEL)).hasSize(1);
  }

  @Test
  void anAdminMayActOnAnyFlag() throws Exception {
    s.press(ADMIN, "flag.acknowledge", flag.id());
    assertThat(s.flag(flag.id()).acknowledgedBy()).isEqualTo(ADMIN);
  }

  @Test
  void planActionOpensAModalPostsThePlanInTheThreadAndRemindsTheOwnerOnTheDueDate() throws Exception {
    s.press(MANAGER, "flag.plan", flag.id());
    Call open = s.fake().awaitCall("views.open");
    JsonNode view = open.jsonParam("view");
    assertThat(view.path("callback_id").asText()).isEqualTo("flag.plan");
    assertThat(view.path("private_metadata").asText()).isEqualTo(flag.id());
    assertThat(view.toString()).contains("flag_plan_action").contains("flag_plan_owner").contains("flag_plan_due")
        .contains("\"initial_user\":\"" + REP + "\"");

    LocalDate due = LocalDate.now(s.rapport.clock()).plusDays(3);
    HttpResponse<String> r = s.submit(MANAGER, "flag.plan", "VPLAN001", flag.id(),
        FlagScenario.planValues("Call their finance lead and restate the 30-day terms", REP, due.toString()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("errors");

    List<Call> replies = s.replies(flag.messageTs());
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).param("text")).contains("Plan by <@" + MANAGER + ">")
        .contains("restate the 30-day terms").contains("owner <@" + REP + ">");
    List<Call> updates = s.updates(flag.messageTs());
    assertThat(updates.get(updates.size() - 1).jsonParam("blocks").toString()).contains("Plan: Call their finance lead");

    // A repeated submission of the same modal stores and posts nothing new.
    int before = callsNow();
    s.submit(MANAGER, "flag.plan", "VPLAN001", flag.id(),
        FlagScenario.planValues("Call their finance lead and restate the 30-day terms", REP, due.toString()));
    assertThat(callsNow()).isEqualTo(before);
    assertThat(s.store().jdbi().onDemand(FlagPlanDao.class).ofFlag(WS, flag.id())).hasSize(1);

    // Not before the due date; on it, one DM to the owner, once.
    s.rapport.rapport().flags().sweep();
    assertThat(s.posts("D" + REP)).isEmpty();
    s.rapport.clock().advance(Duration.ofDays(3));
    s.rapport.rapport().flags().sweep();
    s.rapport.rapport().flags().sweep();
    List<Call> dms = s.posts("D" + REP);
    assertThat(dms).hasSize(1);
    assertThat(dms.get(0).jsonParam("blocks").toString()).contains("due date").contains("Acme Retail")
        .contains("restate the 30-day terms");
  }

  @Test
  void aPlanWithAPastDueDateOrNoActionIsSentBackToTheModalAndStoresNothing() throws Exception {
    String yesterday = LocalDate.now(s.rapport.clock()).minusDays(2).toString();
    HttpResponse<String> r = s.submit(REP, "flag.plan", "VPLAN002", flag.id(),
        FlagScenario.planValues("  ", REP, yesterday));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = FlagScenario.JSON.readTree(r.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    assertThat(body.path("errors").path("flag_plan_action").asText()).contains("Say what will be done");
    assertThat(body.path("errors").path("flag_plan_due").asText()).contains("in the past");
    assertThat(s.store().jdbi().onDemand(FlagPlanDao.class).ofFlag(WS, flag.id())).isEmpty();
    assertThat(s.replies(flag.messageTs())).isEmpty();
  }

  @Test
  void falseAlarmKeepsTheReasonClosesTheFlagAndSuppressesThePatternForTheConfiguredWeeks() throws Exception {
    s.store().teams().setPolicy(WS, FlagScenario.TEAM, "{\"flags.falseAlarmWeeks\":\"2\"}");
    s.press(REP, "flag.false_alarm", flag.id());
    JsonNode view = s.fake().awaitCall("views.open").jsonParam("view");
    assertThat(view.path("callback_id").asText()).isEqualTo("flag.false_alarm");
    assertThat(view.toString()).contains("for 2 weeks");

    s.submit(REP, "flag.false_alarm", "VFALSE01", flag.id(),
        FlagScenario.reasonValues("They pay late by agreement: 60-day terms were renegotiated"));
    Flag closed = s.flag(flag.id());
    assertThat(closed.status()).isEqualTo(FlagStatus.FALSE_ALARM);
    assertThat(closed.closedBy()).isEqualTo(REP);
    List<FlagDao.FalseAlarm> alarms = s.flags().falseAlarms(WS);
    assertThat(alarms).hasSize(1);
    assertThat(alarms.get(0).reason()).isEqualTo("They pay late by agreement: 60-day terms were renegotiated");
    assertThat(alarms.get(0).pattern()).isEqualTo("TERMS_DICTATED");
    assertThat(s.replies(flag.messageTs())).hasSize(1);
    assertThat(s.replies(flag.messageTs()).get(0).param("text")).contains("false alarm")
        .contains("60-day terms were renegotiated");

    // Repeated submission: nothing more.
    int before = callsNow();
    s.submit(REP, "flag.false_alarm", "VFALSE01", flag.id(), FlagScenario.reasonValues("again"));
    assertThat(callsNow()).isEqualTo(before);
    assertThat(s.flags().falseAlarms(WS)).hasSize(1);

    // Suppressed this week and next, even as the payments stay late.
    s.checkedIn();
    s.advanceWeeks(1);
    s.paid(s.week(), 75);
    s.checkedIn();
    assertThat(s.openFlags()).isEmpty();
    assertThat(s.posts(CHANNEL)).hasSize(1);

    // After the suppression the pattern may be flagged again: a new flag, a new post.
    s.advanceWeeks(1);
    s.paid(s.week(), 80);
    s.checkedIn();
    assertThat(s.openFlags()).hasSize(1);
    assertThat(s.onlyOpenFlag().id()).isNotEqualTo(flag.id());
    assertThat(s.posts(CHANNEL)).hasSize(2);
  }

  @Test
  void aFalseAlarmWithoutAReasonIsFine() throws Exception {
    s.submit(MANAGER, "flag.false_alarm", "VFALSE02", flag.id(), FlagScenario.reasonValues(null));
    assertThat(s.flag(flag.id()).status()).isEqualTo(FlagStatus.FALSE_ALARM);
    assertThat(s.flags().falseAlarms(WS).get(0).reason()).isNull();
  }

  @Test
  void buttonsOnAClosedFlagSayItIsClosedAndOpenNoModal() throws Exception {
    s.press(REP, "flag.resolve", flag.id());
    int modals = s.fake().calls("views.open").size();
    s.press(REP, "flag.plan", flag.id());
    s.press(REP, "flag.false_alarm", flag.id());
    assertThat(s.fake().calls("views.open")).hasSize(modals);
    assertThat(s.fake().awaitResponses(2)).allSatisfy(a -> assertThat(a.path("text").asText()).contains("already closed"));
  }

  @Test
  void anUnknownFlagIdIsAnsweredPolitely() throws Exception {
    s.press(REP, "flag.acknowledge", "no-such-flag");
    assertThat(s.fake().awaitResponses(1).get(0).path("text").asText()).contains("no longer exists");
  }

  @Test
  void aManagerOfAnotherTeamIsAStranger() throws Exception {
    s.store().teams().insert(WS, "team-west", "Enterprise West", Names.key("Enterprise West"), 5, "15:00", s.now());
    s.store().teams().setManager(WS, "team-west", "UMGROTHER");
    s.press("UMGROTHER", "flag.resolve", flag.id());
    assertThat(s.fake().awaitResponses(1).get(0).path("text").asText()).isEqualTo(io.rapport.team.NotAllowed.NOT_YOURS);
    assertThat(s.flag(flag.id()).isOpen()).isTrue();
  }
}
