package io.rapport.report;

import io.rapport.slack.views.SlackText;
import io.rapport.domain.Account;
import io.rapport.domain.Names;
import io.rapport.domain.Team;
import io.rapport.report.ResolvedScope.Unit;
import io.rapport.command.UsageException;
import io.rapport.slack.views.AccountLines;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.NotAllowed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a {@link ReportScope} into a {@link ResolvedScope} for one requester, applying SPEC §5's
 * rights: a manager reports on their own teams, an admin on everything, anyone else is refused
 * politely and told who can run the report. Always within one workspace.
 */
public final class ScopeResolver {
  private static final int MAX_CANDIDATES = 8;

  private final Store store;
  private final Access access;

  public ScopeResolver(Store store, Access access) {
    this.store = store;
    this.access = access;
  }

  /** Thrown when the requester may not run the report; the message says who can. */
  public static final class Refusal extends Exception {
    public Refusal(String message) {
      super(message);
    }
  }

  /**
   * Resolves {@code scope} for {@code userId}.
   *
   * @throws Refusal when the user is neither a manager nor an admin, or asks about a team they do
   *     not manage
   * @throws UsageException when a name is unknown or ambiguous
   */
  public ResolvedScope resolve(String workspaceId, String userId, ReportScope scope)
      throws Refusal, UsageException {
    boolean admin = access.isAdmin(workspaceId, userId);
    List<Team> allowed = admin ? store.teams().all(workspaceId) : access.managedTeams(workspaceId, userId);
    if (!admin && allowed.isEmpty()) {
      throw new Refusal(refusal(workspaceId, userId));
    }
    return switch (scope.kind()) {
      case DEFAULT -> defaultScope(workspaceId, scope, allowed, admin);
      case TEAM -> teamScope(workspaceId, scope, allowed, admin);
      case CHANNEL -> channelScope(workspaceId, scope, allowed, admin);
      case REP -> repScope(workspaceId, scope, allowed, admin);
      case ACCOUNT -> accountScope(workspaceId, userId, scope, allowed, admin);
    };
  }

  private ResolvedScope defaultScope(String ws, ReportScope scope, List<Team> allowed, boolean admin) {
    List<Unit> units = new ArrayList<>();
    Set<String> inTeams = new LinkedHashSet<>();
    for (Team t : allowed) {
      Unit u = teamUnit(ws, t);
      inTeams.addAll(u.contextReps());
      units.add(u);
    }
    String title;
    if (admin) {
      // An admin sees everything: reps with accounts who are in no team form a unit of their own.
      Set<String> loose = new TreeSet<>();
      for (Account a : store.accounts().active(ws)) {
        if (!inTeams.contains(a.rep())) {
          loose.add(a.rep());
        }
      }
      if (!loose.isEmpty()) {
        units.add(new Unit(allowed.isEmpty() ? "All accounts" : "Not in a team", Optional.empty(), loose, loose));
      }
      title = allowed.isEmpty() ? "All accounts" : "All teams";
    } else {
      title = allowed.size() == 1
          ? "Team " + allowed.get(0).name()
          : "Your teams: " + allowed.stream().map(Team::name).collect(Collectors.joining(", "));
    }
    return new ResolvedScope(scope, title, units, Optional.empty(), Optional.empty());
  }

  private ResolvedScope teamScope(String ws, ReportScope scope, List<Team> allowed, boolean admin)
      throws Refusal, UsageException {
    // A manager looks only among their own teams: another team's name (or id) gets the same
    // answer as a name nobody uses, and no list of teams.
    Optional<Team> byId = store.teams().find(ws, scope.target()).filter(t -> admin || isIn(t, allowed));
    Team team;
    if (byId.isPresent()) {
      team = byId.get();
    } else {
      List<Team> pool = admin ? store.teams().all(ws) : allowed;
      if (!admin && noneStartsWith(pool, Team::name, scope.target())) {
        throw new Refusal(NotAllowed.NOT_YOURS);
      }
      team = pick(pool, Team::name, scope.target(), "team", "teams");
    }
    return new ResolvedScope(
        scope.withTarget(ReportScope.Kind.TEAM, team.id()),
        "Team " + team.name(),
        List.of(teamUnit(ws, team)),
        Optional.empty(),
        Optional.empty());
  }

  private ResolvedScope channelScope(String ws, ReportScope scope, List<Team> allowed, boolean admin)
      throws Refusal, UsageException {
    List<Team> teams =
        store.teams().all(ws).stream()
            .filter(t -> t.channelId().filter(scope.target()::equals).isPresent())
            .toList();
    List<Team> mine = admin ? teams : teams.stream().filter(t -> isIn(t, allowed)).toList();
    if (!admin && mine.isEmpty()) {
      throw new Refusal(NotAllowed.NOT_YOURS);
    }
    if (teams.isEmpty()) {
      throw new UsageException(
          "No team uses <#" + scope.target() + "> as its channel. An admin can set it with"
              + " `/relationship-admin team NAME channel #channel`.");
    }
    List<Unit> units = mine.stream().map(t -> teamUnit(ws, t)).toList();
    String names = mine.stream().map(Team::name).collect(Collectors.joining(", "));
    return new ResolvedScope(scope, (mine.size() == 1 ? "Team " : "Teams ") + names, units,
        Optional.empty(), Optional.of(scope.target()));
  }

