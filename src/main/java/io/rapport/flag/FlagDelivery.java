package io.rapport.flag;

import io.rapport.logs.LogText;
import io.rapport.domain.Account;
import io.rapport.domain.Flag;
import io.rapport.domain.FlagPlan;
import io.rapport.domain.Team;
import io.rapport.outbox.Courier;
import io.rapport.outbox.Draft;
import io.rapport.outbox.Entry;
import io.rapport.outbox.Letter;
import io.rapport.outbox.Outbox;
import io.rapport.outbox.Outbox.Outcome;
import io.rapport.outbox.Transport;
import io.rapport.slack.views.FlagMessages;
import io.rapport.slack.views.Rendered;
import io.rapport.store.FlagDao;
import io.rapport.store.FlagPlanDao;
import io.rapport.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Slack in line with the database for one flag: posts the parent message once (where its
 * {@link FlagRoute} says: the team's channel, or a private conversation for coaching and manager
 * flags), posts the thread notes owed in order, and updates the parent when it no longer shows the
 * current state.
 *
 * <p>Exactly once: the parent ({@code flag:<id>}) and each note ({@code flag:<id>:<event>}) are
 * messages of the {@link Outbox}, which leases, posts with the key in the metadata and recovers
 * from the channel's (or thread's) history after a crash. The couriers here render them when their
 * turn comes and record the result on the flag. A parent post Slack refuses is never given up (the
 * channel may be fixed); it goes again at the next judgement or the hourly sweep.
 */
