package io.rapport.privacy;

import io.rapport.outbox.Letter;
import io.rapport.store.ForgetDao;
import io.rapport.store.ForgetDao.Posted;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.NotAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /relationship-admin forget @user}: an admin removes everything Rapport keeps about a
 * person in the workspace, in two steps. {@link #preview} counts what would go and records the
 * request; {@link #confirm} (the button) carries it out once: it deletes Rapport's own Slack
 * messages about the person (its direct messages to them, and every message of the flags about
 * their accounts) where Slack lets it, then removes the rows in one transaction and keeps the
 * summary, so a second press answers "already done".
 *
 * <p>As a rep the person loses their accounts with their check-ins, kept versions and notes, the
 * flags about those accounts (evidence, history, plans, false alarms), prompts and slots, and
 * away weeks. As a manager their teams stay, without a manager (an admin names a new one), and the
 * digests sent to them go. They leave every team and lose Rapport's admin role (one given in
 * {@code RAPPORT_ADMINS} stays until the operator removes it). Their user id stays where it records
 * what they did to someone else's data (who changed another rep's check-in, who acknowledged a
 * flag), and in the request itself, which is the record that they were forgotten.
 */
public final class Forgetting {
  private static final Logger LOG = LoggerFactory.getLogger(Forgetting.class);
  /** A claim older than this belongs to a press that died; another press may finish the work. */
  static final Duration STALE_CLAIM = Duration.ofMinutes(10);

  /** What would be (or was) removed. */
  public record Counts(int checkIns, int notes, int versions, int flags, int prompts, int awayWeeks, int accounts,
      int messages, List<String> managedTeams) {}

  /** The confirmation's content: what will go, and the request the button carries out. */
  public record Preview(String requestId, String userId, Counts counts) {}

  /** What a press did. */
  public enum State { DONE, ALREADY_DONE, IN_PROGRESS }

  /** The answer to a press: the counts removed, and how many messages were deleted and why others were not. */
  public record Outcome(State state, String userId, Counts removed, int deleted, Map<String, Integer> notDeleted,
      String summary) {}

  private final Store store;
  private final Access access;
  private final PostedMessages messages;
  private final Clock clock;

  public Forgetting(Store store, Access access, PostedMessages messages, Clock clock) {
    this.store = store;
    this.access = access;
    this.messages = messages;
    this.clock = clock;
  }

  /** Counts what forgetting {@code userId} removes and records the request (for admins only). */
  public Preview preview(String ws, String adminId, String userId) {
    if (!access.isAdmin(ws, adminId)) {
      throw NotAllowed.notYours();
    }
    String id = UUID.randomUUID().toString();
    long now = clock.millis();
    store.ensureWorkspace(ws, now);
    Counts counts = store.jdbi().inTransaction(h -> {
      ForgetDao dao = h.attach(ForgetDao.class);
      dao.request(ws, id, userId, adminId, now);
      return counts(dao, ws, userId);
    });
    LOG.info("Forget request {} for {} by {} in {}", id, userId, adminId, ws);
    return new Preview(id, userId, counts);
  }

