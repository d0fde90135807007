package io.rapport.team;

import io.rapport.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rapport's admins in a workspace: those named in {@code RAPPORT_ADMINS} (always admins, they
 * bootstrap the rest) and those an admin has named since. Callers check that the actor is an admin.
 */
public final class AdminRoster {
  /** The admins of a workspace, by where their right comes from. */
  public record Admins(List<String> configured, List<String> named) {}

  private final Store store;
  private final Set<String> configured;
  private final Clock clock;

  public AdminRoster(Store store, Set<String> configuredAdmins, Clock clock) {
    this.store = store;
    this.configured = Set.copyOf(configuredAdmins);
    this.clock = clock;
  }

  /** Makes {@code userId} an admin; returns false when they already were one. */
  public boolean add(String workspaceId, String userId) {
    if (configured.contains(userId) || store.users().isAdmin(workspaceId, userId)) {
      return false;
    }
    long now = clock.millis();
    store.ensureWorkspace(workspaceId, now);
    store.users().setAdmin(workspaceId, userId, true, now);
    return true;
  }

  /**
   * Takes the admin right from {@code userId}; returns false when they were not an admin. Admins
   * named in {@code RAPPORT_ADMINS} cannot be removed here.
   */
  public boolean remove(String workspaceId, String userId) {
    if (configured.contains(userId)) {
      throw new Refusal("<@" + userId + "> is an admin through RAPPORT_ADMINS in Rapport's"
          + " configuration; remove them there and restart Rapport.");
    }
    if (!store.users().isAdmin(workspaceId, userId)) {
      return false;
    }
    store.users().setAdmin(workspaceId, userId, false, clock.millis());
    return true;
  }

  public Admins list(String workspaceId) {
    List<String> named = store.users().admins(workspaceId).stream()
        .filter(u -> !configured.contains(u)).toList();
    return new Admins(List.copyOf(new TreeSet<>(configured)), named);
  }
}
