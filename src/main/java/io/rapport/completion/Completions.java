package io.rapport.completion;

import io.rapport.completion.DueSlots.Answered;
import io.rapport.completion.DueSlots.CheckInTime;
import io.rapport.completion.DueSlots.SlotAccount;
import io.rapport.completion.DueSlots.Tally;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import io.rapport.store.ReportDao;
import io.rapport.store.SlotDao;
import io.rapport.store.Store;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Check-in completion of a set of reps over a set of weeks, by the one rule of {@link DueSlots}:
 * what App Home, {@code /accounts}, the report and the digest show. Two grouped reads per call.
 */
public final class Completions {
  private final Store store;
  private final CheckInTimes times;
  private volatile ExclusionSource exclusions;

  /** Completions for callers that pass their own check-in time ({@link #ofAccounts}). */
  public Completions(Store store) {
    this(store, null, ExclusionSource.NONE);
  }

  public Completions(Store store, CheckInTimes times) {
    this(store, times, ExclusionSource.NONE);
  }

  public Completions(Store store, CheckInTimes times, ExclusionSource exclusions) {
    this.store = store;
    this.times = times;
    this.exclusions = exclusions;
  }

  /** Sets where excluded weeks (e.g. away) come from. */
  public void excluding(ExclusionSource source) {
    this.exclusions = source;
  }

  /** Moves check-in times past team holidays as the prompts are (see {@link CheckInTimes#movingPast}). */
  public void movingPast(CheckInTimes.Holidays holidays) {
    if (times != null) {
      times.movingPast(holidays);
    }
  }

  /** The excluded weeks (e.g. away) of the reps between two weeks, as completion sees them. */
  public SlotExclusions exclusions(String workspaceId, Collection<String> repIds, IsoWeek from, IsoWeek to) {
    return repIds.isEmpty() ? SlotExclusions.NONE : exclusions.of(workspaceId, repIds, from, to);
  }

  /** The check-in times of the workspace now. */
  public CheckInTime checkInTime(String workspaceId) {
    if (times == null) {
      throw new IllegalStateException("no check-in times given");
    }
    return times.of(workspaceId);
  }

  /** Completion of the reps' key accounts over {@code from}..{@code to} (inclusive). */
  public Tally ofReps(String workspaceId, Collection<String> repIds, IsoWeek from, IsoWeek to) {
    if (repIds.isEmpty()) {
      return Tally.EMPTY;
    }
    return ofAccounts(workspaceId, accountsOfReps(workspaceId, repIds, from), from, to, checkInTime(workspaceId));
  }

  /** Completion of given accounts (e.g. those of a report) with a given check-in time. */
  public Tally ofAccounts(String workspaceId, Collection<SlotAccount> accounts, IsoWeek from, IsoWeek to,
      CheckInTime time) {
    List<IsoWeek> weeks = new ArrayList<>();
    for (IsoWeek w = from; w.compareTo(to) <= 0; w = w.plusWeeks(1)) {
      weeks.add(w);
    }
    Set<String> reps = new LinkedHashSet<>();
    List<String> ids = new ArrayList<>();
    for (SlotAccount a : accounts) {
      if (a.key()) {
        reps.add(a.repId());
        ids.add(a.accountId());
      }
    }
    Set<Answered> answered = answered(workspaceId, ids, from, to);
    SlotExclusions excluded = reps.isEmpty() ? SlotExclusions.NONE : exclusions.of(workspaceId, reps, from, to);
    return DueSlots.count(accounts, weeks, answered, time, excluded);
  }

  /** The reps' accounts live at some point since {@code from}, as completion sees them. */
  public List<SlotAccount> accountsOfReps(String workspaceId, Collection<String> repIds, IsoWeek from) {
    SlotDao dao = store.jdbi().onDemand(SlotDao.class);
    long fromMillis = from.monday().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    List<SlotAccount> out = new ArrayList<>();
    for (List<String> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(repIds)))) {
      for (SlotDao.SlotRow r : dao.accountsOfReps(workspaceId, chunk, fromMillis)) {
        out.add(slotAccount(r.id(), r.repId(), Tier.KEY.id().equalsIgnoreCase(r.tier()), r.createdAt(),
            r.removedAt(), r.firstAnswered()));
      }
    }
    return out;
  }

  /** An account as the rule sees it, from its stored times. */
  public static SlotAccount slotAccount(String id, String repId, boolean key, long createdAt, Long removedAt,
      String firstAnsweredWeek) {
    IsoWeek first = week(createdAt);
    if (firstAnsweredWeek != null) {
      IsoWeek answered = IsoWeek.parse(firstAnsweredWeek);
      first = answered.compareTo(first) < 0 ? answered : first;
    }
    return new SlotAccount(id, repId, key, first, removedAt == null ? null : week(removedAt));
  }

  private Set<Answered> answered(String workspaceId, List<String> ids, IsoWeek from, IsoWeek to) {
    Set<Answered> out = new HashSet<>();
    if (ids.isEmpty()) {
      return out;
    }
    SlotDao dao = store.jdbi().onDemand(SlotDao.class);
    for (List<String> chunk : chunks(ids)) {
      for (SlotDao.AnsweredRow r : dao.answered(workspaceId, chunk, from.toString(), to.toString())) {
        out.add(new Answered(r.accountId(), IsoWeek.parse(r.week())));
      }
    }
    return out;
  }

  private static IsoWeek week(long millis) {
    return IsoWeek.of(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate());
  }

  private static List<List<String>> chunks(List<String> all) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += ReportDao.CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + ReportDao.CHUNK)));
    }
    return out;
  }
}