  /**
   * Carries out request {@code requestId} for {@code adminId}: once. Throws {@link NotAllowed}
   * (the uniform refusal) to anyone but an admin, and for a request that does not exist.
   */
  public Outcome confirm(String ws, String adminId, String requestId) throws InterruptedException {
    if (!access.isAdmin(ws, adminId) || requestId == null) {
      throw NotAllowed.notYours();
    }
    ForgetDao dao = store.jdbi().onDemand(ForgetDao.class);
    ForgetDao.Request request = dao.find(ws, requestId).orElseThrow(NotAllowed::notYours);
    long now = clock.millis();
    if (request.doneAt() != null) {
      return new Outcome(State.ALREADY_DONE, request.userId(), null, 0, Map.of(), request.summary());
    }
    if (dao.claim(ws, requestId, now, now - STALE_CLAIM.toMillis()) != 1) {
      ForgetDao.Request again = dao.find(ws, requestId).orElseThrow();
      return again.doneAt() != null
          ? new Outcome(State.ALREADY_DONE, request.userId(), null, 0, Map.of(), again.summary())
          : new Outcome(State.IN_PROGRESS, request.userId(), null, 0, Map.of(), null);
    }
    String userId = request.userId();
    List<String> flagIds = dao.flags(ws, userId);
    List<String> flagKeys = flagKeys(dao, ws, flagIds);
    String dm = Letter.privately(List.of(userId));
    Set<Posted> posts = new LinkedHashSet<>(dao.outboxPosts(ws, dm, flagKeys));
    posts.addAll(dao.flagPosts(ws, flagIds));
    posts.addAll(dao.ownPosts(ws, userId));
    // Rapport's messages first: if this press dies here, the rows still say where they were, and
    // the next press deletes what is left (a message already gone answers message_not_found).
    int deleted = 0;
    Map<String, Integer> notDeleted = new LinkedHashMap<>();
    for (Posted p : posts) {
      Optional<String> error = messages.delete(p.channelId(), p.ts());
      if (error.isEmpty()) {
        deleted++;
      } else {
        notDeleted.merge(error.get(), 1, Integer::sum);
      }
    }
    int messageCount = posts.size();
    Counts removed = store.jdbi().inTransaction(h -> {
      ForgetDao d = h.attach(ForgetDao.class);
      Counts c = counts(d, ws, userId, flagIds, messageCount);
      d.deleteOutbox(ws, dm, flagKeys);
      d.deleteFlagEvents(ws, flagIds);
      d.deleteFlagPlans(ws, flagIds);
      d.deleteFalseAlarms(ws, flagIds);
      d.deleteFlags(ws, flagIds);
      d.deleteVersions(ws, userId);
      d.deleteCheckIns(ws, userId);
      d.deleteSlots(ws, userId);
      d.deletePrompts(ws, userId);
      d.deleteAwayWeeks(ws, userId);
      d.deleteDigests(ws, userId);
      d.deleteAccounts(ws, userId);
      d.leaveTeams(ws, userId);
      d.stopManaging(ws, userId);
      d.deleteUser(ws, userId);
      return c;
    });
    String summary = io.rapport.slack.views.ForgetMessages.summary(userId, removed, deleted, notDeleted);
    dao.done(ws, requestId, adminId, summary, clock.millis());
    LOG.info("Forgot {} in {} (request {} by {}): {} check-ins, {} flags, {} prompts; {} of {} messages deleted",
        userId, ws, requestId, adminId, removed.checkIns(), removed.flags(), removed.prompts(), deleted, messageCount);
    return new Outcome(State.DONE, userId, removed, deleted, notDeleted, summary);
  }

  private static List<String> flagKeys(ForgetDao dao, String ws, List<String> flagIds) {
    List<String> keys = new ArrayList<>();
    for (String id : flagIds) {
      keys.add("flag:" + id);
    }
    for (String eventKey : dao.flagEventKeys(ws, flagIds)) {
      keys.add("flag:" + eventKey);
    }
    return keys;
  }

  private static Counts counts(ForgetDao dao, String ws, String userId) {
    List<String> flagIds = dao.flags(ws, userId);
    Set<Posted> posts = new LinkedHashSet<>(dao.outboxPosts(ws, Letter.privately(List.of(userId)),
        flagKeys(dao, ws, flagIds)));
    posts.addAll(dao.flagPosts(ws, flagIds));
    posts.addAll(dao.ownPosts(ws, userId));
    return counts(dao, ws, userId, flagIds, posts.size());
  }

  private static Counts counts(ForgetDao dao, String ws, String userId, List<String> flagIds, int messages) {
    return new Counts(dao.checkIns(ws, userId), dao.notes(ws, userId), dao.versions(ws, userId), flagIds.size(),
        dao.prompts(ws, userId), dao.awayWeeks(ws, userId), dao.accounts(ws, userId).size(), messages,
        dao.managedTeams(ws, userId));
  }
}
