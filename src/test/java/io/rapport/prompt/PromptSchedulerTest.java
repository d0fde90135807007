package io.rapport.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import io.rapport.domain.WeeklySchedule;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When prompts go, what they say, and that each goes once — with a fixed clock, never sleeping. */
class PromptSchedulerTest {
  static final WeeklySchedule FRIDAY_3PM = WeeklySchedule.parse("fri", "15:00");
  /** Friday 20 Nov 2026 is in ISO week 2026-W47. */
  static final IsoWeek W47 = IsoWeek.parse("2026-W47");

  FakeSlack fake;
  MutableClock clock;
  PromptRig rig;
  Path dir;

  @BeforeEach
  void setUp() throws Exception {
    fake = new FakeSlack();
    clock = MutableClock.at("2026-11-16T09:00:00Z");
    dir = Files.createTempDirectory("prompts");
    rig = new PromptRig(fake, clock, dir.resolve("rapport.db"), "instance-a");
  }

  @AfterEach
  void tearDown() throws Exception {
    rig.close();
    fake.close();
  }

  @Test
  void eachRepIsPromptedAtThreeInTheAfternoonInTheirOwnTimeZone() throws Exception {
    fake.userTimeZone("USYD", "Australia/Sydney").userTimeZone("ULON", "Europe/London");
    rig.team("Global", FRIDAY_3PM, List.of("USYD", "ULON"), 2);

    clock.set(Instant.parse("2026-11-20T03:59:00Z")); // 14:59 in Sydney (AEDT, UTC+11)
    rig.run();
    assertThat(fake.calls("chat.postMessage")).isEmpty();

    clock.set(Instant.parse("2026-11-20T04:00:00Z")); // 15:00 in Sydney, 04:00 in London
    rig.run();
    assertThat(rig.postsTo("USYD")).hasSize(1);
    assertThat(rig.postsTo("ULON")).isEmpty();

    clock.set(Instant.parse("2026-11-20T15:00:00Z")); // 15:00 in London
    rig.run();
    rig.run();
    assertThat(rig.postsTo("USYD")).hasSize(1);
    assertThat(rig.postsTo("ULON")).hasSize(1);
  }

  @Test
  void theSlotFollowsDaylightSavingTime() {
    ZoneId newYork = ZoneId.of("America/New_York");
    // DST starts in the US on Sunday 8 March 2026: the same 15:00 is 20:00 UTC before, 19:00 after.
    assertThat(PromptScheduler.slot(FRIDAY_3PM, IsoWeek.parse("2026-W10"), newYork).toInstant())
        .isEqualTo(Instant.parse("2026-03-06T20:00:00Z"));
    assertThat(PromptScheduler.slot(FRIDAY_3PM, IsoWeek.parse("2026-W11"), newYork).toInstant())
        .isEqualTo(Instant.parse("2026-03-13T19:00:00Z"));
    // A slot inside the spring-forward gap (02:30 on 8 March does not exist) still happens, once.
    WeeklySchedule sunday0230 = WeeklySchedule.parse("sun", "02:30");
    assertThat(PromptScheduler.slot(sunday0230, IsoWeek.parse("2026-W10"), newYork).toInstant())
        .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
  }

  @Test
  void aRepAfterTheSpringChangeIsPromptedAtTheNewOffset() throws Exception {
    fake.userTimeZone("UNYC", "America/New_York");
    rig.team("East", FRIDAY_3PM, List.of("UNYC"), 1);
    clock.set(Instant.parse("2026-03-13T18:59:00Z")); // 14:59 EDT
    rig.run();
    assertThat(rig.postsTo("UNYC")).isEmpty();
    clock.set(Instant.parse("2026-03-13T19:00:00Z")); // 15:00 EDT (it would be 14:00 on EST)
    rig.run();
    assertThat(rig.postsTo("UNYC")).hasSize(1);
  }

  @Test
  void aRepWhoMovedTimeZoneIsPromptedInTheNewOne() throws Exception {
    fake.userTimeZone("UMOVE", "Europe/London");
    rig.team("Movers", FRIDAY_3PM, List.of("UMOVE"), 1);
    clock.set(Instant.parse("2026-11-18T10:00:00Z")); // Wednesday: the zone is looked up and cached
    rig.run();
    assertThat(rig.store.users().timeZone(PromptRig.WS, "UMOVE").orElseThrow().tz()).isEqualTo("Europe/London");

    fake.userTimeZone("UMOVE", "Australia/Sydney"); // moved to Sydney
    clock.set(Instant.parse("2026-11-20T04:00:00Z")); // Friday 15:00 in Sydney, two days later
    rig.run();
    assertThat(rig.postsTo("UMOVE")).hasSize(1);
    assertThat(rig.store.users().timeZone(PromptRig.WS, "UMOVE").orElseThrow().tz()).isEqualTo("Australia/Sydney");
  }

