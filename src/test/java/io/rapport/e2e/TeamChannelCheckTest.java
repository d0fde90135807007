package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.domain.Team;
import io.rapport.slack.ChannelAccess;
import io.rapport.slack.ChannelAccess.Verdict;
import io.rapport.slack.startup.WorkspaceIdentity;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.FakeSlack.ChannelState;
import io.rapport.testing.RapportUnderTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code team NAME channel #channel} asks Slack whether Rapport can post there, and says what to do if not. */
class TeamChannelCheckTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN = RapportUnderTest.ADMIN;
  RapportUnderTest rapport;

  @BeforeEach
  void start() throws Exception {
    rapport = RapportUnderTest.start();
    assertThat(answer("team create Sales East")).contains("Created team");
  }

  @AfterEach
  void stop() throws Exception {
    rapport.close();
  }

  String answer(String text) throws Exception {
    rapport.fake().userTimeZone(ADMIN, "UTC");
    Map<String, String> form = rapport.slack().commandForm(FakeSlack.TEAM_ID, "/relationship-admin", text, ADMIN);
    HttpResponse<String> r = rapport.slack().sendForm(form);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode reply = rapport.fake().awaitResponseTo(form.get("response_url"));
    return reply.path("text").asText() + reply.path("blocks").toString();
  }

  Optional<String> channelOfTheTeam() {
    return rapport.rapport().foundation().store().teams().all(FakeSlack.TEAM_ID).stream()
        .filter(t -> t.name().equals("Sales East")).findFirst().orElseThrow().channelId();
  }

  @Test
  void aPrivateChannelRapportIsNotInIsRefusedWithTheInviteToDoAndNothingChanges() throws Exception {
    rapport.fake().channel("GSECRET", new ChannelState(true, false, false));
    assertThat(answer("team Sales East channel <#GSECRET|secret>"))
        .contains("Rapport cannot post in <#GSECRET>").contains("private channel")
        .contains("/invite @Rapport").contains("Nothing changed");
    assertThat(channelOfTheTeam()).isEmpty();

    rapport.fake().channel("GSECRET", new ChannelState(true, true, false)); // the admin invited Rapport
    assertThat(answer("team Sales East channel <#GSECRET|secret>"))
        .contains("Flags for *Sales East* go to <#GSECRET>").contains("Rapport is in that channel");
    assertThat(channelOfTheTeam()).contains("GSECRET");
  }

  @Test
  void aPublicChannelWorksWithoutAnInviteThanksToChatWritePublic() throws Exception {
    assertThat(answer("team Sales East channel <#CSALES|sales>"))
        .contains("Flags for *Sales East* go to <#CSALES>").contains("public channel")
        .contains("without an invite").doesNotContain("cannot");
    assertThat(channelOfTheTeam()).contains("CSALES");
    assertThat(rapport.fake().awaitCall("conversations.info").param("channel")).isEqualTo("CSALES");
  }

  @Test
  void anArchivedChannelIsRefused() throws Exception {
    rapport.fake().channel("COLD", new ChannelState(false, true, true));
    assertThat(answer("team Sales East channel <#COLD|old>")).contains("<#COLD> is archived")
        .contains("Nothing changed");
    assertThat(channelOfTheTeam()).isEmpty();
  }

  @Test
  void withoutChatWritePublicAPublicChannelNeedsAnInvite() throws Exception {
    WorkspaceIdentity noPublicPosting = new WorkspaceIdentity(FakeSlack.TEAM_ID, "Rapport Test", Optional.empty(),
        FakeSlack.BOT_USER_ID, Optional.empty(), Set.of("chat:write", "channels:read", "groups:read"), true);
    ChannelAccess access = new ChannelAccess(rapport.rapport().foundation().slackApi()::methods, noPublicPosting);
    assertThat(access.check("CSALES")).isEqualTo(Verdict.PUBLIC_NOT_INVITED);
    rapport.fake().channel("CSALES", new ChannelState(false, true, false));
    assertThat(access.check("CSALES")).isEqualTo(Verdict.MEMBER);
    rapport.fake().handle("conversations.info", c -> FakeSlack.Reply.error("missing_scope"));
    assertThat(access.check("CSALES")).isEqualTo(Verdict.CANNOT_CHECK_SCOPE);
  }

  @Test
  void whenSlackCannotBeAskedTheChannelIsSetAndTheReplySaysItWasNotChecked() throws Exception {
    rapport.fake().handle("conversations.info", c -> FakeSlack.Reply.status(503));
    assertThat(answer("team Sales East channel <#CSALES|sales>")).contains("go to <#CSALES>")
        .contains("Slack did not answer");
    assertThat(channelOfTheTeam()).contains("CSALES");
  }

  @Test
  void adminHelpIsAGettingStartedGuideWithExamplesThenTheReference() throws Exception {
    String help = answer("help");
    assertThat(help).contains("Getting started with Rapport")
        .contains("`/relationship-admin team create Sales East`")
        .contains("`/relationship-admin team Sales East channel #sales-east`")
        .contains("/invite @Rapport").contains("*Reference*").doesNotContain(".md");
    assertThat(help.indexOf("1. *Create a team*")).isLessThan(help.indexOf("2. *Name its manager*"));
    assertThat(help.indexOf("6. *Key accounts*")).isLessThan(help.indexOf("*Reference*"));
    assertThat(help.substring(help.indexOf("*Reference*"))).contains("team NAME channel #channel")
        .contains("prompt-now");
  }
}
