package io.rapport.prompt;

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
}
