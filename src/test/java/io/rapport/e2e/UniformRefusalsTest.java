package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.team.NotAllowed;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Someone without access gets one answer, through signed HTTP to the running server: the same for
 * an account, team or rep that exists elsewhere as for one that does not, naming no owner, no
 * manager and no team. Nothing changes.
 */
class UniformRefusalsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String ADMIN = RapportUnderTest.ADMIN;
  static final String NORTH_MANAGER = "UMGRNORTH";
  static final String NORTH_REP = "UREPNORTH";
  static final String SOUTH_MANAGER = "UMGRSOUTH";
  static final String SOUTH_REP = "UREPSOUTH";
  static final String OUTSIDER = "UOUTSIDER";

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void noAccessGetsTheSameAnswerNamingNobody(TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      team(rapport, "North", NORTH_MANAGER, NORTH_REP);
      team(rapport, "South", SOUTH_MANAGER, SOUTH_REP);
      assertThat(answer(rapport, "/accounts", "add Acme", NORTH_REP)).contains("Added");
      assertThat(answer(rapport, "/accounts", "add Zenith", SOUTH_REP)).contains("Added");
      String before = terms(rapport);

      // A rep: another team's account answers exactly like an account nobody has.
      String other = answer(rapport, "/accounts", "set Zenith terms=45", NORTH_REP);
      assertThat(other).isEqualTo(NotAllowed.NOT_YOURS);
      assertThat(answer(rapport, "/accounts", "set Nowhere Ltd terms=45", NORTH_REP)).isEqualTo(other);
      assertThat(answer(rapport, "/checkin", "Zenith", NORTH_REP)).isEqualTo(other);

      // An outsider adding a name someone else keeps is not told whose it is.
      String duplicate = answer(rapport, "/accounts", "add Zenith", OUTSIDER);
      assertThat(duplicate).doesNotContain(SOUTH_REP).doesNotContain(SOUTH_MANAGER).contains("did not add");
      // The rep's own manager may be told.
      assertThat(answer(rapport, "/accounts", "add Zenith", SOUTH_MANAGER)).contains("<@" + SOUTH_REP + ">");

      // Another team's manager: the report on that team, its rep or its account.
      for (String scope : List.of("team South", "team Nowhere", "account Zenith", "account Nowhere",
          "<@" + SOUTH_REP + "|s>", "<@UNOBODY1|n>", "<#CNOBODY1|nowhere>")) {
        String refused = answer(rapport, "/relationship-report", scope, NORTH_MANAGER);
        assertThat(refused).as(scope).isEqualTo(NotAllowed.NOT_YOURS);
      }

      // Team administration is for admins; the refusal lists no team and no manager.
      String admin = answer(rapport, "/relationship-admin", "team South manager <@" + NORTH_MANAGER + "|m>",
          NORTH_MANAGER);
      assertThat(admin).contains("for Rapport's admins").doesNotContain("South").doesNotContain(SOUTH_MANAGER);

      // Marking another team's rep away.
      assertThat(answer(rapport, "/relationship-admin", "away <@" + SOUTH_REP + "|s> until 31 Dec 2099", NORTH_MANAGER))
          .isEqualTo(NotAllowed.NOT_YOURS);

      assertThat(terms(rapport)).as("nothing changed").isEqualTo(before);
    }
  }

  static void team(RapportUnderTest rapport, String name, String manager, String rep) throws Exception {
    assertThat(answer(rapport, "/relationship-admin", "team create " + name, ADMIN)).contains("Created team");
    assertThat(answer(rapport, "/relationship-admin", "team " + name + " manager <@" + manager + "|m>", ADMIN))
        .contains("now manages");
    assertThat(answer(rapport, "/relationship-admin", "team " + name + " members add <@" + rep + "|r>", ADMIN))
        .contains("Added");
  }

  /** The accounts, their reps and terms, and the away marks: what the refused requests must not change. */
  static String terms(RapportUnderTest rapport) {
    return rapport.rapport().foundation().store().jdbi().withHandle(h ->
        h.createQuery("SELECT name, rep_id, agreed_payment_days FROM accounts ORDER BY name").mapToMap().list()
            + " " + h.createQuery("SELECT COUNT(*) FROM away_weeks").mapTo(Integer.class).one());
  }

  /** What the person reads: the ack's text, or the answer sent to the command's response_url. */
  static String answer(RapportUnderTest rapport, String command, String text, String user) throws Exception {
    rapport.fake().userTimeZone(user, "UTC");
    Map<String, String> form = rapport.slack().commandForm(WS, command, text, user);
    HttpResponse<String> r = rapport.slack().sendForm(form);
    assertThat(r.statusCode()).as("%s %s", command, text).isEqualTo(200);
    if (!r.body().isBlank()) {
      JsonNode ack = JSON.readTree(r.body());
      if (ack.hasNonNull("text")) {
        return ack.path("text").asText();
      }
    }
    return rapport.fake().awaitResponseTo(form.get("response_url")).path("text").asText();
  }
}
