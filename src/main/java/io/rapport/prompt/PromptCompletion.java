package io.rapport.prompt;

import io.rapport.checkin.CheckInListener;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.out.SlackCallException;
import io.rapport.slack.out.SlackCalls;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.store.Store;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a rep has answered everything a week's prompt asked, its message says so ({@code
 * chat.update}) — exactly once per message, even when several check-ins land together.
 */
public final class PromptCompletion implements CheckInListener {
  private static final Logger LOG = LoggerFactory.getLogger(PromptCompletion.class);

  private final Store store;
  private final DueAccounts dueAccounts;
  private final SlackCalls slack;
  private final Clock clock;

  public PromptCompletion(Store store, DueAccounts dueAccounts, SlackCalls slack, Clock clock) {
    this.store = store;
    this.dueAccounts = dueAccounts;
    this.slack = slack;
    this.clock = clock;
  }

  @Override
  public void afterCheckIn(String workspaceId, String accountId) {
    Optional<Account> account = store.accounts().find(workspaceId, accountId);
    account.ifPresent(a -> completeIfDone(workspaceId, a.rep()));
  }

  /** Updates the rep's recent prompt messages whose week has nothing open any more. */
  public void completeIfDone(String workspaceId, String repId) {
    IsoWeek from = IsoWeek.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).minusWeeks(1);
    Map<String, List<PromptRow>> byWeek = store.prompts().openMessages(workspaceId, repId, from.toString())
        .stream().collect(Collectors.groupingBy(PromptRow::week));
    for (var entry : byWeek.entrySet()) {
      IsoWeek week = IsoWeek.parse(entry.getKey());
      if (!dueAccounts.of(workspaceId, repId, week).isEmpty()) {
        continue;
      }
      for (PromptRow row : entry.getValue()) {
        replace(row, PromptMessage.allDoneText(week));
      }
    }
  }

  /** Marks {@code row} completed and, if this caller did, replaces its message with {@code text}. */
  void replace(PromptRow row, String text) {
    if (claim(row)) {
      update(row, text);
    }
  }

  /** Marks {@code row} completed; true for the one caller that should then update its message. */
  boolean claim(PromptRow row) {
    return store.prompts().markCompleted(row.workspaceId(), row.repId(), row.week(), row.kind(), clock.millis()) == 1;
  }

  /** Replaces the prompt's message with one line. */
  void update(PromptRow row, String text) {
    try {
      slack.call("chat.update", null, m -> m.chatUpdate(r -> r.channel(row.channelId()).ts(row.messageTs())
          .text(text).blocks(PromptMessage.note(text))));
    } catch (SlackCallException e) {
      LOG.warn("Could not update prompt {}: {}", row.key(), e.error());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
