package io.rapport.prompt;

import io.rapport.slack.views.PromptMessage;
import io.rapport.domain.Account;
import io.rapport.domain.InvalidFieldException;
import io.rapport.domain.IsoWeek;
import io.rapport.outbox.Transport;
import io.rapport.slack.views.Rendered;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the rep's buttons on a prompt do: <b>Nothing to report</b> records a quiet week for every
 * account still open that week; <b>Snooze to tomorrow</b> asks again a day later (once a week, in
 * place of the reminder). Both run after the ack.
 */
public final class PromptResponses {
  private static final Logger LOG = LoggerFactory.getLogger(PromptResponses.class);
  /** How far back a prompt's button still records an answer (the check-in modal's late weeks). */
  static final int LATE_WEEKS = 4;

  /** The answer to a button: the text, and whether the pressed message itself now says it. */
  public record Answer(String text, boolean messageUpdated) {}

  /**
   * Records "nothing to report" for the rep's accounts and tells the check-in listeners (the
   * check-in capability's {@code CheckInService.nothingToReport}); returns the ids recorded.
   */
  @FunctionalInterface
  public interface NothingToReport {
    List<String> record(String workspaceId, String repId, List<String> accountIds, IsoWeek week);
  }

  private final Store store;
  private final DueAccounts dueAccounts;
  private final PromptCompletion completion;
  private final Transport slack;
  private final PromptSender.ZoneLookup zones;
  private final NothingToReport nothingToReport;
  private final Clock clock;

  public PromptResponses(Store store, DueAccounts dueAccounts, PromptCompletion completion, Transport slack,
      PromptSender.ZoneLookup zones, NothingToReport nothingToReport, Clock clock) {
    this.store = store;
    this.dueAccounts = dueAccounts;
    this.completion = completion;
    this.slack = slack;
    this.zones = zones;
    this.nothingToReport = nothingToReport;
    this.clock = clock;
  }

  /** Records "nothing to report" for each of the rep's accounts still open in {@code weekText}. */
  public Answer nothingToReport(String ws, String rep, String weekText, String channel, String ts) {
    IsoWeek week;
    try {
      week = IsoWeek.parse(weekText);
    } catch (InvalidFieldException e) {
      return new Answer("That button is out of date — type `/checkin` to check in.", false);
    }
    java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), zones.zoneOf(ws, rep));
    IsoWeek current = IsoWeek.of(today);
    if (week.compareTo(current) > 0 || week.compareTo(current.minusWeeks(LATE_WEEKS)) < 0) {
      return new Answer(PromptMessage.tooOld(week, today), false);
    }
    // Take over the week's prompt messages first, so the completion listener (told by the
    // recording below) leaves them to this answer.
    List<PromptRow> messages = new ArrayList<>();
    for (PromptRow row : store.prompts().openMessages(ws, rep, week.toString())) {
      if (row.week().equals(week.toString()) && completion.claim(row)) {
        messages.add(row);
      }
    }
    List<String> due = dueAccounts.of(ws, rep, week).stream().map(Account::id).toList();
    List<String> recorded = due.isEmpty() ? List.of() : nothingToReport.record(ws, rep, due, week);
    String text = PromptMessage.nothingToReportText(week, recorded.size(), today);
    boolean updated = false;
    for (PromptRow row : messages) {
      completion.update(row, text);
      updated |= row.messageTs() != null && row.messageTs().equals(ts);
    }
    if (!updated && channel != null && ts != null) {
      updated = update(channel, ts, PromptMessage.noteMessage(text));
    }
    return new Answer(text, updated);
  }

  /** Asks again tomorrow (once per week); the reminder, if not yet sent, is dropped in its favour. */
  public Answer snooze(String ws, String rep, String weekText, String channel, String ts) {
    IsoWeek week;
    try {
      week = IsoWeek.parse(weekText);
    } catch (InvalidFieldException e) {
      return new Answer("That button is out of date.", false);
    }
    java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), zones.zoneOf(ws, rep));
    IsoWeek current = IsoWeek.of(today);
    if (!week.equals(current)) {
      return new Answer(PromptMessage.weekOver(week, today), false);
    }
    List<Account> due = dueAccounts.of(ws, rep, week);
    if (due.isEmpty()) {
      // Already answered: a snooze would only send a needless message tomorrow.
      return new Answer(PromptMessage.nothingToSnooze(week, today), false);
    }
    long now = clock.millis();
    long tomorrow = now + PromptScheduler.REMINDER_AFTER.toMillis();
    if (store.prompts().create(ws, rep, week.toString(), PromptKind.SNOOZE.id(), tomorrow, null, now) == 0) {
      return new Answer(PromptMessage.alreadySnoozed(week, today), false);
    }
    store.prompts().cancelReminder(ws, rep, week.toString(), now);
    // The week's open prompt messages now say "snoozed" (the pressed one among them).
    completion.refresh(ws, rep);
    boolean updated = store.prompts().openMessages(ws, rep, week.toString()).stream()
        .anyMatch(r -> r.messageTs() != null && r.messageTs().equals(ts));
    String text = PromptMessage.snoozedText(week, today);
    if (!updated && channel != null && ts != null) {
      updated = update(channel, ts, PromptMessage.snoozedMessage(week, due, today));
    }
    return new Answer(text, updated);
  }

  private boolean update(String channel, String ts, Rendered message) {
    try {
      slack.update(channel, ts, message.text(), message.blocks());
      return true;
    } catch (Transport.Refused e) {
      LOG.warn("Could not update a prompt message: {}", e.error());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
