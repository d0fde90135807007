package io.rapport.prompt;

import io.rapport.slack.views.PromptMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The prompt stays within Block Kit's limits whatever the rep's book looks like. */
class PromptMessageTest {
  static final IsoWeek WEEK = IsoWeek.parse("2026-W47");

  static JsonNode json(List<LayoutBlock> blocks) throws Exception {
    return new ObjectMapper().readTree(GsonFactory.createSnakeCase().toJson(blocks));
  }

  static List<Account> accounts(int n, int nameLength) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> Account.of("acct-" + i,
        ("Account " + i + " ").repeat(nameLength).substring(0, Math.min(nameLength, 120)), "UREP")).toList();
  }

  @Test
  void aRepWithSixtyKeyAccountsGetsAMessageWithinTheLimits() throws Exception {
    for (int n : new int[] {1, 39, 40, 41, 60, 500}) {
      List<Account> due = accounts(n, 120);
      JsonNode blocks = json(PromptMessage.prompt("T:U:2026-W47:weekly", PromptKind.WEEKLY, WEEK, due));
      assertThat(blocks.size()).as("%d accounts", n).isLessThanOrEqualTo(50);
      int buttons = 0;
      for (JsonNode block : blocks) {
        assertThat(block.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
        assertThat(block.path("block_id").asText().length()).isLessThanOrEqualTo(255);
        if (block.path("accessory").path("action_id").asText().equals("checkin.open")) {
          buttons++;
        }
      }
      assertThat(buttons).isEqualTo(Math.min(n, n > 40 ? 39 : 40));
      if (n > 40) {
        assertThat(blocks.toString()).contains("…and " + (n - 39) + " more");
      }
      assertThat(PromptMessage.text(PromptKind.WEEKLY, WEEK, due)).contains(n + " key account");
    }
  }

  @Test
  void theSnoozedMessageKeepsTheCheckInButtons() throws Exception {
    JsonNode blocks = json(PromptMessage.snoozed(WEEK, accounts(3, 10)));
    assertThat(blocks.toString()).contains("checkin.open").doesNotContain("prompt.snooze").contains("Snoozed");
  }

  @Test
  void theCopyFitsTheDayAndNamesTheWeekInWords() throws Exception {
    java.time.LocalDate tuesday = java.time.LocalDate.parse("2026-11-17");
    java.time.LocalDate friday = java.time.LocalDate.parse("2026-11-20");
    assertThat(PromptMessage.nothingToReportText(WEEK, 3, tuesday)).doesNotContain("weekend")
        .contains("no contact this week (16–22 Nov) for 3 accounts");
    assertThat(PromptMessage.allDoneText(WEEK, friday)).contains("have a good weekend");
    assertThat(PromptMessage.allDoneText(WEEK, tuesday)).doesNotContain("weekend");
    assertThat(PromptMessage.text(PromptKind.WEEKLY, WEEK, accounts(2, 10), tuesday))
        .isEqualTo("Weekly check-in for this week (16–22 Nov): 2 key accounts to go.");
    assertThat(json(PromptMessage.prompt("k", PromptKind.SNOOZE, WEEK, accounts(2, 10), tuesday)).toString())
        .doesNotContain("Good morning")
        .doesNotContainPattern("\"text\":\"[^\"]*2026-W47");
  }

  @Test
  void theMessageKeptCurrentShowsDoneAndDueAndDropsSnoozeOnceSnoozed() throws Exception {
    List<Account> all = accounts(3, 10);
    java.time.LocalDate tuesday = java.time.LocalDate.parse("2026-11-17");
    PromptMessage.State partly = new PromptMessage.State("k", PromptKind.WEEKLY, WEEK, all,
        java.util.Set.of("acct-1"), false, tuesday);
    JsonNode blocks = json(PromptMessage.blocks(partly));
    assertThat(blocks.toString()).contains("Done ✓ *Account 1").contains("prompt.snooze")
        .contains("\"value\":\"acct-2\"").doesNotContain("\"value\":\"acct-1\"");
    assertThat(PromptMessage.text(partly)).isEqualTo("1 done, 2 key accounts still due for this week (16–22 Nov).");
    PromptMessage.State snoozed = new PromptMessage.State("k", PromptKind.WEEKLY, WEEK, all,
        java.util.Set.of("acct-1"), true, tuesday);
    assertThat(json(PromptMessage.blocks(snoozed)).toString()).contains("Snoozed").doesNotContain("prompt.snooze");
    PromptMessage.State done = new PromptMessage.State("k", PromptKind.WEEKLY, WEEK, all,
        java.util.Set.of("acct-1", "acct-2", "acct-3"), false, tuesday);
    assertThat(json(PromptMessage.blocks(done)).toString()).contains("All done").doesNotContain("checkin.open")
        .contains("\"block_id\":\"rapport_prompt:k\"");
  }
}
