package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Names of accounts and teams, typed through signed slash commands: control characters and names
 * that show nothing are refused with a clear message and create nothing; a name that looks like a
 * mention or a link is kept, and every answer that shows it shows it as text.
 */
class NamesEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String REP = "UREPNAMES";

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void unreadableNamesAreRefusedAndHostileOnesShownAsText(TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      assertThat(answer(rapport, "/accounts", "add \u0000\u0001\u0002", REP))
          .contains("can't contain control characters").contains("Nothing was added");
      assertThat(answer(rapport, "/accounts", "add \"Acme\u202Eevil\"", REP)).contains("control characters");
      assertThat(answer(rapport, "/accounts", "add \u200B\u200D\u3164", REP))
          .contains("shows nothing").contains("Nothing was added");
      assertThat(count(rapport, "accounts")).isZero();

      String team = answer(rapport, "/relationship-admin", "team create Intruders\u0007", RapportUnderTest.ADMIN);
      assertThat(team).contains("control characters");
      assertThat(answer(rapport, "/relationship-admin", "team create <!channel>", RapportUnderTest.ADMIN))
          .contains("can't contain a mention");
      assertThat(answer(rapport, "/relationship-admin", "team create \u2800\u200B", RapportUnderTest.ADMIN))
          .contains("shows nothing");
      assertThat(count(rapport, "teams")).isZero();

      String added = answer(rapport, "/accounts", "add Evil <!channel> <http://evil.example|click me>", REP);
      assertThat(added).contains("Added *Evil &lt;!channel&gt; &lt;http://evil.example|click me&gt;*")
          .doesNotContain("<!channel>").doesNotContain("<http://evil");
      assertThat(answer(rapport, "/accounts", "add Evil <!channel> <http://evil.example|click me>", REP))
          .contains("already").doesNotContain("<!channel>");
      assertThat(answer(rapport, "/accounts", "<!here> please", REP))
          .contains("&lt;!here&gt;").doesNotContain("<!here>");
      assertThat(count(rapport, "accounts")).isEqualTo(1);
    }
  }

  /** The ephemeral answer to a command: the ack's text, or what was posted to its response_url. */
  static String answer(RapportUnderTest rapport, String command, String text, String user) throws Exception {
    Map<String, String> form = rapport.slack().commandForm(FakeSlack.TEAM_ID, command, text, user);
    HttpResponse<String> ack = rapport.slack().sendForm(form);
    assertThat(ack.statusCode()).isEqualTo(200);
    if (!ack.body().isBlank() && JSON.readTree(ack.body()).has("text")) {
      return JSON.readTree(ack.body()).path("text").asText();
    }
    return rapport.fake().awaitResponseTo(form.get("response_url")).toString();
  }

  static long count(RapportUnderTest rapport, String table) {
    return rapport.rapport().foundation().store().jdbi().withHandle(h ->
        h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }
}
