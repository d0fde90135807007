package io.rapport.prompt;

import io.rapport.slack.views.PromptMessage;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.outbox.Transport;
import io.rapport.slack.views.Rendered;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short answer to a rep who writes to Rapport: what is still due this week, with a Check in
 * button per account (and Nothing to report), or that everything is done — so a message to
 * Rapport is never met with silence.
 */
public final class DirectMessageReply {
  private static final Logger LOG = LoggerFactory.getLogger(DirectMessageReply.class);
  /** How long the answer may wait for the workspace's budget before it is given up. */
  static final Duration WITHIN = Duration.ofSeconds(30);

  private final DueAccounts dueAccounts;
  private final Transport slack;
  private final PromptSender.ZoneLookup zones;
  private final Clock clock;

  public DirectMessageReply(DueAccounts dueAccounts, Transport slack, PromptSender.ZoneLookup zones, Clock clock) {
    this.dueAccounts = dueAccounts;
    this.slack = slack;
    this.zones = zones;
    this.clock = clock;
  }

  /** Answers {@code userId} in {@code channel} (their DM with Rapport). */
  public void answer(String workspaceId, String userId, String channel) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zones.zoneOf(workspaceId, userId));
    IsoWeek week = IsoWeek.of(today);
    List<Account> keyAccounts = dueAccounts.keyAccounts(workspaceId, userId);
    List<Account> due = dueAccounts.of(workspaceId, userId, week);
    Rendered reply = PromptMessage.replyMessage(week, keyAccounts.size(), due, today);
    try {
      slack.post(channel, null, null, reply.text(), reply.blocks(), WITHIN);
    } catch (Transport.Refused e) {
      LOG.warn("Could not answer a DM from {} in {}: {}", userId, workspaceId, e.error());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