  private ResolvedScope repScope(String ws, ReportScope scope, List<Team> allowed, boolean admin)
      throws Refusal {
    String rep = scope.target();
    List<Team> repTeams = store.teams().ofMember(ws, rep);
    if (!admin && repTeams.stream().noneMatch(t -> isIn(t, allowed))) {
      throw new Refusal(NotAllowed.NOT_YOURS);
    }
    Set<String> context = new LinkedHashSet<>();
    context.add(rep);
    Optional<Team> team = Optional.empty();
    for (Team t : repTeams) {
      if (admin || isIn(t, allowed)) {
        context.addAll(store.teams().members(ws, t.id()));
        team = team.isPresent() ? team : Optional.of(t);
      }
    }
    Unit unit = new Unit(team.map(Team::name).orElse("Not in a team"), team, context, Set.of(rep));
    return new ResolvedScope(scope, "<@" + rep + ">'s accounts", List.of(unit), Optional.empty(), Optional.empty());
  }

  private ResolvedScope accountScope(
      String ws, String userId, ReportScope scope, List<Team> allowed, boolean admin)
      throws Refusal, UsageException {
    Account account = store.accounts().findActive(ws, scope.target()).orElse(null);
    if (account == null) {
      List<Account> candidates = store.accounts().activeByNamePrefix(ws, Names.key(scope.target()));
      if (!admin) {
        Set<String> visible = access.visibleReps(ws, userId);
        candidates = candidates.stream().filter(a -> visible.contains(a.rep())).toList();
        if (candidates.isEmpty()) {
          throw new Refusal(NotAllowed.NOT_YOURS);
        }
      }
      account = pick(candidates, Account::name, scope.target(), "account", "accounts");
    }
    String rep = account.rep();
    List<Team> repTeams = store.teams().ofMember(ws, rep);
    boolean mine = admin || repTeams.stream().anyMatch(t -> isIn(t, allowed));
    if (!mine) {
      throw new Refusal(NotAllowed.NOT_YOURS);
    }
    Set<String> context = new LinkedHashSet<>();
    context.add(rep);
    Optional<Team> team = Optional.empty();
    for (Team t : repTeams) {
      if (admin || isIn(t, allowed)) {
        context.addAll(store.teams().members(ws, t.id()));
        team = team.isPresent() ? team : Optional.of(t);
      }
    }
    Unit unit = new Unit(team.map(Team::name).orElse("Not in a team"), team, context, Set.of(rep));
    return new ResolvedScope(
        scope.withTarget(ReportScope.Kind.ACCOUNT, account.id()),
        "Account " + account.name(),
        List.of(unit),
        Optional.of(account.id()),
        Optional.empty());
  }

  private static boolean isIn(Team team, List<Team> teams) {
    return teams.stream().anyMatch(t -> t.id().equals(team.id()));
  }

  private Unit teamUnit(String ws, Team t) {
    Set<String> members = new LinkedHashSet<>(store.teams().members(ws, t.id()));
    return new Unit(t.name(), Optional.of(t), members, members);
  }

  private <T> T pick(List<T> items, java.util.function.Function<T, String> nameOf, String wanted,
      String noun, String plural) throws UsageException {
    String key = Names.key(wanted);
    List<T> exact = items.stream().filter(i -> Names.key(nameOf.apply(i)).equals(key)).toList();
    if (exact.size() == 1) {
      return exact.get(0);
    }
    List<T> prefixed = items.stream().filter(i -> Names.key(nameOf.apply(i)).startsWith(key)).toList();
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    if (prefixed.isEmpty()) {
      String known = items.isEmpty() ? "" : " Known " + plural + ": " + list(items, nameOf) + ".";
      throw new UsageException("No " + noun + " is called \"" + SlackText.escape(wanted) + "\"." + known);
    }
    throw new UsageException(
        "\"" + SlackText.escape(wanted) + "\" matches several " + plural + ": " + list(prefixed, nameOf)
            + ". Write more of the name (in quotes if it has spaces).");
  }

  private static <T> String list(List<T> items, java.util.function.Function<T, String> nameOf) {
    List<String> names = items.stream().map(nameOf).map(SlackText::escape).sorted().toList();
    String shown = names.stream().limit(MAX_CANDIDATES).collect(Collectors.joining(", "));
    return names.size() > MAX_CANDIDATES ? shown + " and " + (names.size() - MAX_CANDIDATES) + " more" : shown;
  }

  private static <T> boolean noneStartsWith(List<T> items, java.util.function.Function<T, String> nameOf,
      String wanted) {
    String key = Names.key(wanted);
    return items.stream().noneMatch(i -> Names.key(nameOf.apply(i)).startsWith(key));
  }

  /**
   * The polite refusal for someone who is neither a manager nor an admin: a refusal of a role, not
   * of a thing, so it names only the asker's own managers and Rapport's admins, never another
   * team or its manager.
   */
  String refusal(String ws, String userId) {
    Set<String> managers = new TreeSet<>();
    for (Team t : store.teams().ofMember(ws, userId)) {
      t.managerId().ifPresent(managers::add);
    }
    StringBuilder b = new StringBuilder(
        "Sorry — the relationship report is for team managers (about their own teams) and Rapport's"
            + " admins.");
    if (!managers.isEmpty()) {
      b.append(" Your manager")
          .append(managers.size() > 1 ? "s " : " ")
          .append(managers.stream().map(m -> "<@" + m + ">").collect(Collectors.joining(", ")))
          .append(managers.size() > 1 ? " can run it for your teams." : " can run it for your team.");
    }
    b.append(" Rapport's admins: ").append(access.adminMentions(ws)).append('.');
    b.append(" Your own accounts, their health and flags are in Rapport's App Home.");
    return b.toString();
  }
}
