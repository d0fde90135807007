package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.WeekWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The DM telling a rep that someone else changed their check-in: which account and week, who, and
 * which answers changed (old and new value; for the note only that it changed, since the rep reads
 * it in the form). Goes to the rep alone, never to a channel. Also the "edited by" words shown
 * beside a check-in.
 */
public final class CheckInEditMessage {
  private CheckInEditMessage() {}

  /** One answer of the form as a rep reads it, and how to show its value. */
  private record Field(String label, Function<CheckIn, Object> value) {}

  private static final List<Field> FIELDS = List.of(
      new Field("business contacts", c -> c.contacts() == null ? null : c.contacts().business()),
      new Field("social contacts", c -> c.contacts() == null ? null : c.contacts().social()),
      new Field("service hours", CheckIn::serviceHours),
      new Field("unpaid hours", CheckIn::unpaidHours),
      new Field("outcome", c -> c.outcome() == null ? null : c.outcome().id()),
      new Field("revenue won", CheckIn::revenueWon),
      new Field("discount %", CheckIn::discountPct),
      new Field("freebies", CheckIn::freebies),
      new Field("quota pressure", CheckIn::quotaPressure),
      new Field("client's conduct", c -> c.clientConduct() == null ? null : c.clientConduct().id()),
      new Field("promises broken by the client", CheckIn::promisesBrokenByClient),
      new Field("promises broken by us", CheckIn::promisesBrokenByUs),
      new Field("days to pay", CheckIn::paymentDays),
      new Field("billing dispute", CheckIn::billingDispute),
      new Field("value rating", CheckIn::valueRating));

  /**
   * "Your check-in for Megacorp, week of 17 Nov, was changed by @Dana." with the changed answers.
   * {@code before} is null when the week had only "nothing to report".
   */
  public static Rendered notice(String accountName, IsoWeek week, IsoWeek current, String changedBy,
      CheckIn before, CheckIn after) {
    String account = SlackText.escape(accountName);
    String when = WeekWords.relative(week, current);
    String who = mention(changedBy);
    String headline = "Your check-in for " + account + ", " + when + ", was changed by " + who + ".";
    List<String> changes = changes(before, after);
    StringBuilder body = new StringBuilder(":pencil2: Your check-in for *").append(account).append("*, ").append(when)
        .append(", was changed by ").append(who).append('.');
    if (before == null) {
      body.append("\nIt had said \"nothing to report\"; it now has answers.");
    } else if (!changes.isEmpty()) {
      body.append("\nWhat changed:");
      changes.forEach(c -> body.append("\n• ").append(c));
    }
    String footer = "Your earlier answers are kept. If something is not right, talk to " + who
        + " or check in again for that week.";
    return Rendered.of(headline, List.of(
        section(s -> s.text(markdownText(body.toString()))),
        context(c -> c.elements(List.of(markdownText(footer))))));
  }

  /** The answers that differ, e.g. "days to pay: 45 → 60", "note (changed)". */
  static List<String> changes(CheckIn before, CheckIn after) {
    List<String> changes = new ArrayList<>();
    if (before == null) {
      return changes;
    }
    for (Field f : FIELDS) {
      Object was = f.value().apply(before);
      Object now = f.value().apply(after);
      if (!Objects.equals(was, now)) {
        changes.add(f.label() + ": " + shown(was) + " → " + shown(now));
      }
    }
    if (!Objects.equals(blankToNull(before.note()), blankToNull(after.note()))) {
      changes.add(after.note() == null || after.note().isBlank() ? "note (removed)" : "note (changed)");
    }
    return changes;
  }

  /** Beside a check-in someone other than the rep changed (or recorded): "edited by <@U1>". */
  public static String editedBy(String userId) {
    return "edited by " + mention(userId);
  }

  private static String mention(String userId) {
    return "<@" + SlackText.escape(userId) + ">";
  }

  private static String shown(Object value) {
    if (value == null) {
      return "not answered";
    }
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    if (value instanceof Double d) {
      return AccountLines.number(d);
    }
    return SlackText.escape(value.toString());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
