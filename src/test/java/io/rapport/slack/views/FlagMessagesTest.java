package io.rapport.slack.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagPlan;
import io.rapport.domain.FlagStatus;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlagMessagesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static Flag flag(FlagStatus status, List<String> evidence, String acknowledgedBy) {
    return new Flag("T1", "f-1", "acme", "MASTER_SERVANT", "warning", status, evidence, "Learn to say no.", "UREP",
        "team", "C1", "1.0", "posted", null, false, 3, "2026-W40", "2026-W42", null, "2026-W42", acknowledgedBy,
        acknowledgedBy == null ? null : 1L, status == FlagStatus.OPEN ? null : "UMGR", 1L,
        status == FlagStatus.OPEN ? null : 2L);
  }

  private static JsonNode json(Object blocks) throws Exception {
    return JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks));
  }

  @Test
  void aHugeEvidenceListAndSlackControlCharactersStayWithinLimits() throws Exception {
    List<String> evidence = Collections.nCopies(200, "unpaid <b>favours</b> & free advice " + "z".repeat(50));
    FlagPlan plan = new FlagPlan("T1", "V1", "f-1", "Say no to the <3rd> favour", "UREP", LocalDate.of(2026, 12, 1),
        "UMGR", 1L, "pending", null);
    FlagMessages.Content c = FlagMessages.parent(flag(FlagStatus.OPEN, evidence, null), "Acme <Bank>", Optional.of(plan), 4);
    JsonNode blocks = json(c.blocks());
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    for (JsonNode b : blocks) {
      assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
    }
    String all = blocks.toString();
    assertThat(all).contains("Acme &lt;Bank&gt;").contains("&lt;b&gt;favours").contains("Master and servant")
        .contains("Plan: Say no to the &lt;3rd&gt; favour").contains("<@UREP>");
  }

  @Test
  void aClosedFlagShowsWhoClosedItAndHasNoButtons() throws Exception {
    JsonNode resolved = json(FlagMessages.parent(flag(FlagStatus.RESOLVED, List.of("x"), "UREP"), "Acme", Optional.empty(), 4).blocks());
    assertThat(resolved.findValues("action_id")).isEmpty();
    assertThat(resolved.toString()).contains("Resolved by <@UMGR>").contains("Acknowledged by <@UREP>");
    JsonNode falseAlarm = json(FlagMessages.parent(flag(FlagStatus.FALSE_ALARM, List.of("x"), null), "Acme", Optional.empty(), 4).blocks());
    assertThat(falseAlarm.toString()).contains("false alarm by <@UMGR>");
  }

  @Test
  void anAcknowledgedFlagDropsTheAcknowledgeButton() throws Exception {
    JsonNode open = json(FlagMessages.parent(flag(FlagStatus.OPEN, List.of("x"), null), "Acme", Optional.empty(), 4).blocks());
    assertThat(open.findValues("action_id")).extracting(JsonNode::asText)
        .containsExactly("flag.acknowledge", "flag.plan", "flag.false_alarm", "flag.resolve", "flag.show_notes");
    JsonNode acked = json(FlagMessages.parent(flag(FlagStatus.OPEN, List.of("x"), "UREP"), "Acme", Optional.empty(), 4).blocks());
    assertThat(acked.findValues("action_id")).extracting(JsonNode::asText)
        .containsExactly("flag.plan", "flag.false_alarm", "flag.resolve", "flag.show_notes");
  }

  @Test
  void modalsFitSlacksLimits() throws Exception {
    Flag f = flag(FlagStatus.OPEN, List.of("x"), null);
    JsonNode plan = json(FlagMessages.planModal(f, "Acme", LocalDate.of(2026, 11, 30)));
    assertThat(plan.path("title").path("text").asText().length()).isLessThanOrEqualTo(24);
    assertThat(plan.path("submit").path("text").asText().length()).isLessThanOrEqualTo(24);
    assertThat(plan.toString()).contains("\"initial_date\":\"2026-12-07\"").contains("\"private_metadata\":\"f-1\"");
    JsonNode falseAlarm = json(FlagMessages.falseAlarmModal(f, "Acme", 8));
    assertThat(falseAlarm.toString()).contains("for 8 weeks").contains("\"optional\":true");
  }

  @Test
  void threadNotesNameWeeksAsDatesNeverIsoWeeks() {
    io.rapport.domain.IsoWeek w51 = io.rapport.domain.IsoWeek.parse("2026-W51");
    String notes = String.join("\n",
        FlagMessages.evidenceNote(w51, "watch", List.of("Paid 64 days after a 30-day term.")),
        FlagMessages.quietNote(w51, 4),
        FlagMessages.returnedNote(w51),
        FlagMessages.expiredNote("2026-W51", 4),
        FlagMessages.falseAlarmNote("U1", "", "Terms dictated", "Acme", w51));

    assertThat(notes).contains("Fresh evidence, week of 14 Dec (watch)")
        .contains("no longer shows as of the week of 14 Dec")
        .contains("shows again (week of 14 Dec)")
        .contains("last seen in the week of 14 Dec")
        .contains("again before the week of 14 Dec")
        .doesNotContainPattern("W\\d\\d");
  }
}
