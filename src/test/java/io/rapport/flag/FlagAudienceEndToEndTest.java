package io.rapport.flag;

import static io.rapport.flag.FlagScenario.ACCOUNT;
import static io.rapport.flag.FlagScenario.ADMIN;
import static io.rapport.flag.FlagScenario.CHANNEL;
import static io.rapport.flag.FlagScenario.MANAGER;
import static io.rapport.flag.FlagScenario.REP;
import static io.rapport.flag.FlagScenario.STRANGER;
import static io.rapport.flag.FlagScenario.TEAM;
import static io.rapport.flag.FlagScenario.WS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagStatus;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.views.CheckInModal;
import io.rapport.slack.views.FlagMessages;
import io.rapport.testing.FakeSlack.Call;
import io.rapport.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who sees which flag, end to end: check-ins submitted through the check-in modal (signed HTTP),
 * flags delivered to the fake Slack, buttons and commands pressed through signed HTTP, on SQLite
 * and PostgreSQL.
 */
class FlagAudienceEndToEndTest {
  /** The rep's group DM with their manager, as the fake Slack names it. */
  static final String COACHING = "G" + REP + "_" + MANAGER;
  static final String MANAGER_DM = "D" + MANAGER;
  static final String PHRASE = "Zebra-marmalade 42: I am on sick leave";