public final class FlagDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(FlagDelivery.class);
  /** The outbox kinds of a flag's parent message and of its thread notes. */
  public static final String PARENT = "flag";
  public static final String NOTE = "flag-note";
  static final String NO_DESTINATION = "nowhere to post it yet (no team, or no channel or manager for its audience)";
  /** Slack errors after which a thread note or a parent update is given up. */
  static final Set<String> PERMANENT = Set.of(
      "message_not_found", "thread_not_found", "cant_update_message", "edit_window_closed", "is_archived",
      "channel_not_found", "msg_too_long", "invalid_blocks", "no_text");

  private final Store store;
  private final Outbox outbox;
  private final Clock clock;
  private final ReentrantLock[] locks = new ReentrantLock[64];

  public FlagDelivery(Store store, Outbox outbox, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
    outbox.register(PARENT, new ParentCourier());
    outbox.register(NOTE, new NoteCourier());
  }

  private FlagDao flags() {
    return store.jdbi().onDemand(FlagDao.class);
  }

  /** The outbox key of a flag's parent message. */
  public static String parentKey(String flagId) {
    return "flag:" + flagId;
  }

  /** The outbox key of a flag's thread note for the history entry {@code eventKey}. */
  public static String noteKey(String flagId, String eventKey) {
    return "flag:" + flagId + ":" + eventKey;
  }

  /** Everything owed for one flag; never throws for Slack trouble (logged, retried later). */
  public void deliver(String workspaceId, String flagId) {
    // One deliverer per flag in this process, so notes and parent updates are not reordered.
    ReentrantLock lock = locks[Math.floorMod((workspaceId + flagId).hashCode(), locks.length)];
    lock.lock();
    try {
      Optional<Flag> flag = flags().find(workspaceId, flagId);
      if (flag.isEmpty()) {
        return;
      }
      Flag f = flag.get();
      if (!f.isPosted()) {
        if (!f.isOpen()) {
          return;
        }
        String key = parentKey(f.id());
        outbox.enqueue(Letter.of(key, workspaceId, PARENT, "route", clock.millis()));
        outbox.readyNow(key); // a judgement or a sweep is the retry: no backoff of its own
        outbox.deliver(key);
        f = flags().find(workspaceId, flagId).orElseThrow();
        if (!f.isPosted()) {
          return;
        }
      }
      postNotes(f);
      f = flags().find(workspaceId, flagId).orElseThrow();
      if (f.parentStale()) {
        updateParent(f);
      }
    } catch (RuntimeException e) {
      LOG.error("Delivering flag {} in {} failed", flagId, workspaceId, LogText.withoutMessages(e));
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

  private void postNotes(Flag f) {
    for (FlagDao.Event e : flags().notesOwed(f.workspaceId(), f.id())) {
      String key = noteKey(f.id(), e.key());
      outbox.enqueue(Letter.of(key, f.workspaceId(), NOTE, "thread", clock.millis()));
      outbox.readyNow(key);
      Outcome outcome = outbox.deliver(key);
      if (outcome != Outcome.SENT && outcome != Outcome.RECOVERED && outcome != Outcome.FAILED
          && outcome != Outcome.SKIPPED) {
        return; // keep the order: later notes wait for this one
      }
    }
  }

  private void updateParent(Flag f) {
    Rendered content = render(f);
    try {
      outbox.transport().update(f.channelId(), f.messageTs(), content.text(), content.blocks());
      flags().markParentCurrent(f.workspaceId(), f.id(), f.revision());
    } catch (Transport.Refused e) {
      LOG.warn("Updating flag {} in {} failed: {}", f.id(), f.workspaceId(), e.getMessage());
      if (e.permanent() && PERMANENT.contains(e.error())) {
        flags().markParentCurrent(f.workspaceId(), f.id(), f.revision()); // the message is gone: stop trying
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The parent message for the flag as stored now. */
  Rendered render(Flag f) {
    String accountName = store.accounts().find(f.workspaceId(), f.accountId()).map(Account::name).orElse(f.accountId());
    Optional<FlagPlan> plan = store.jdbi().onDemand(FlagPlanDao.class).latest(f.workspaceId(), f.id());
    Optional<Team> team = f.teamId() == null ? Optional.empty() : store.teams().find(f.workspaceId(), f.teamId());
    int quietWeeks = PolicyInForce.ofTeam(team).settings().quietWeeks();
    return FlagMessages.parent(f, accountName, plan, quietWeeks).rendered();
  }

  private static String flagId(Entry entry) {
    String rest = entry.key().substring("flag:".length());
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  /** While the flag is open, its rows stay: its parent and notes are what it is posted and updated by. */
  private boolean flagOpen(Entry entry) {
    return flags().find(entry.workspaceId(), flagId(entry)).map(Flag::isOpen).orElse(false);
  }

  /** The parent message: rendered as the flag stands, to where its route says now. */
  private final class ParentCourier implements Courier {
    @Override
    public boolean stillNeeds(Entry entry) {
      return flagOpen(entry);
    }

    @Override
    public Draft compose(Entry entry) {
      Optional<Flag> found = flags().find(entry.workspaceId(), flagId(entry));
      if (found.isEmpty() || !found.get().isOpen()) {
        return Draft.skip("the flag is closed");
      }
      Flag f = found.get();
      if (f.isPosted()) {
        return Draft.skip("posted already");
      }
      Optional<Team> team = f.teamId() == null ? Optional.empty() : store.teams().find(f.workspaceId(), f.teamId());
      if (team.isEmpty()) {
        team = store.teams().ofMember(f.workspaceId(), f.repId()).stream().findFirst();
        team.ifPresent(t -> flags().setTeam(f.workspaceId(), f.id(), t.id()));
      }
      Optional<FlagRoute> route = FlagRoute.of(f, team);
      if (route.isEmpty()) {
        LOG.info("Flag {} ({} on {}) in {} waits: {}", f.id(), f.pattern(), f.accountId(), f.workspaceId(),
            NO_DESTINATION);
        return Draft.later(NO_DESTINATION, Duration.ZERO);
      }
      String target = route.get().isConversation() ? Letter.privately(route.get().users())
          : Letter.conversation(route.get().channelId());
      Rendered content = render(f);
      return Draft.send(target, null, content.text(), content.blocks(), Integer.toString(f.revision()));
    }

    @Override
    public void sent(Handle h, Entry entry, String channelId, String ts, String memo, boolean recovered) {
      // Found in history after a crash, the message may show an older state: an update is owed.
      int revision = memo == null ? -1 : Integer.parseInt(memo);
      h.attach(FlagDao.class).markPosted(entry.workspaceId(), flagId(entry), channelId, ts, revision);
      LOG.info("Posted flag {} in {} to {}", flagId(entry), entry.workspaceId(), channelId);
    }

    @Override
    public int maxAttempts() {
      return Integer.MAX_VALUE;
    }

    @Override
    public boolean givesUpOn(String error, boolean permanent) {
      return false; // a channel can be fixed (Rapport invited, archived channel replaced)
    }

    @Override
    public Duration retryWait(Duration suggested) {
      return Duration.ZERO; // the next judgement or the hourly sweep tries again
    }
  }

  /** A thread note: in the flag's thread (or the channel thread it left), after the parent. */
  private final class NoteCourier implements Courier {
    @Override
    public boolean stillNeeds(Entry entry) {
      return flagOpen(entry);
    }

    @Override
    public Draft compose(Entry entry) {
      String flagId = flagId(entry);
      String eventKey = entry.key().substring(("flag:" + flagId + ":").length());
      Optional<Flag> found = flags().find(entry.workspaceId(), flagId);
      Optional<FlagDao.Event> event = flags().notesOwed(entry.workspaceId(), flagId).stream()
          .filter(e -> e.key().equals(eventKey)).findFirst();
      if (found.isEmpty() || event.isEmpty()) {
        return Draft.skip("no note owed");
      }
      Flag f = found.get();
      FlagDao.Event e = event.get();
      // The one line saying the discussion moved goes to the channel thread the flag left.
      boolean moved = "moved".equals(e.kind()) && f.movedFromTs() != null;
      String channel = moved ? f.movedFromChannelId() : f.channelId();
      String thread = moved ? f.movedFromTs() : f.messageTs();
      if (channel == null || thread == null) {
        return Draft.later("the flag's message is not posted yet", Duration.ZERO);
      }
      Rendered content = FlagMessages.note(e.note());
      return Draft.send(Letter.conversation(channel), thread, content.text(), content.blocks(), null);
    }

    @Override
    public void sent(Handle h, Entry entry, String channelId, String ts, String memo, boolean recovered) {
      String flagId = flagId(entry);
      h.attach(FlagDao.class).markNotePosted(entry.workspaceId(), flagId,
          entry.key().substring(("flag:" + flagId + ":").length()), ts);
    }

    @Override
    public void ended(Handle h, Entry entry, String state, String reason) {
      String flagId = flagId(entry);
      h.attach(FlagDao.class).failNote(entry.workspaceId(), flagId,
          entry.key().substring(("flag:" + flagId + ":").length()));
    }

    @Override
    public int maxAttempts() {
      return Integer.MAX_VALUE;
    }

    @Override
    public boolean givesUpOn(String error, boolean permanent) {
      return PERMANENT.contains(error); // the thread is gone; later notes meet the same fate quickly
    }

    @Override
    public Duration retryWait(Duration suggested) {
      return Duration.ZERO;
    }
  }
}