  @Test
  void thePromptListsDueKeyAccountsWithButtonsAndNeverStandardOnes() throws Exception {
    rig.team("Sales", FRIDAY_3PM, List.of("UREP1"), 0);
    rig.account("UREP1", "acme", "Acme & Sons <Pty>", Tier.KEY);
    rig.account("UREP1", "bolt", "Bolt Retail", Tier.KEY);
    rig.account("UREP1", "corner", "Corner Shop", Tier.STANDARD);
    rig.account("UREP1", "done", "Done Already", Tier.KEY);
    rig.store.checkIns().markNothingToReport(PromptRig.WS, "done", "UREP1", "2026-W47", clock.millis());

    clock.set(Instant.parse("2026-11-20T15:00:00Z"));
    rig.run();

    FakeSlack.Call post = rig.postsTo("UREP1").get(0);
    JsonNode blocks = post.jsonParam("blocks");
    List<String> checkInValues = new ArrayList<>();
    List<String> actionIds = new ArrayList<>();
    for (JsonNode block : blocks) {
      if (block.path("accessory").path("action_id").asText().equals("checkin.open")) {
        checkInValues.add(block.path("accessory").path("value").asText());
      }
      for (JsonNode element : block.path("elements")) {
        if (element.has("action_id")) {
          actionIds.add(element.path("action_id").asText() + "=" + element.path("value").asText());
        }
      }
    }
    assertThat(checkInValues).containsExactly("acme", "bolt");
    assertThat(actionIds).containsExactly("prompt.nothing_to_report=2026-W47", "prompt.snooze=2026-W47",
        "away.this_week=2026-W47");
    assertThat(blocks.toString()).contains("Acme &amp; Sons &lt;Pty&gt;").doesNotContain("Corner Shop");
    JsonNode metadata = post.jsonParam("metadata");
    // The outbox's key rides on the message, so the prompt can be found again after a crash.
    assertThat(metadata.path("event_type").asText()).isEqualTo("rapport_message");
    assertThat(metadata.path("event_payload").path("key").asText())
        .isEqualTo("prompt:" + PromptRig.WS + ":UREP1:2026-W47:weekly");
    PromptRow row = rig.store.prompts().find(PromptRig.WS, "UREP1", "2026-W47", "weekly").orElseThrow();
    assertThat(row.status()).isEqualTo("sent");
    assertThat(row.messageTs()).isNotBlank();
    assertThat(row.channelId()).isEqualTo("DUREP1");
    assertThat(row.accountIds()).isEqualTo("acme,bolt");
  }

  @Test
  void aRepWithNothingDueGetsNoMessage() throws Exception {
    rig.team("Quiet", FRIDAY_3PM, List.of("UQUIET", "UNONE"), 0);
    rig.account("UQUIET", "q1", "Quiet One", Tier.KEY);
    rig.store.checkIns().markNothingToReport(PromptRig.WS, "q1", "UQUIET", "2026-W47", clock.millis());
    rig.account("UNONE", "s1", "Standard Only", Tier.STANDARD);
    clock.set(Instant.parse("2026-11-20T15:00:00Z"));
    rig.run();
    assertThat(fake.calls("chat.postMessage")).isEmpty();
    assertThat(fake.calls("conversations.open")).isEmpty();
  }

  @Test
  void aPausedTeamGetsNoPromptsUntilResumed() throws Exception {
    String team = rig.team("Paused", FRIDAY_3PM, List.of("UP1"), 1);
    rig.store.teams().setPaused(PromptRig.WS, team, true);
    clock.set(Instant.parse("2026-11-20T15:00:00Z"));
    rig.run();
    assertThat(fake.calls("chat.postMessage")).isEmpty();
    rig.store.teams().setPaused(PromptRig.WS, team, false);
    rig.run();
    assertThat(rig.postsTo("UP1")).hasSize(1);
  }

  @Test
  void oneReminderAfterTwentyFourHoursWhenSomethingIsStillOpenAndNeverMore() throws Exception {
    rig.team("Sales", FRIDAY_3PM, List.of("UOPEN", "UDONE"), 2);
    clock.set(Instant.parse("2026-11-20T15:00:00Z"));
    rig.run();
    rig.store.checkIns().markNothingToReport(PromptRig.WS, "udone-acct-1", "UDONE", "2026-W47", clock.millis());
    rig.store.checkIns().markNothingToReport(PromptRig.WS, "udone-acct-2", "UDONE", "2026-W47", clock.millis());

    clock.advance(Duration.ofHours(23).plusMinutes(59));
    rig.run();
    assertThat(rig.postsTo("UOPEN")).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    rig.run();
    assertThat(rig.postsTo("UOPEN")).hasSize(2);
    assertThat(rig.postsTo("UOPEN").get(1).param("text")).startsWith("Reminder");
    assertThat(rig.postsTo("UDONE")).hasSize(1);

    clock.advance(Duration.ofHours(30)); // Sunday: still W47, no second reminder
    rig.run();
    assertThat(rig.postsTo("UOPEN")).hasSize(2);
  }

