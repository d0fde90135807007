package io.rapport.checkin;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Team;
import io.rapport.completion.Completion;
import io.rapport.completion.Completions;
import io.rapport.completion.SlotExclusions;
import io.rapport.flag.PolicyInForce;
import io.rapport.insight.Absences;
import io.rapport.insight.AccountAnalysis;
import io.rapport.insight.Analyzer;
import io.rapport.insight.Policy;
import io.rapport.store.AccountStatusDao;
import io.rapport.store.AccountStatusDao.AccountCount;
import io.rapport.store.AccountStatusDao.AccountWeek;
import io.rapport.store.Store;
import io.rapport.team.Access;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what App Home and {@code /accounts} show: each account's health (the insight core's
 * {@link Analyzer} over its recent check-ins with the policy in force for its rep's home team,
 * judged with the other listed accounts as the book),
 * last check-in and open flags, and for managers each team's completion this week and the
 * accounts that need attention. A few grouped queries per call, whatever the number of accounts.
 */
public final class AccountOverview {
  /**
   * Worst first: lowest health band, then most open flags, then lowest score, then due this week,
   * then the longest since an answer, then name.
   */
  public static final Comparator<AccountStatus> WORST_FIRST =
      Comparator.comparingInt(AccountStatus::healthRank)
          .thenComparingInt(s -> -s.openFlags())
          .thenComparingInt(s -> s.health().map(h -> h.score()).orElse(100))
          .thenComparing(s -> !s.isDue())
          .thenComparing(s -> s.lastAnswered().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(s -> s.account().name().toLowerCase(java.util.Locale.ROOT));

  /** For choosing what to check in: due this week first, then by name. */
  public static final Comparator<AccountStatus> DUE_FIRST =
      Comparator.comparing((AccountStatus s) -> !s.isDue())
          .thenComparing(s -> s.account().name().toLowerCase(java.util.Locale.ROOT));

  private static final int AT_RISK_PER_TEAM = 5;

  private final Store store;
  private final Access access;
  private final PolicyInForce policies;
  private final Completions completions;
  private final Optional<String> currency;

  public AccountOverview(Store store, Access access, PolicyInForce policies, Completions completions) {
    this(store, access, policies, completions, Optional.empty());
  }

  /** @param currency the workspace's currency for amounts in evidence ({@code RAPPORT_CURRENCY}) */
  public AccountOverview(Store store, Access access, PolicyInForce policies, Completions completions,
      Optional<String> currency) {
    this.store = store;
    this.access = access;
    this.policies = policies;
    this.completions = completions;
    this.currency = currency;
  }

  private AccountStatusDao dao() {
    return store.jdbi().onDemand(AccountStatusDao.class);
  }

  /**
   * The status of each of {@code accounts} (in the same order) for {@code week}, each judged with
   * the policy in force for its rep.
   */
  public List<AccountStatus> statuses(String workspaceId, List<Account> accounts, IsoWeek week) {
    Map<String, Optional<Team>> home = new HashMap<>();
    for (Account a : accounts) {
      home.computeIfAbsent(a.rep(), r -> policies.homeTeam(workspaceId, r));
    }
    Map<String, List<Account>> byTeam = new java.util.LinkedHashMap<>();
    Map<String, Optional<Team>> teamOf = new HashMap<>();
    for (Account a : accounts) {
      Optional<Team> t = home.get(a.rep());
      String key = t.map(Team::id).orElse("");
      teamOf.putIfAbsent(key, t);
      byTeam.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
    }
    Map<String, AccountStatus> byId = new HashMap<>();
    byTeam.forEach((key, group) -> {
      for (AccountStatus s : statuses(workspaceId, group, week, PolicyInForce.insightOf(teamOf.get(key)))) {
        byId.put(s.account().id(), s);
      }
    });
    List<AccountStatus> out = new ArrayList<>(accounts.size());
    for (Account a : accounts) {
      out.add(byId.get(a.id()));
    }
    return out;
  }

  /** The status of each of {@code accounts} judged together with {@code policy}. */
  private List<AccountStatus> statuses(String workspaceId, List<Account> accounts, IsoWeek week, Policy policy) {
    if (accounts.isEmpty()) {
      return List.of();
    }
    Analyzer analyzer = new Analyzer(policy).inCurrency(currency);
    Set<String> reps = new LinkedHashSet<>();
    accounts.forEach(a -> reps.add(a.rep()));
    AccountStatusDao dao = dao();
    Map<String, IsoWeek> last = new HashMap<>();
    for (AccountWeek w : dao.lastAnswered(workspaceId, reps)) {
      last.put(w.accountId(), IsoWeek.parse(w.week()));
    }
    Map<String, Integer> flags = new HashMap<>();
    for (AccountCount c : dao.openFlags(workspaceId, reps)) {
      flags.put(c.accountId(), c.count());
    }
    Set<String> answered = new HashSet<>(dao.answeredIn(workspaceId, reps, week.toString()));
    Map<String, List<CheckIn>> history = new HashMap<>();
    String from = week.minusWeeks(analyzer.policy().lookbackWeeks() - 1L).toString();
    for (CheckIn c : dao.recentCheckIns(workspaceId, reps, from)) {
      history.computeIfAbsent(c.account(), k -> new ArrayList<>()).add(c);
    }
    Map<String, String> editedBy = new HashMap<>();
    for (AccountStatusDao.WrittenByOther w : dao.writtenByOthers(workspaceId, reps, from)) {
      editedBy.put(w.accountId() + "/" + w.week(), w.userId());
    }
    Absences away = completions.exclusions(workspaceId, reps, IsoWeek.parse(from), week)::excluded;
    List<AccountAnalysis> analyses = analyzer.analyzeAll(accounts, history, week, away);
    List<AccountStatus> out = new ArrayList<>(accounts.size());
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      Optional<IsoWeek> l = Optional.ofNullable(last.get(a.id()));
      out.add(new AccountStatus(a, l, flags.getOrDefault(a.id(), 0), answered.contains(a.id()),
          analyses.get(i).health(), l.map(w -> editedBy.get(a.id() + "/" + w))));
    }
    return out;
  }

  /**
   * The teams {@code userId} may oversee (managed teams; every team for an admin) with this
   * week's completion and the accounts that need attention.
   */
  public List<TeamProgress> teams(String workspaceId, String userId, IsoWeek week) {
    List<TeamProgress> out = new ArrayList<>();
    for (Team team : access.teamsInScope(workspaceId, userId)) {
      List<String> members = store.teams().members(workspaceId, team.id());
      List<AccountStatus> all = members.isEmpty() ? List.of()
          : statuses(workspaceId, store.accounts().activeOfReps(workspaceId, members), week,
              PolicyInForce.insightOf(Optional.of(team)));
      int key = (int) all.stream().filter(s -> s.account().isKey()).count();
      Completion completion = completions.ofReps(workspaceId, members, week, week).total();
      List<AccountStatus> attention = all.stream()
          .filter(AccountStatus::needsAttention)
          .sorted(WORST_FIRST)
          .limit(AT_RISK_PER_TEAM)
          .toList();
      SlotExclusions excluded = completions.exclusions(workspaceId, members, week, week);
      List<String> away = members.stream().filter(rep -> excluded.excluded(rep, week)).toList();
      int awayKey = (int) all.stream()
          .filter(s -> s.account().isKey() && !s.answeredThisWeek() && away.contains(s.account().rep())).count();
      out.add(new TeamProgress(team, members.size(), key, completion, attention, away, awayKey));
    }
    return out;
  }
}
