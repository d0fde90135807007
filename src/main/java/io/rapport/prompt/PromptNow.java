package io.rapport.prompt;

import io.rapport.away.AwayService;
import io.rapport.domain.DisplayText;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Team;
import io.rapport.outbox.Outbox.Outcome;
import io.rapport.store.PromptDao;
import io.rapport.store.PromptDao.PromptRow;
import io.rapport.store.Store;
import io.rapport.team.UserTimeZones;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /relationship-admin prompt-now [team NAME]}: sends this week's weekly prompt at once to
 * every rep in scope who has not had it, under the same exactly-once rules as the schedule (the
 * same rows and claims), and says what it did. Reps away this week ({@link AwayService#awayAtPrompt})
 * are skipped and counted.
 */
public final class PromptNow {
  /** What a prompt-now did. */
  public record Result(int sent, int already, int inProgress, int nothingDue, int retrying,
      Map<String, Integer> failures, int away) {
    public int failed() {
      return failures.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final Store store;
  private final UserTimeZones timeZones;
  private final PromptScheduler scheduler;
  private final PromptSender sender;
  private final AwayService awayService;
  private final Clock clock;

  public PromptNow(Store store, UserTimeZones timeZones, PromptScheduler scheduler, PromptSender sender,
      AwayService away, Clock clock) {
    this.awayService = away;
    this.store = store;
    this.timeZones = timeZones;
    this.scheduler = scheduler;
    this.sender = sender;
    this.clock = clock;
  }

  /** Sends to the members of {@code team}, or of every team that is not paused. */
  public Result run(String workspaceId, Optional<Team> team) throws InterruptedException {
    Set<String> reps = new LinkedHashSet<>();
    if (team.isPresent()) {
      reps.addAll(store.teams().members(workspaceId, team.get().id()));
    } else {
      for (Team t : store.teams().all(workspaceId)) {
        if (!t.paused()) {
          reps.addAll(store.teams().members(workspaceId, t.id()));
        }
      }
    }
    Instant now = clock.instant();
    PromptDao dao = store.prompts();
    List<PromptRow> rows = new ArrayList<>();
    int nothingDue = 0;
    int away = 0;
    for (String rep : reps) {
      ZoneId zone = timeZones.cachedZoneOf(workspaceId, rep).orElseGet(() -> timeZones.zoneOf(workspaceId, rep));
      IsoWeek week = PromptScheduler.weekAt(now, zone);
      List<Team> teams = store.teams().ofMember(workspaceId, rep);
      if (dao.find(workspaceId, rep, week.toString(), PromptKind.WEEKLY.id()).isEmpty()
          && awayService.awayAtPrompt(workspaceId, rep, week, teams)) {
        away++;
        continue;
      }
      String teamId = team.map(Team::id).orElse(teams.isEmpty() ? null : teams.get(0).id());
      scheduler.ensureWeekly(workspaceId, rep, week, now.toEpochMilli(), teamId, teams);
      scheduler.reopenIfDue(workspaceId, rep, week); // skipped earlier for "nothing due": judged again
      Optional<PromptRow> row = dao.find(workspaceId, rep, week.toString(), PromptKind.WEEKLY.id());
      if (row.isEmpty()) {
        nothingDue++;
      } else {
        rows.add(row.get());
      }
    }
    Map<String, Outcome> outcomes = sender.deliverAll(rows);
    int sent = 0;
    int already = 0;
    int inProgress = 0;
    int retrying = 0;
    Map<String, Integer> failures = new TreeMap<>();
    for (PromptRow row : rows) {
      Outcome outcome = outcomes.get(PromptSender.key(row));
      PromptRow after = dao.find(row.workspaceId(), row.repId(), row.week(), row.kind()).orElse(row);
      switch (outcome) {
        case SENT, RECOVERED -> sent++;
        case SKIPPED, EXPIRED -> nothingDue++;
        case RETRY_LATER, WAITING -> retrying++;
        case FAILED -> failures.merge(reason(after), 1, Integer::sum);
        case NOT_CLAIMED -> {
          boolean leased = sender.entry(row).filter(e -> e.state().equals("leased")).isPresent();
          switch (after.status()) {
            case "sent" -> already++;
            case "claimed" -> inProgress++;
            case "pending" -> {
              if (leased) {
                inProgress++;
              } else {
                retrying++;
              }
            }
            case "failed" -> failures.merge(reason(after), 1, Integer::sum);
            default -> nothingDue++;
          }
        }
      }
    }
    return new Result(sent, already, inProgress, nothingDue, retrying, failures, away);
  }

  private static String reason(PromptRow row) {
    String e = row.lastError() == null ? "unknown" : row.lastError();
    int colon = e.indexOf(": ");
    return colon >= 0 ? e.substring(colon + 2) : e;
  }

  /** The admin's answer, e.g. "Sent 12 prompts; 288 already had this week's prompt." */
  public static String describe(Result r, Optional<Team> team) {
    StringBuilder b = new StringBuilder();
    b.append(team.map(t -> "*" + DisplayText.escape(t.name()) + "*: ").orElse(""));
    b.append("Sent ").append(r.sent()).append(r.sent() == 1 ? " prompt" : " prompts");
    b.append("; ").append(r.already()).append(r.already() == 1 ? " rep" : " reps")
        .append(" already had this week's prompt");
    if (r.inProgress() > 0) {
      b.append("; ").append(r.inProgress()).append(" being sent right now by the schedule");
    }
    if (r.away() > 0) {
      b.append("; ").append(r.away()).append(r.away() == 1 ? " rep was" : " reps were")
          .append(" skipped as away");
    }
    if (r.nothingDue() > 0) {
      b.append("; ").append(r.nothingDue()).append(r.nothingDue() == 1 ? " rep has" : " reps have")
          .append(" nothing due");
    }
    if (r.retrying() > 0) {
      b.append("; ").append(r.retrying()).append(" will be retried shortly (Slack was busy)");
    }
    if (r.failed() > 0) {
      b.append("; ").append(r.failed()).append(" could not be reached (");
      b.append(String.join(", ", r.failures().entrySet().stream()
          .map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : "")).toList()));
      b.append(")");
    }
    return b.append('.').toString();
  }
}