  static List<org.junit.jupiter.api.Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void quotaPressureAndDeepDiscountsForWeeksNeverReachTheChannel(TestDatabases.Kind kind) throws Exception {
    try (FlagScenario s = start(kind)) {
      for (int back = 4; back >= 0; back--) {
        checkIn(s, s.week().minusWeeks(back), v -> {
          signals(v, "quotaPressure", "freebies");
          number(v, CheckInModal.DISCOUNT, "30");
        });
      }
      s.rapport.rapport().flags().sweep();

      List<Flag> open = s.openFlags();
      assertThat(open).extracting(Flag::pattern).contains("QUOTA_PRESSURE", "WORKING_FOR_THE_CLIENT");
      assertThat(open).allSatisfy(f -> assertThat(f.audience()).isEqualTo("coaching"));
      assertThat(channelCalls(s, CHANNEL)).isEmpty();
      assertThat(s.fake().calls("conversations.open")).anySatisfy(
          c -> assertThat(c.param("users")).isEqualTo(REP + "," + MANAGER));
      List<Call> privately = s.posts(COACHING);
      assertThat(privately).hasSize(open.size());
      String quota = privately.stream().map(c -> c.jsonParam("blocks").toString())
          .filter(b -> b.contains("Quota pressure"))
          .findFirst().orElseThrow();
      assertThat(quota).contains("flag.acknowledge", "flag.plan", "flag.false_alarm", "flag.resolve",
          "flag.show_notes", "Private to <@" + REP + ">");
      // Fresh evidence a week later goes to the private thread, still nothing to the channel.
      s.advanceWeeks(1);
      checkIn(s, s.week(), v -> {
        signals(v, "quotaPressure");
        number(v, CheckInModal.DISCOUNT, "40");
      });
      assertThat(s.fake().calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") != null))
          .isNotEmpty().allSatisfy(c -> assertThat(c.param("channel")).isEqualTo(COACHING));
      assertThat(channelCalls(s, CHANNEL)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aClientPayingLateOnThirtyDayTermsStillGetsAChannelPostWithEvidenceAndButtons(TestDatabases.Kind kind)
      throws Exception {
    try (FlagScenario s = start(kind)) {
      int[] days = {65, 70, 75};
      for (int i = 0; i < days.length; i++) {
        int d = days[i];
        checkIn(s, s.week().minusWeeks(days.length - 1 - i), v -> number(v, CheckInModal.PAYMENT_DAYS, "" + d));
      }
      Flag flag = s.onlyOpenFlag();
      assertThat(flag.pattern()).isEqualTo("TERMS_DICTATED");
      assertThat(flag.audience()).isEqualTo("team");
      List<Call> posts = s.posts(CHANNEL);
      assertThat(posts).hasSize(1);
      assertThat(posts.get(0).jsonParam("blocks").toString()).contains("65–70 days after a 30-day term")
          .contains("Acme Retail")
          .contains("account owner <@" + REP + ">")
          .contains("flag.acknowledge", "flag.plan", "flag.false_alarm", "flag.resolve", "flag.show_notes")
          .doesNotContain("Private to");
      assertThat(s.posts(COACHING)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aPhraseInTheNotesNeverReachesAnyChannelButTheManagerCanReadIt(TestDatabases.Kind kind) throws Exception {
    try (FlagScenario s = start(kind)) {
      for (int back = 3; back >= 0; back--) {
        checkIn(s, s.week().minusWeeks(back), v -> {
          number(v, CheckInModal.PAYMENT_DAYS, "72");
          signals(v, "billingDispute", "quotaPressure");
          text(v, CheckInModal.NOTE, PHRASE + " — week note");
        });
      }
      s.advanceWeeks(1);
      checkIn(s, s.week(), v -> {
        number(v, CheckInModal.PAYMENT_DAYS, "80");
        signals(v, "billingDispute");
        text(v, CheckInModal.NOTE, "Again: " + PHRASE);
      });
      s.rapport.rapport().flags().sweep();
      // The report shared to the team's channel, and its CSV.
      s.rapport.slack().blockAction(MANAGER, "report.share", "team:" + TEAM + ":8", null);
      s.rapport.slack().blockAction(MANAGER, "report.csv", "team:" + TEAM + ":8", null);
      s.idle();

      Flag terms = s.openFlags().stream().filter(f -> f.pattern().equals("TERMS_DICTATED")).findFirst().orElseThrow();
      Flag exploitative = s.openFlags().stream().filter(f -> f.pattern().equals("EXPLOITATIVE")).findFirst()
          .orElseThrow();
      assertThat(terms.channelId()).isEqualTo(CHANNEL);
      assertThat(exploitative.audience()).isEqualTo("manager");
      assertThat(exploitative.channelId()).isEqualTo(MANAGER_DM);
      assertThat(s.posts(MANAGER_DM).stream().map(c -> c.jsonParam("blocks").toString()))
          .anySatisfy(b -> assertThat(b).contains("the rep's notes describe it"));
      assertThat(channelCalls(s, CHANNEL)).extracting(Call::method).contains("chat.postMessage");
      assertThat(s.fake().calls("files.completeUploadExternal")).isNotEmpty();
      // Not in any Web API call at all (channel posts, thread replies, updates, uploads, shares,
      // DMs), nor in any uploaded file.
      for (Call c : s.fake().calls()) {
        assertThat(c.params().toString() + c.json()).as(c.method()).doesNotContain("Zebra-marmalade");
      }
      s.fake().uploads().values().forEach(u ->
          assertThat(new String(u.bytes(), StandardCharsets.UTF_8)).doesNotContain("Zebra-marmalade"));
      String sharedReport = channelCalls(s, CHANNEL).stream().filter(c -> c.param("thread_ts") == null)
          .map(c -> c.param("blocks")).filter(b -> b != null && !b.contains("flag.")).findFirst().orElseThrow();
      assertThat(sharedReport).contains("Acme Retail");
      assertThat(sharedReport).doesNotContain("Quota pressure").doesNotContain("Exploitative");

      // On request: the manager and the rep read the notes; a stranger is refused and reads nothing.
      s.fake().reset();
      assertThat(showNotes(s, MANAGER, terms)).contains("Zebra-marmalade 42").contains("only you can see this");
      assertThat(showNotes(s, REP, terms)).contains("Zebra-marmalade 42");
      assertThat(showNotes(s, ADMIN, exploitative)).contains("Zebra-marmalade 42");
      assertThat(showNotes(s, STRANGER, terms)).doesNotContain("Zebra")
          .contains(io.rapport.team.NotAllowed.NOT_YOURS).doesNotContain(REP);
      assertThat(s.fake().calls("chat.postMessage")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theRepsFalseAlarmOnTheirOwnCoachingFlagIsRefusedAndTheManagersIsAccepted(TestDatabases.Kind kind)
      throws Exception {
    try (FlagScenario s = start(kind)) {
      for (int back = 2; back >= 0; back--) {
        checkIn(s, s.week().minusWeeks(back), v -> signals(v, "quotaPressure"));
      }
      Flag flag = s.onlyOpenFlag();
      assertThat(flag.pattern()).isEqualTo("QUOTA_PRESSURE");
      int modals = s.fake().calls("views.open").size();

      s.press(REP, FlagMessages.FALSE_ALARM, flag.id());
      assertThat(lastAnswer(s)).contains("only the team's manager or a Rapport admin can close this flag")
          .contains("Nothing was changed");
      s.press(REP, FlagMessages.RESOLVE, flag.id());
      assertThat(lastAnswer(s)).contains("only the team's manager or a Rapport admin can close this flag");
      s.submit(REP, FlagMessages.FALSE_ALARM, "VREPFA01", flag.id(), FlagScenario.reasonValues("not true"));
      assertThat(s.fake().calls("views.open")).hasSize(modals);
      Flag after = s.flag(flag.id());
      assertThat(after.isOpen()).isTrue();
      assertThat(after.revision()).isEqualTo(flag.revision());
      assertThat(s.flags().falseAlarms(WS)).isEmpty();

      // The rep may still acknowledge it and plan.
      s.press(REP, FlagMessages.ACKNOWLEDGE, flag.id());
      assertThat(s.flag(flag.id()).acknowledgedBy()).isEqualTo(REP);
      s.press(REP, FlagMessages.PLAN, flag.id());
      assertThat(s.fake().calls("views.open")).hasSize(modals + 1);

      s.press(MANAGER, FlagMessages.FALSE_ALARM, flag.id());
      assertThat(s.fake().calls("views.open")).hasSize(modals + 2);
      s.submit(MANAGER, FlagMessages.FALSE_ALARM, "VMGRFA01", flag.id(), FlagScenario.reasonValues("agreed plan"));
      assertThat(s.flag(flag.id()).status()).isEqualTo(FlagStatus.FALSE_ALARM);
      assertThat(s.flag(flag.id()).closedBy()).isEqualTo(MANAGER);
      assertThat(channelCalls(s, CHANNEL)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anAdminMovesAPatternBetweenTeamAndCoachingAndOthersAreRefused(TestDatabases.Kind kind) throws Exception {
    try (FlagScenario s = start(kind)) {
      assertThat(command(s, MANAGER, "team \"Enterprise East\" flags team QUOTA_PRESSURE"))
          .contains("admin").doesNotContain("now go");
      assertThat(command(s, ADMIN, "team \"Enterprise East\" flags channel QUOTA_PRESSURE"))
          .contains("Usage:").contains("flags team|coaching PATTERN");
      assertThat(command(s, ADMIN, "team \"Enterprise East\" flags team QUOTA_PRESURE"))
          .contains("is not a pattern").contains("Usage:");
      assertThat(s.rapport.rapport().flags().service().audiences().choicesOf(s.store().teams().find(WS, TEAM))).isEmpty();

      assertThat(command(s, ADMIN, "team \"Enterprise East\" flags team quota_pressure"))
          .contains("Quota pressure").contains("now go the team's channel");
      assertThat(command(s, ADMIN, "team \"Enterprise East\" flags coaching TERMS_DICTATED"))
          .contains("now go privately to the rep and the team's manager");
      assertThat(command(s, ADMIN, "team \"Enterprise East\" policy show"))
          .contains("Who sees the flags").contains("`QUOTA_PRESSURE` :pencil2: (default: coaching)")
          .contains("`TERMS_DICTATED` :pencil2: (default: team)");

      for (int back = 2; back >= 0; back--) {
        checkIn(s, s.week().minusWeeks(back), v -> {
          signals(v, "quotaPressure");
          number(v, CheckInModal.PAYMENT_DAYS, "70");
        });
      }
      Flag quota = s.openFlags().stream().filter(f -> f.pattern().equals("QUOTA_PRESSURE")).findFirst().orElseThrow();
      Flag terms = s.openFlags().stream().filter(f -> f.pattern().equals("TERMS_DICTATED")).findFirst().orElseThrow();
      assertThat(quota.audience()).isEqualTo("team");
      assertThat(quota.channelId()).isEqualTo(CHANNEL);
      assertThat(terms.audience()).isEqualTo("coaching");
      assertThat(terms.channelId()).isEqualTo(COACHING);

      // Back to the default: forgotten, and listed as default again.
      assertThat(command(s, ADMIN, "team \"Enterprise East\" flags coaching QUOTA_PRESSURE")).contains("now go");
      assertThat(s.rapport.rapport().flags().service().audiences().choicesOf(s.store().teams().find(WS, TEAM)))
          .containsOnlyKeys(io.rapport.insight.Pattern.TERMS_DICTATED);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anOpenCoachingFlagPostedInTheChannelBeforeV45StaysThereAndContinuesPrivately(TestDatabases.Kind kind)
      throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rapport-v44");
    String url = TestDatabases.freshUrl(kind, dir);
    org.flywaydb.core.Flyway.configure().dataSource(url, null, null)
        .locations("classpath:db/migration/common",
            "classpath:db/migration/" + (kind == TestDatabases.Kind.SQLITE ? "sqlite" : "postgresql"))
        .failOnMissingLocations(false).target(lastVersionBefore45()).load().migrate();
    java.time.Instant start = FlagScenario.nextWednesdayMorning();
    IsoWeek week = IsoWeek.of(start.atZone(java.time.ZoneOffset.UTC).toLocalDate());
    long t = start.toEpochMilli();
    String oldTs = "1690000000.000100";
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
      exec(c, "INSERT INTO workspaces (id, created_at) VALUES (?, ?)", WS, t);
      exec(c, "INSERT INTO teams (workspace_id, id, name, name_key, manager_id, channel_id, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)", WS, TEAM, "Enterprise East", io.rapport.domain.Names.key("Enterprise East"),
          MANAGER, CHANNEL, t);
      exec(c, "INSERT INTO team_members (workspace_id, team_id, user_id, added_at) VALUES (?, ?, ?, ?)", WS, TEAM, REP, t);
      exec(c, "INSERT INTO accounts (workspace_id, id, name, name_key, rep_id, created_at, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)", WS, ACCOUNT, "Acme Retail", io.rapport.domain.Names.key("Acme Retail"),
          REP, t, t);
      for (int back = 2; back >= 0; back--) {
        exec(c, "INSERT INTO checkins (workspace_id, account_id, week, rep_id, quota_pressure, payment_days,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", WS, ACCOUNT, week.minusWeeks(back).toString(),
            REP, Boolean.TRUE, 70, t, t);
      }
      String flagSql = "INSERT INTO flags (workspace_id, id, account_id, pattern, severity, status, evidence, tip,"
          + " channel_id, message_ts, opened_at, rep_id, team_id, post_status, first_week, last_seen_week,"
          + " evidence_week, updated_at) VALUES (?, ?, ?, ?, 'watch', 'open', ?, 'tip', ?, ?, ?, ?, ?, 'posted',"
          + " ?, ?, ?, ?)";
      exec(c, flagSql, WS, "f-quota", ACCOUNT, "QUOTA_PRESSURE", "[\"quota pressure reported in 3 weeks\"]",
          CHANNEL, oldTs, t, REP, TEAM, week.toString(), week.toString(), week.toString(), t);
      exec(c, flagSql, WS, "f-terms", ACCOUNT, "TERMS_DICTATED", "[\"paid in 70 days\"]",
          CHANNEL, "1690000000.000200", t, REP, TEAM, week.toString(), week.toString(), week.toString(), t);
    }
    io.rapport.testing.RapportUnderTest rapport = io.rapport.testing.RapportUnderTest.start(
        java.util.Map.of(io.rapport.config.Config.DATABASE_URL, url), new io.rapport.testing.MutableClock(start));
    try (FlagScenario s = FlagScenario.on(rapport)) {
      Flag moved = s.flag("f-quota");
      assertThat(moved.audience()).isEqualTo("coaching");
      assertThat(moved.movedFromChannelId()).isEqualTo(CHANNEL);
      assertThat(moved.movedFromTs()).isEqualTo(oldTs);
      assertThat(s.flag("f-terms").audience()).isEqualTo("team");

      s.rapport.rapport().flags().sweep();

      List<Call> inOldThread = s.replies(oldTs);
      assertThat(inOldThread).singleElement().satisfies(c -> {
        assertThat(c.param("channel")).isEqualTo(CHANNEL);
        assertThat(c.param("text")).isEqualTo(FlagMessages.movedNote());
      });
      assertThat(s.posts(CHANNEL)).isEmpty();
      assertThat(s.updates(oldTs)).isEmpty();
      Flag now = s.flag("f-quota");
      assertThat(now.channelId()).isEqualTo(COACHING);
      assertThat(s.posts(COACHING)).singleElement().satisfies(c ->
          assertThat(c.jsonParam("blocks").toString()).contains("Quota pressure", "flag.false_alarm"));
      assertThat(s.flag("f-terms").channelId()).isEqualTo(CHANNEL);

      // Further updates go privately: fresh evidence a week later lands in the private thread.
      s.advanceWeeks(1);
      s.store().checkIns().upsert(WS, io.rapport.domain.CheckIn.builder(ACCOUNT, s.week()).rep(REP)
          .quotaPressure(true).discountPct(20.0).build(), s.now());
      s.checkedIn();
      assertThat(s.replies(now.messageTs())).isNotEmpty()
          .allSatisfy(c -> assertThat(c.param("channel")).isEqualTo(COACHING));
      assertThat(s.replies(oldTs)).hasSize(1);
      assertThat(channelCalls(s, CHANNEL).stream().filter(c -> !"1690000000.000200".equals(c.param("thread_ts"))
          && !"1690000000.000200".equals(c.param("ts")))).hasSize(1);
    }
  }

  /** The newest migration before V45 (Flyway's target must name one that exists). */
  private static String lastVersionBefore45() throws Exception {
    java.nio.file.Path common = java.nio.file.Paths.get(
        FlagAudienceEndToEndTest.class.getResource("/db/migration/common").toURI());
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(common)) {
      return Integer.toString(files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .filter(v -> v < 45).max().orElseThrow());
    }
  }

  private static void exec(java.sql.Connection c, String sql, Object... args) throws java.sql.SQLException {
    try (java.sql.PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      st.executeUpdate();
    }
  }

  // ------------------------------------------------------------------ helpers

  static FlagScenario start(TestDatabases.Kind kind) throws Exception {
    FlagScenario s = FlagScenario.start(true, kind);
    s.fake().userTimeZone(REP, "Etc/UTC");
    return s;
  }

  /** Every chat.postMessage, chat.update or file share into {@code channel}. */
  static List<Call> channelCalls(FlagScenario s, String channel) {
    return s.fake().calls().stream().filter(c -> channel.equals(c.param("channel"))
        || (c.json() != null && c.json().toString().contains(channel))
        || (c.param("channel_id") != null && c.param("channel_id").equals(channel))
        || (c.param("channels") != null && c.param("channels").contains(channel))).toList();
  }

  /** Submits the check-in modal for {@code week} through signed HTTP and waits for the work after the ack. */
  static void checkIn(FlagScenario s, IsoWeek week, Consumer<ObjectNode> fields) throws Exception {
    IsoWeek now = s.week();
    String metadata = new CheckInModal.Metadata(ACCOUNT,
        List.of(now, now.minusWeeks(1), now.minusWeeks(2), now.minusWeeks(3), now.minusWeeks(4))).toJson();
    ObjectNode values = FlagScenario.JSON.createObjectNode();
    ObjectNode w = values.putObject(CheckInModal.WEEK).putObject("value").put("type", "static_select");
    w.putObject("selected_option").put("value", week.toString()).putObject("text").put("type", "plain_text")
        .put("text", week.toString());
    fields.accept(values);
    int status = s.rapport.slack().viewSubmission(REP, CheckInModal.CALLBACK_ID, "VCHK" + week + "-" + System.nanoTime(),
        metadata, values).statusCode();
    assertThat(status).isEqualTo(200);
    s.idle();
    assertThat(s.store().checkIns().find(WS, ACCOUNT, week.toString())).isPresent();
  }

  static void number(ObjectNode values, String block, String value) {
    values.putObject(block).putObject("value").put("type", "number_input").put("value", value);
  }

  static void text(ObjectNode values, String block, String value) {
    values.putObject(block).putObject("value").put("type", "plain_text_input").put("value", value);
  }

  static void signals(ObjectNode values, String... ticked) {
    ArrayNode options = values.putObject(CheckInModal.EVENTS).putObject("value").put("type", "checkboxes")
        .putArray("selected_options");
    for (String t : ticked) {
      options.addObject().put("value", t).putObject("text").put("type", "plain_text").put("text", t);
    }
  }

  /** Presses "Show notes" and returns what came back to the presser alone (response_url). */
  static String showNotes(FlagScenario s, String user, Flag flag) throws Exception {
    int before = s.fake().responses().size();
    s.press(user, FlagMessages.SHOW_NOTES, flag.id());
    List<JsonNode> answers = s.fake().awaitResponses(before + 1);
    JsonNode answer = answers.get(answers.size() - 1);
    assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
    return answer.toString();
  }

  static String lastAnswer(FlagScenario s) {
    List<JsonNode> answers = s.fake().responses();
    assertThat(answers).isNotEmpty();
    JsonNode a = answers.get(answers.size() - 1);
    assertThat(a.path("response_type").asText()).isEqualTo("ephemeral");
    return a.path("text").asText();
  }

  /** Runs {@code /relationship-admin TEXT} as {@code user} and returns the answer. */
  static String command(FlagScenario s, String user, String text) throws Exception {
    int before = s.fake().responses().size();
    String body = s.rapport.slack().command("/relationship-admin", text, user).body();
    s.idle();
    List<JsonNode> answers = s.fake().responses();
    return body + answers.subList(before, answers.size());
  }
}
