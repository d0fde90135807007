package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.WorkspaceBinding;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rapport serves the workspace its bot token belongs to ({@code auth.test} at start-up) and no
 * other: validly signed commands, events, buttons and modals carrying another {@code team_id} — or
 * none — are refused and create nothing, and {@code RAPPORT_ADMINS} are admins of that workspace
 * only.
 */
class WorkspaceBindingEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String FOREIGN = "T0INTRUDER";

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anotherWorkspaceIsRefusedAndCreatesNothing(TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      Store store = rapport.rapport().foundation().store();
      assertThat(rapport.rapport().identity().teamId()).isEqualTo(FakeSlack.TEAM_ID);
      long rowsBefore = rows(rapport);
      rapport.fake().reset(); // forget the start-up auth.test

      // An admin of this workspace (RAPPORT_ADMINS) creating a team in another one: refused.
      HttpResponse<String> command = rapport.slack().command(FOREIGN, "/relationship-admin",
          "team create Intruders", RapportUnderTest.ADMIN);
      assertThat(command.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(command.body()).path("text").asText()).contains("another Slack workspace");
      assertThat(JSON.readTree(command.body()).path("response_type").asText()).isEqualTo("ephemeral");

      // Events: Slack's quiet 200, no users.info, no views.publish.
      ObjectNode event = JSON.createObjectNode();
      event.put("type", "app_home_opened").put("user", "UFOREIGN1").put("channel", "DFOREIGN1").put("tab", "home");
      ObjectNode body = JSON.createObjectNode();
      body.put("token", "t").put("team_id", FOREIGN).put("api_app_id", "ARAPPORT").put("type", "event_callback")
          .put("event_id", "EvFOREIGN1").put("event_time", rapport.clock().instant().getEpochSecond());
      body.set("event", event);
      HttpResponse<String> events = rapport.slack().sendJson(body.toString());
      assertThat(events.statusCode()).isEqualTo(200);

      // A button and a modal from the other workspace, and a button naming no workspace at all.
      ObjectNode press = JSON.createObjectNode();
      press.put("type", "block_actions").put("trigger_id", "1.2.3").put("response_url", rapport.fake().responseUrl());
      press.putObject("user").put("id", "UFOREIGN1").put("team_id", FOREIGN);
      press.putObject("team").put("id", FOREIGN).put("domain", "intruders");
      press.putArray("actions").addObject().put("action_id", "report.share").put("value", "default::8")
          .put("type", "button").put("action_ts", "1700000000.1");
      assertThat(rapport.slack().payload(press).statusCode()).isEqualTo(200);
      ObjectNode noTeam = press.deepCopy();
      noTeam.remove("team");
      ((ObjectNode) noTeam.path("user")).remove("team_id");
      HttpResponse<String> anonymous = rapport.slack().payload(noTeam);
      assertThat(anonymous.statusCode()).isEqualTo(200);
      assertThat(anonymous.body()).doesNotContain("Exception");
      ObjectNode submit = JSON.createObjectNode();
      submit.put("type", "view_submission");
      submit.putObject("user").put("id", "UFOREIGN1").put("team_id", FOREIGN);
      submit.putObject("team").put("id", FOREIGN);
      submit.putObject("view").put("id", "VFOREIGN").put("type", "modal").put("team_id", FOREIGN).put("callback_id", "checkin")
          .put("private_metadata", "{}").putObject("state").putObject("values");
      assertThat(rapport.slack().payload(submit).statusCode()).isEqualTo(200);

      rapport.rapport().foundation().afterAck().awaitIdle(java.time.Duration.ofSeconds(10));
      assertThat(rapport.fake().calls()).as("no Slack call for another workspace").isEmpty();
      assertThat(rapport.fake().responses()).isEmpty();
      assertThat(rows(rapport)).as("no row created").isEqualTo(rowsBefore);
      assertThat(store.teams().all(FOREIGN)).isEmpty();

      // This workspace is served as before.
      HttpResponse<String> own = rapport.slack().command("/relationship-admin", "team create Sales", RapportUnderTest.ADMIN);
      assertThat(own.statusCode()).isEqualTo(200);
      rapport.fake().awaitResponses(1);
      assertThat(store.teams().all(FakeSlack.TEAM_ID)).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void configuredAdminsAreAdminsOfTheBoundWorkspaceOnly(TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      Access access = rapport.rapport().foundation().access();
      assertThat(access.isAdmin(FakeSlack.TEAM_ID, RapportUnderTest.ADMIN)).isTrue();
      assertThat(access.isAdmin(FOREIGN, RapportUnderTest.ADMIN)).isFalse();
      assertThat(access.admins(FOREIGN)).isEmpty();
      Access unbound = new Access(rapport.rapport().foundation().store(), Set.of("U1"), WorkspaceBinding.to(FakeSlack.TEAM_ID));
      assertThat(unbound.isAdmin(FakeSlack.TEAM_ID, "U1")).isTrue();
      assertThat(unbound.isAdmin(FOREIGN, "U1")).isFalse();
    }
  }

  /** Rows in the tables a request could create: workspaces, users, teams, accounts. */
  static long rows(RapportUnderTest rapport) {
    return rapport.rapport().foundation().store().jdbi().withHandle(h -> {
      long n = 0;
      for (String table : List.of("workspaces", "users", "teams", "accounts", "processed_requests")) {
        n += h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
      }
      return n;
    });
  }
}