  @Test
  void aPromptMissedWhileDownIsSentIfStillTheSameWeekAndNotOtherwise() throws Exception {
    rig.team("Sales", FRIDAY_3PM, List.of("UA"), 1);
    // Down all of Friday afternoon; started on Saturday: still W47, so it goes.
    clock.set(Instant.parse("2026-11-21T10:00:00Z"));
    rig.run();
    assertThat(rig.postsTo("UA")).hasSize(1);

    // A row left pending from last week (the bot was down until Monday) expires instead.
    rig.store.prompts().create(PromptRig.WS, "UA", "2026-W46", "weekly", Instant.parse("2026-11-13T15:00:00Z").toEpochMilli(),
        null, clock.millis());
    rig.run();
    assertThat(rig.postsTo("UA")).hasSize(1);
    assertThat(rig.store.prompts().find(PromptRig.WS, "UA", "2026-W46", "weekly").orElseThrow().status()).isEqualTo("expired");
  }

  @Test
  void completionOfTheWeekCountsTheKeyAccountsPromptedAndTheirAnswers() throws Exception {
    rig.team("Alpha", FRIDAY_3PM, List.of("UA1", "UA2"), 2);
    clock.set(Instant.parse("2026-11-20T15:00:00Z"));
    rig.run();
    rig.store.checkIns().markNothingToReport(PromptRig.WS, "ua1-acct-1", "UA1", "2026-W47", clock.millis());
    // The one definition of completion (io.rapport.completion), as the report and App Home count it.
    io.rapport.domain.IsoWeek w47 = io.rapport.domain.IsoWeek.parse("2026-W47");
    io.rapport.completion.Completions completions = new io.rapport.completion.Completions(rig.store);
    var completion = completions.ofAccounts(PromptRig.WS,
        completions.accountsOfReps(PromptRig.WS, List.of("UA1", "UA2"), w47), w47, w47,
        io.rapport.completion.DueSlots.CheckInTime.upTo(w47, rep -> true)).total();
    assertThat(completion.due()).isEqualTo(4);
    assertThat(completion.answered()).isEqualTo(1);
  }

  @Test
  void whenEverythingIsAnsweredThePromptSaysSoOnce() throws Exception {
    rig.team("Sales", FRIDAY_3PM, List.of("UFIN"), 2);
    clock.set(Instant.parse("2026-11-20T15:00:00Z"));
    rig.run();
    rig.store.checkIns().markNothingToReport(PromptRig.WS, "ufin-acct-1", "UFIN", "2026-W47", clock.millis());
    rig.completion.afterCheckIn(PromptRig.WS, "ufin-acct-1");
    // The message is kept current in place: one done, one still due.
    assertThat(fake.calls("chat.update")).hasSize(1);
    assertThat(fake.calls("chat.update").get(0).param("text")).contains("1 done, 1 key account still due");
    rig.store.checkIns().markNothingToReport(PromptRig.WS, "ufin-acct-2", "UFIN", "2026-W47", clock.millis());
    rig.completion.afterCheckIn(PromptRig.WS, "ufin-acct-2");
    rig.completion.afterCheckIn(PromptRig.WS, "ufin-acct-2");
    assertThat(fake.calls("chat.update")).hasSize(2);
    FakeSlack.Call update = fake.calls("chat.update").get(1);
    assertThat(update.param("ts")).isEqualTo(rig.postsTo("UFIN").get(0).param("ts") == null
        ? rig.store.prompts().find(PromptRig.WS, "UFIN", "2026-W47", "weekly").orElseThrow().messageTs()
        : update.param("ts"));
    // Friday in the rep's zone: the closing fits the day.
    assertThat(update.param("text")).contains("All done for this week (16–22 Nov)").contains("good weekend");
    // No reminder for a finished week.
    clock.advance(Duration.ofHours(25));
    rig.run();
    assertThat(rig.postsTo("UFIN")).hasSize(1);
  }

  @Test
  void laterPromptsReuseTheRepsDmAndReopenItWhenItIsGone() throws Exception {
    rig.team("Sales", FRIDAY_3PM, List.of("UDM"), 1);
    clock.set(Instant.parse("2026-11-20T15:00:00Z"));
    rig.run();
    assertThat(fake.calls("conversations.open")).hasSize(1);

    clock.set(Instant.parse("2026-11-27T15:00:00Z")); // next week: no conversations.open (Tier 3)
    rig.run();
    assertThat(fake.calls("conversations.open")).hasSize(1);
    assertThat(rig.postsTo("UDM")).hasSize(2);

    // The remembered DM is gone: opened afresh once, and the prompt still goes.
    fake.enqueue("chat.postMessage", FakeSlack.Reply.error("channel_not_found"));
    clock.set(Instant.parse("2026-12-04T15:00:00Z"));
    rig.run();
    assertThat(fake.calls("conversations.open")).hasSize(2);
    assertThat(rig.store.prompts().find(PromptRig.WS, "UDM", "2026-W49", "weekly").orElseThrow().status())
        .isEqualTo("sent");
  }
}
