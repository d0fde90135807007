package io.rapport.prompt;

import io.rapport.slack.views.PromptMessage;
import io.rapport.checkin.CheckInListener;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.outbox.Transport;
import io.rapport.slack.views.Rendered;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.store.Store;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rep's prompt messages current in place ({@code chat.update}) after every check-in or
 * "nothing to report": accounts done ✓, still due, snoozed — instead of a new DM per saved
 * check-in. Once everything a week's prompt asked is answered, its message says "all done" exactly
 * once per message (one UPDATE of {@code completed_at} decides who writes it), even when several
 * check-ins land together. Updates of one rep are made one at a time, so a late, older picture
 * never overwrites a newer one in this process.
 */
public final class PromptCompletion implements CheckInListener {
  private static final Logger LOG = LoggerFactory.getLogger(PromptCompletion.class);

  private final Store store;
  private final Transport slack;
  private final PromptSender.ZoneLookup zones;
  private final Clock clock;
  private final Map<String, Object> repLocks = new ConcurrentHashMap<>();

  public PromptCompletion(Store store, Transport slack, PromptSender.ZoneLookup zones, Clock clock) {
    this.store = store;
    this.slack = slack;
    this.zones = zones;
    this.clock = clock;
  }

  @Override
  public void afterCheckIn(String workspaceId, String accountId) {
    Optional<Account> account = store.accounts().find(workspaceId, accountId);
    account.ifPresent(a -> refresh(workspaceId, a.rep()));
  }

  /** Brings the rep's recent prompt messages up to date; those with nothing open say "all done". */
  public void refresh(String workspaceId, String repId) {
    Object lock = repLocks.computeIfAbsent(workspaceId + " " + repId, k -> new Object());
    synchronized (lock) {
      IsoWeek from = IsoWeek.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).minusWeeks(1);
      List<PromptRow> rows = store.prompts().openMessages(workspaceId, repId, from.toString());
      if (rows.isEmpty()) {
        return;
      }
      LocalDate today = LocalDate.ofInstant(clock.instant(), zones.zoneOf(workspaceId, repId));
      for (PromptRow row : rows) {
        PromptMessage.State state = state(row, today);
        if (state.due().isEmpty()) {
          if (claim(row)) {
            update(row, state);
          }
        } else {
          update(row, state);
        }
      }
    }
  }

  /** Where {@code row}'s prompt stands now. */
  PromptMessage.State state(PromptRow row, LocalDate today) {
    String ws = row.workspaceId();
    String rep = row.repId();
    IsoWeek week = IsoWeek.parse(row.week());
    Map<String, Account> key = new LinkedHashMap<>();
    DueAccounts.keyAccounts(store.accounts(), ws, rep).forEach(a -> key.put(a.id(), a));
    // The accounts in the order the prompt asked about them, then any added since.
    List<Account> accounts = new ArrayList<>();
    if (row.accountIds() != null && !row.accountIds().isBlank()) {
      Arrays.stream(row.accountIds().split(",")).map(key::remove).filter(a -> a != null).forEach(accounts::add);
    }
    accounts.addAll(key.values());
    Set<String> answered = new HashSet<>(store.checkIns().answeredAccounts(ws, rep, week.toString()));
    boolean snoozed = store.prompts().find(ws, rep, week.toString(), PromptKind.SNOOZE.id()).isPresent();
    return new PromptMessage.State(row.key(), PromptKind.of(row.kind()), week, accounts, answered, snoozed, today);
  }

  /** Marks {@code row} completed; true for the one caller that should then update its message. */
  boolean claim(PromptRow row) {
    return store.prompts().markCompleted(row.workspaceId(), row.repId(), row.week(), row.kind(), clock.millis()) == 1;
  }

  private void update(PromptRow row, PromptMessage.State state) {
    update(row, PromptMessage.rendered(state));
  }

  /** Replaces the prompt's message with one line. */
  void update(PromptRow row, String text) {
    update(row, PromptMessage.noteMessage(text));
  }

  private void update(PromptRow row, Rendered message) {
    try {
      slack.update(row.channelId(), row.messageTs(), message.text(), message.blocks());
    } catch (Transport.Refused e) {
      LOG.warn("Could not update prompt {}: {}", row.key(), e.error());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
