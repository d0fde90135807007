package io.rapport.team;

import io.rapport.domain.Account;
import io.rapport.domain.Role;
import io.rapport.domain.Team;
import io.rapport.store.Store;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may see and change what (SPEC §9): a rep their own accounts, a manager their teams'
 * accounts, an admin everything — always within one Slack workspace. Admins are the users named in
 * {@code RAPPORT_ADMINS} (in the workspace Rapport is bound to, {@link WorkspaceBinding}) plus
 * those an admin has named since.
 */
public final class Access {
  private final Store store;
  private final Set<String> configuredAdmins;
  private final WorkspaceBinding binding;

  /** Configured admins count in every workspace: for the command line and tests of one workspace. */
  public Access(Store store, Set<String> configuredAdmins) {
    this(store, configuredAdmins, null);
  }

  /** Configured admins ({@code RAPPORT_ADMINS}) count in the bound workspace only. */
  public Access(Store store, Set<String> configuredAdmins, WorkspaceBinding binding) {
    this.store = store;
    this.configuredAdmins = Set.copyOf(configuredAdmins);
    this.binding = binding;
  }

  public boolean isAdmin(String workspaceId, String userId) {
    return configuredAdmins(workspaceId).contains(userId) || store.users().isAdmin(workspaceId, userId);
  }

  private Set<String> configuredAdmins(String workspaceId) {
    return binding == null || binding.serves(workspaceId) ? configuredAdmins : Set.of();
  }

  /** Every admin of the workspace, configured or named since, in id order. */
  public java.util.SortedSet<String> admins(String workspaceId) {
    java.util.SortedSet<String> admins = new java.util.TreeSet<>(configuredAdmins(workspaceId));
    admins.addAll(store.users().admins(workspaceId));
    return admins;
  }

  /** The admins as Slack mentions, or a plain sentence when there are none yet: for refusals. */
  public String adminMentions(String workspaceId) {
    java.util.SortedSet<String> admins = admins(workspaceId);
    return admins.isEmpty()
        ? "no admin is named yet (whoever installed Rapport can name one)"
        : admins.stream().map(a -> "<@" + a + ">").collect(java.util.stream.Collectors.joining(", "));
  }

  /** The teams {@code userId} manages (all teams for an admin is {@link #teamsInScope}). */
  public List<Team> managedTeams(String workspaceId, String userId) {
    return store.teams().managedBy(workspaceId, userId);
  }

  /** The highest role the user holds in the workspace. */
  public Role roleOf(String workspaceId, String userId) {
    if (isAdmin(workspaceId, userId)) {
      return Role.ADMIN;
    }
    return managedTeams(workspaceId, userId).isEmpty() ? Role.REP : Role.MANAGER;
  }

  /** The teams whose data the user may see as a manager: every team for an admin. */
  public List<Team> teamsInScope(String workspaceId, String userId) {
    return isAdmin(workspaceId, userId)
        ? store.teams().all(workspaceId)
        : managedTeams(workspaceId, userId);
  }

  /** The reps whose accounts the user may see: themself, their teams' members, or all for an admin. */
  public Set<String> visibleReps(String workspaceId, String userId) {
    Set<String> reps = new LinkedHashSet<>();
    reps.add(userId);
    for (Team team : teamsInScope(workspaceId, userId)) {
      reps.addAll(store.teams().members(workspaceId, team.id()));
    }
    return reps;
  }

  /** True when the user may see and change {@code account}. */
  public boolean canManageAccount(String workspaceId, String userId, Account account) {
    if (account.rep().equals(userId) || isAdmin(workspaceId, userId)) {
      return true;
    }
    return managesRep(workspaceId, userId, account.rep());
  }

  /** True when {@code userId} manages a team that {@code repId} belongs to. */
  public boolean managesRep(String workspaceId, String userId, String repId) {
    return store.teams().ofMember(workspaceId, repId).stream().anyMatch(t -> t.isManagedBy(userId));
  }
}
