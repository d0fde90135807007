package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.rapport.report.DemoBook;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.transfer.DatabaseImport;
import java.awt.image.BufferedImage;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.interchange.Interchange;
import io.rapport.interchange.InterchangeWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /relationship-report} through signed HTTP against the fake Slack: the bundled sample team
 * (23 accounts, 12 weeks) is imported into the workspace moved in time so that its last week is
 * the current week, with a manager, a team channel and a second team so the share modal can be
 * seen. The teams' check-in time is today at 00:00 UTC, so the current week is always due.
 */
class ReportEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;
  static final String MANAGER = "UMGR01";
  static final String OTHER_MANAGER = "UMGR02";
  static final String CHANNEL = "CTEAM01";
  static final String OTHER_CHANNEL = "CTEAM02";
  static RapportUnderTest rapport;

  @BeforeAll
  static void start() throws Exception {
    // The workspace writes amounts in euros: evidence says so on every surface built by the bot.
    rapport = RapportUnderTest.start(Map.of("RAPPORT_CURRENCY", "EUR"), new MutableClock(Instant.now()));
    Store store = rapport.rapport().foundation().store();
    long now = rapport.clock().millis();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    IsoWeek current = IsoWeek.of(today);
    new DatabaseImport(store).run(WS, new ByteArrayInputStream(demoEndingIn(current)), now);
    store.ensureWorkspace(WS, now);
    int day = today.getDayOfWeek().getValue();
    store.teams().insert(WS, "t-east", "Field Sales East", "field sales east", day, "00:00", now);
    store.teams().setManager(WS, "t-east", MANAGER);
    store.teams().setChannel(WS, "t-east", CHANNEL);
    for (String rep : List.of("U0DEMOAVA", "U0DEMOBEN", "U0DEMOCHLOE")) {
      store.teams().addMember(WS, "t-east", rep, now);
    }
    store.teams().insert(WS, "t-west", "Field Sales West", "field sales west", day, "00:00", now);
    store.teams().setManager(WS, "t-west", OTHER_MANAGER);
    store.teams().setChannel(WS, "t-west", OTHER_CHANNEL);
    store.teams().addMember(WS, "t-west", "U0DEMODAN", now);
    // The manager leads both teams: their default report spans two teams.
    store.teams().insert(WS, "t-both", "Key Accounts", "key accounts", day, "00:00", now);
    store.jdbi().useHandle(h -> h.execute(
        "INSERT INTO prompts (workspace_id, rep_id, week, kind, status, due_at, sent_at, created_at)"
            + " VALUES (?, 'U0DEMOBEN', ?, 'weekly', 'sent', ?, ?, ?)", WS, current.toString(), now, now, now));
  }

  /** The sample with every week moved so that its last week is {@code last}. */
  static byte[] demoEndingIn(IsoWeek last) throws Exception {
    Interchange demo = DemoBook.read();
    long shift = demo.latestWeek().orElseThrow().weeksUntil(last);
    List<CheckIn> moved = new ArrayList<>();
    for (CheckIn c : demo.checkIns()) {
      moved.add(c.toBuilder().week(c.week().plusWeeks(shift)).build());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InterchangeWriter().write(out, demo.accounts(), moved);
    return out.toByteArray();
  }

  @AfterAll
  static void stop() throws Exception {
    rapport.close();
  }

  @BeforeEach
  void clean() {
    rapport.fake().reset();
  }

  @Test
  void aManagerGetsTheirTeamsReportEphemerallyWithTheChartInTheirDm() throws Exception {
    HttpResponse<String> ack = rapport.slack().command("/relationship-report", "team \"Field Sales East\"", MANAGER);
    assertThat(ack.statusCode()).isEqualTo(200);
    JsonNode reply = rapport.fake().awaitResponses(1).get(0);
    assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
    String text = reply.toString();
    assertThat(text).contains("Relationship report — Team Field Sales East")
        .contains("Check-in completion")
        .contains("Accounts by health")
        .contains("Current findings by pattern")
        .contains("Terms dictated")
        .contains("Grandline Supermarkets")          // the riskiest account, with its evidence
        .contains("The client was aggressive or threatening in the weeks of")
        .contains("Unanswered prompts")
        .contains("<@U0DEMOBEN> (2 accounts)")      // Ben's two accounts without a W42 answer
        .doesNotContain("Oakfield");                 // Dan is in the other team
    assertBlockKitLimits(reply.path("blocks"));
    List<String> actions = new ArrayList<>();
    reply.path("blocks").forEach(b -> b.path("elements").forEach(e -> actions.add(e.path("action_id").asText())));
    assertThat(actions).contains("report.share", "report.csv");

    FakeSlack.Call upload = rapport.fake().awaitCall("files.completeUploadExternal",
        c -> "DUMGR01".equals(c.param("channel_id")) && c.param("files").contains("Health trend"));
    String fileId = upload.jsonParam("files").get(0).path("id").asText();
    byte[] png = rapport.fake().uploads().get(fileId).bytes();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(rapport.fake().calls("files.getUploadURLExternal")).isNotEmpty();
    assertThat(rapport.fake().calls("files.upload")).isEmpty();
  }

  @Test
  void completionCountsDueSlotsAndTheOverServicingRepIsNamed() throws Exception {
    rapport.slack().command("/relationship-report", "<@U0DEMODAN|dan> weeks=4", OTHER_MANAGER);
    String text = rapport.fake().awaitResponses(1).get(0).toString();
    // Dan: 5 key accounts x 4 weeks = 20 due, 3 missing (Westbrook twice, Sunridge once).
    assertThat(text).contains("Check-in completion:* 85% (17 of 20 due check-ins)");
    assertThat(text).contains("Reps over-servicing existing accounts").contains("<@U0DEMODAN> — ");
  }

  @Test
  void amountsInAFlagsEvidenceCarryTheWorkspacesCurrency() throws Exception {
    rapport.rapport().flags().service().judgeWorkspace(WS);

    FakeSlack.Call flag = rapport.fake().awaitCall("chat.postMessage",
        c -> (c.params() + " " + c.json()).contains("Riverbend Vineyards"));

    assertThat(flag.params() + " " + flag.json()).contains("from EUR 45,000 in the 6 weeks before to EUR 0 since");
  }

  @Test
  void aRepIsRefusedPolitelyAndToldWhoCanRunIt() throws Exception {
    rapport.slack().command("/relationship-report", "", "U0DEMOAVA");
    String text = rapport.fake().awaitResponses(1).get(0).path("text").asText();
    assertThat(text).contains("for team managers").contains("<@" + MANAGER + ">").contains("<@UADMIN01>");
    assertThat(rapport.fake().calls("files.completeUploadExternal")).isEmpty();
  }

  @Test
  void aManagerCannotReportOnAnotherManagersTeam() throws Exception {
    rapport.slack().command("/relationship-report", "account Oakfield", MANAGER);
    String text = rapport.fake().awaitResponses(1).get(0).path("text").asText();
    assertThat(text).isEqualTo(io.rapport.team.NotAllowed.NOT_YOURS);
    rapport.slack().command("/relationship-report", "team field sales w", MANAGER);
    text = rapport.fake().awaitResponses(2).get(1).path("text").asText();
    // The same answer as for a team nobody has: no owner, no manager, no list of teams.
    assertThat(text).isEqualTo(io.rapport.team.NotAllowed.NOT_YOURS).doesNotContain(OTHER_MANAGER);
    rapport.slack().command("/relationship-report", "team No Such Team", MANAGER);
    assertThat(rapport.fake().awaitResponses(3).get(2).path("text").asText()).isEqualTo(text);
  }

  @Test
  void badArgumentsGetTheUsageAtOnce() throws Exception {
    HttpResponse<String> ack = rapport.slack().command("/relationship-report", "weeks=99", MANAGER);
    assertThat(JSON.readTree(ack.body()).path("text").asText()).contains("from 1 to 26").contains("Usage");
    ack = rapport.slack().command("/relationship-report", "region north", MANAGER);
    assertThat(JSON.readTree(ack.body()).path("text").asText()).contains("don't know \"region\"");
  }

  @Test
  void downloadCsvUploadsOneRowPerAccountToTheDm() throws Exception {
    rapport.slack().blockAction(MANAGER, "report.csv", "team:t-east:8", null);
    FakeSlack.Call upload = rapport.fake().awaitCall("files.completeUploadExternal",
        c -> "DUMGR01".equals(c.param("channel_id")) && c.param("files").contains("Relationship report"));
    String fileId = upload.jsonParam("files").get(0).path("id").asText();
    String csv = new String(rapport.fake().uploads().get(fileId).bytes(), StandardCharsets.UTF_8);
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
      it.forEachRemaining(rows::add);
    }
    assertThat(rows).hasSize(18); // Ava 6, Ben 6, Chloé 6
    Map<String, String> megamart = rows.stream().filter(r -> r.get("account_id").equals("megamart")).findFirst().orElseThrow();
    assertThat(megamart.get("findings")).contains("Terms dictated (warning)").doesNotContain("TERMS_DICTATED");
    assertThat(megamart.get("rep_slack_id")).isEqualTo("U0DEMOCHLOE");
    assertThat(megamart.get("rep")).isNotEmpty();
    assertThat(megamart.get("band")).isEqualTo("at risk");
    assertThat(megamart.get("last_checkin")).isEqualTo(IsoWeek.of(LocalDate.now(ZoneOffset.UTC)).monday().toString());
    assertThat(megamart.get("max_payment_days")).isEqualTo("75");
    assertThat(rapport.fake().awaitResponses(1).get(0).path("text").asText()).contains("CSV is in your direct messages");
  }

  @Test
  void shareToChannelPostsTheReportAndChartForTheTeam() throws Exception {
    rapport.slack().blockAction(MANAGER, "report.share", "team:t-east:8", null);
    FakeSlack.Call post = rapport.fake().awaitCall("chat.postMessage", c -> CHANNEL.equals(c.param("channel")));
    assertThat(post.param("blocks")).contains("Field Sales East").doesNotContain("report.share");
    rapport.fake().awaitCall("files.completeUploadExternal", c -> CHANNEL.equals(c.param("channel_id")));
    assertThat(rapport.fake().awaitResponses(1).get(0).path("text").asText()).contains("Shared the report");
  }

  @Test
  void shareOfAReportOverSeveralTeamsAsksWhichTeamInAModal() throws Exception {
    rapport.rapport().foundation().store().teams().setManager(WS, "t-west", MANAGER);
    try {
      rapport.slack().blockAction(MANAGER, "report.share", "default::8", null);
      FakeSlack.Call open = rapport.fake().awaitCall("views.open");
      JsonNode view = open.jsonParam("view");
      assertThat(view.path("callback_id").asText()).isEqualTo("report.share_team");
      assertThat(view.toString()).contains("Field Sales East").contains("Field Sales West");
      ObjectNode values = JSON.createObjectNode();
      values.putObject("report.share_team.block").putObject("report.share_team.choice")
          .put("type", "static_select").putObject("selected_option").put("value", "t-west")
          .putObject("text").put("type", "plain_text").put("text", "Field Sales West");
      HttpResponse<String> ack = rapport.slack().viewSubmission(MANAGER, "report.share_team", "V123",
          view.path("private_metadata").asText(), values);
      assertThat(ack.statusCode()).isEqualTo(200);
      FakeSlack.Call post = rapport.fake().awaitCall("chat.postMessage", c -> OTHER_CHANNEL.equals(c.param("channel")));
      // Dan's accounts show over-servicing only, a coaching finding: the channel sees them healthy.
      assertThat(post.param("blocks")).contains("Team Field Sales West").contains("Healthy *5*")
          .doesNotContain("Oakfield").doesNotContain("Over-servicing");
    } finally {
      rapport.rapport().foundation().store().teams().setManager(WS, "t-west", OTHER_MANAGER);
    }
  }

  @Test
  void anotherWorkspaceIsRefusedAndSeesNothingOfThisOne() throws Exception {
    HttpResponse<String> r = rapport.slack().command("T0OTHER", "/relationship-report", "team east", MANAGER);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("text").asText()).contains("another Slack workspace")
        .doesNotContain("Field Sales");
    assertThat(rapport.fake().calls()).isEmpty();
    assertThat(rapport.fake().responses()).isEmpty();
  }

  @Test
  void onceFlagsArePostedTheReportCountsOpenFlagsByPattern() throws Exception {
    String ws = "T0FLAGS";
    try (RapportUnderTest rapport = RapportUnderTest.start(Map.of(RapportUnderTest.WORKSPACE, ws),
        new MutableClock(Instant.now()))) {
      Store store = rapport.rapport().foundation().store();
      long now = rapport.clock().millis();
      IsoWeek current = IsoWeek.of(LocalDate.now(ZoneOffset.UTC));
      new DatabaseImport(store).run(ws, new ByteArrayInputStream(demoEndingIn(current)), now);
      store.teams().insert(ws, "f", "Flagged", "flagged", 1, "00:00", now);
      store.teams().addMember(ws, "f", "U0DEMOCHLOE", now);
      store.jdbi().useHandle(h -> {
        h.execute("INSERT INTO flags (workspace_id, id, account_id, pattern, severity, evidence, tip, opened_at)"
            + " VALUES (?, 'f1', 'megamart', 'TERMS_DICTATED', 'warning', '[]', 'tip', ?)", ws, now);
        h.execute("INSERT INTO flags (workspace_id, id, account_id, pattern, severity, evidence, tip, opened_at, closed_at)"
            + " VALUES (?, 'f2', 'kessler-logistics', 'ABUSIVE', 'warning', '[]', 'tip', ?, ?)", ws, now, now);
      });
      rapport.slack().command(ws, "/relationship-report", "team flagged", RapportUnderTest.ADMIN);
      String text = rapport.fake().awaitResponses(1).get(0).toString();
      assertThat(text).contains("*Open flags by pattern*").contains("Terms dictated — 1 (1 warning)")
          .doesNotContain("Abusive client —"); // closed flags do not count
    }
  }

  /** Block Kit limits: 50 blocks, 3,000 characters per section, 150 per header, 25 actions. */
  static void assertBlockKitLimits(JsonNode blocks) {
    assertThat(blocks.size()).isBetween(1, 50);
    for (JsonNode b : blocks) {
      if (b.path("type").asText().equals("section")) {
        assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
      }
      if (b.path("type").asText().equals("header")) {
        assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(150);
      }
    }
    assertThat(blocks.toString().length()).isLessThan(13_000);
  }
}
