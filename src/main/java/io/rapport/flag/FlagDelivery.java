package io.rapport.flag;

import io.rapport.domain.Account;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagPlan;
import io.rapport.domain.Team;
import io.rapport.flag.FlagPoster.DeliveryException;
import io.rapport.flag.FlagPoster.Posted;
import io.rapport.slack.views.FlagMessages;
import io.rapport.store.FlagDao;
import io.rapport.store.FlagPlanDao;
import io.rapport.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Slack in line with the database for one flag: posts the parent message once (where its
 * {@link FlagRoute} says: the team's channel, or a private conversation for coaching and manager
 * flags), posts the thread notes owed in order, and updates the parent when it no longer shows the
 * current state.
 *
 * <p>Exactly once: each message is claimed in the database first (a conditional update only one
 * caller wins), posted with its natural key in the message metadata, then recorded with its ts. A
 * claim older than {@link #CLAIM_STALE} belongs to a caller that died or lost its answer; the next
 * caller searches the channel (or thread) history for the key before posting again. Slack
 * refusing a post gives the claim back for a later retry (the next judgement or the hourly sweep).
 */
public final class FlagDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(FlagDelivery.class);
  /** After this long an unconfirmed claim is checked against Slack's history and retried. */
  public static final Duration CLAIM_STALE = Duration.ofMinutes(2);
  static final String NO_DESTINATION = "nowhere to post it yet (no team, or no channel or manager for its audience)";

  private final Store store;
  private final FlagPoster poster;
  private final Clock clock;
  private final ReentrantLock[] locks = new ReentrantLock[64];

  public FlagDelivery(Store store, FlagPoster poster, Clock clock) {
    this.store = store;
    this.poster = poster;
    this.clock = clock;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  private FlagDao flags() {
    return store.jdbi().onDemand(FlagDao.class);
  }

  /** Everything owed for one flag; never throws for Slack trouble (logged, retried later). */
  public void deliver(String workspaceId, String flagId) {
    // One deliverer per flag in this process, so parent updates are not reordered.
    ReentrantLock lock = locks[Math.floorMod((workspaceId + flagId).hashCode(), locks.length)];
    lock.lock();
    try {
      Optional<Flag> flag = flags().find(workspaceId, flagId);
      if (flag.isEmpty()) {
        return;
      }
      Flag f = flag.get();
      if (!f.isPosted()) {
        if (!f.isOpen() || !postParent(f)) {
          return;
        }
      }
      f = flags().find(workspaceId, flagId).orElseThrow();
      postNotes(f);
      f = flags().find(workspaceId, flagId).orElseThrow();
      if (f.parentStale()) {
        updateParent(f);
      }
    } catch (RuntimeException e) {
      LOG.error("Delivering flag {} in {} failed", flagId, workspaceId, e);
    } finally {
      lock.unlock();
    }
  }

  /** Delivers every flag that owes a post, an update or a thread note (the sweep's retry). */
  public int deliverOwed() {
    int n = 0;
    for (Flag f : flags().owingDelivery()) {
      deliver(f.workspaceId(), f.id());
      n++;
    }
    for (String key : flags().flagsOwingNotes()) {
      String[] parts = key.split(" ", 2);
      deliver(parts[0], parts[1]);
      n++;
    }
    return n;
  }

  private boolean postParent(Flag f) {
    Optional<String> destination = destination(f);
    if (destination.isEmpty()) {
      LOG.info("Flag {} ({} on {}) in {} waits: {}", f.id(), f.pattern(), f.accountId(), f.workspaceId(), NO_DESTINATION);
      return false;
    }
    long now = clock.millis();
    boolean recovering = Flag.POST_CLAIMED.equals(f.postStatus());
    if (flags().claimPost(f.workspaceId(), f.id(), now, now - CLAIM_STALE.toMillis()) != 1) {
      return false; // someone else is posting it right now (or it was posted meanwhile)
    }
    FlagMessages.Content content = render(f);
    try {
      Posted posted = poster.post(destination.get(), null, "flag:" + f.id(), content.text(), content.blocks(),
          recovering ? f.postClaimedAt() : null);
      flags().markPosted(f.workspaceId(), f.id(), posted.channelId(), posted.ts(), f.revision());
      LOG.info("Posted flag {} ({} on {}) in {} to {}", f.id(), f.pattern(), f.accountId(), f.workspaceId(),
          posted.channelId());
      return true;
    } catch (DeliveryException e) {
      LOG.warn("Posting flag {} ({} on {}) in {} failed: {}", f.id(), f.pattern(), f.accountId(), f.workspaceId(),
          e.getMessage());
      if (!e.maybeDelivered()) {
        flags().releasePost(f.workspaceId(), f.id(), abbreviate(e.getMessage()));
      }
      return false;
    }
  }

  /**
   * Where the flag goes ({@link FlagRoute}: the team's channel or a private conversation, as its
   * audience decides); the team found now when the flag had none.
   */
  private Optional<String> destination(Flag f) {
    Optional<Team> team = f.teamId() == null ? Optional.empty() : store.teams().find(f.workspaceId(), f.teamId());
    if (team.isEmpty()) {
      team = store.teams().ofMember(f.workspaceId(), f.repId()).stream().findFirst();
      team.ifPresent(t -> flags().setTeam(f.workspaceId(), f.id(), t.id()));
    }
    Optional<FlagRoute> route = FlagRoute.of(f, team);
    if (route.isEmpty() || !route.get().isConversation()) {
      return route.map(FlagRoute::channelId);
    }
    try {
      return Optional.of(poster.openConversation(route.get().users()));
    } catch (DeliveryException e) {
      LOG.warn("Opening the conversation with {} in {} failed: {}", route.get().users(), f.workspaceId(),
          e.getMessage());
    }
    return Optional.empty();
  }

  private void postNotes(Flag f) {
    List<FlagDao.Event> owed = flags().notesOwed(f.workspaceId(), f.id());
    for (FlagDao.Event e : owed) {
      long now = clock.millis();
      boolean recovering = "claimed".equals(e.noteStatus());
      if (flags().claimNote(f.workspaceId(), f.id(), e.key(), now, now - CLAIM_STALE.toMillis()) != 1) {
        return; // another caller is posting this note; keep the order and leave the rest to it
      }
      try {
        // The one line saying the discussion moved goes to the channel thread the flag left.
        boolean moved = "moved".equals(e.kind()) && f.movedFromTs() != null;
        Posted posted = poster.post(moved ? f.movedFromChannelId() : f.channelId(), moved ? f.movedFromTs()
            : f.messageTs(), "flag:" + f.id() + ":" + e.key(), e.note(),
            List.of(io.rapport.slack.views.FlagMessages.noteBlock(e.note())), recovering ? e.noteClaimedAt() : null);
        flags().markNotePosted(f.workspaceId(), f.id(), e.key(), posted.ts());
      } catch (DeliveryException ex) {
        LOG.warn("Posting note {} of flag {} in {} failed: {}", e.key(), f.id(), f.workspaceId(), ex.getMessage());
        if (ex.permanent()) {
          flags().failNote(f.workspaceId(), f.id(), e.key());
          continue; // the thread is gone; later notes meet the same fate quickly
        }
        if (!ex.maybeDelivered()) {
          flags().releaseNote(f.workspaceId(), f.id(), e.key());
        }
        return;
      }
    }
  }

  private void updateParent(Flag f) {
    FlagMessages.Content content = render(f);
    try {
      poster.update(f.channelId(), f.messageTs(), content.text(), content.blocks());
      flags().markParentCurrent(f.workspaceId(), f.id(), f.revision());
    } catch (DeliveryException e) {
      LOG.warn("Updating flag {} in {} failed: {}", f.id(), f.workspaceId(), e.getMessage());
      if (e.permanent()) {
        flags().markParentCurrent(f.workspaceId(), f.id(), f.revision()); // the message is gone: stop trying
      }
    }
  }

  /** The parent message for the flag as stored now. */
  FlagMessages.Content render(Flag f) {
    String accountName = store.accounts().find(f.workspaceId(), f.accountId()).map(Account::name).orElse(f.accountId());
    Optional<FlagPlan> plan = store.jdbi().onDemand(FlagPlanDao.class).latest(f.workspaceId(), f.id());
    Optional<Team> team = f.teamId() == null ? Optional.empty() : store.teams().find(f.workspaceId(), f.teamId());
    int quietWeeks = PolicyInForce.ofTeam(team).settings().quietWeeks();
    return FlagMessages.parent(f, accountName, plan, quietWeeks);
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 250 ? s : s.substring(0, 250);
  }
}
