package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.ButtonElement;
import io.rapport.insight.Phrases;
import io.rapport.privacy.Forgetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words of {@code /relationship-admin forget @user}: the confirmation (what will be removed,
 * with counts, and the button), and the summary after the press. Only the admin sees them.
 */
public final class ForgetMessages {
  /** The confirmation button; its value is the request id. */
  public static final String CONFIRM = "admin.forget.confirm";

  private ForgetMessages() {}

  /** The ephemeral confirmation: exactly what will be removed, and a button that does it. */
  public static Reply confirmation(Forgetting.Preview preview) {
    Forgetting.Counts c = preview.counts();
    String who = mention(preview.userId());
    StringBuilder b = new StringBuilder(":warning: *Forget " + who + "?* This removes everything Rapport keeps about"
        + " them, and cannot be undone:\n");
    b.append("• ").append(Phrases.count(c.accounts(), "account", "accounts")).append(" of theirs, with ")
        .append(Phrases.count(c.checkIns(), "check-in", "check-ins")).append(" (")
        .append(Phrases.count(c.notes(), "note", "notes")).append(", ")
        .append(Phrases.count(c.versions(), "earlier version", "earlier versions")).append(")\n");
    b.append("• ").append(Phrases.count(c.flags(), "flag", "flags"))
        .append(" about their accounts, with evidence, history, plans and false alarms\n");
    b.append("• ").append(Phrases.count(c.prompts(), "prompt", "prompts")).append(" and ")
        .append(Phrases.count(c.awayWeeks(), "away week", "away weeks")).append('\n');
    b.append("• up to ").append(Phrases.count(c.messages(), "message", "messages"))
        .append(" Rapport posted to them or about their flags, deleted in Slack where Slack allows it\n");
    b.append("• their team memberships and Rapport admin role");
    if (!c.managedTeams().isEmpty()) {
      b.append("\nThey manage ").append(String.join(", ", c.managedTeams().stream()
          .map(t -> "*" + SlackText.escape(t) + "*").toList()))
          .append(": the team stays, without a manager, and the digests sent to them go. Name a new manager with"
              + " `/relationship-admin team NAME manager @someone`.");
    }
    String text = "Forget " + who + "? " + Phrases.count(c.checkIns(), "check-in", "check-ins") + ", "
        + Phrases.count(c.flags(), "flag", "flags") + ", " + Phrases.count(c.prompts(), "prompt", "prompts")
        + " would be removed.";
    ButtonElement button = ButtonElement.builder().actionId(CONFIRM).value(preview.requestId()).style("danger")
        .text(plainText("Forget them"))
        .confirm(ConfirmationDialogObject.builder().title(plainText("Forget this person?"))
            .text(plainText("Their check-ins, notes, flags and prompts are removed for good."))
            .confirm(plainText("Forget")).deny(plainText("Keep")).build())
        .build();
    return Reply.blocks(text, List.of(
        section(s -> s.text(markdownText(b.toString()))),
        actions(a -> a.elements(List.of(button)))));
  }

  /**
   * "Removed 14 check-ins, 3 flags, 22 prompts; deleted 5 of Rapport's messages; 1 could not be
   * deleted: message_not_found".
   */
  public static String summary(String userId, Forgetting.Counts removed, int deleted, Map<String, Integer> notDeleted) {
    StringBuilder b = new StringBuilder(":wastebasket: Forgot " + mention(userId) + ". Removed ")
        .append(Phrases.count(removed.checkIns(), "check-in", "check-ins")).append(" (")
        .append(Phrases.count(removed.notes(), "note", "notes")).append("), ")
        .append(Phrases.count(removed.flags(), "flag", "flags")).append(", ")
        .append(Phrases.count(removed.prompts(), "prompt", "prompts")).append(", ")
        .append(Phrases.count(removed.awayWeeks(), "away week", "away weeks")).append(", ")
        .append(Phrases.count(removed.accounts(), "account", "accounts"))
        .append("; deleted ").append(deleted).append(" of Rapport's messages");
    int failed = notDeleted.values().stream().mapToInt(Integer::intValue).sum();
    if (failed > 0) {
      List<String> why = new ArrayList<>();
      notDeleted.forEach((error, n) -> why.add(n > 1 ? SlackText.escape(error) + " (" + n + ")" : SlackText.escape(error)));
      b.append("; ").append(failed).append(" could not be deleted: ").append(String.join(", ", why));
    }
    b.append('.');
    if (!removed.managedTeams().isEmpty()) {
      b.append(" Their teams (").append(String.join(", ", removed.managedTeams().stream()
          .map(t -> "*" + SlackText.escape(t) + "*").toList())).append(") have no manager now.");
    }
    return b.toString();
  }

  /** The answer to a second press. */
  public static String alreadyDone(String summary) {
    return "Already done; nothing more to remove. " + (summary == null ? "" : summary);
  }

  public static final String IN_PROGRESS = "Rapport is forgetting this person right now; the summary follows when it"
      + " is done. Nothing more to press.";

  public static final String USAGE = "Usage: `/relationship-admin forget @person` — Rapport first shows what it"
      + " would remove and asks you to confirm.";

  private static String mention(String userId) {
    return "<@" + SlackText.escape(userId) + ">";
  }
}
