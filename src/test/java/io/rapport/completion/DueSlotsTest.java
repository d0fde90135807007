package io.rapport.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.completion.DueSlots.Answered;
import io.rapport.completion.DueSlots.CheckInTime;
import io.rapport.completion.DueSlots.SlotAccount;
import io.rapport.completion.DueSlots.Tally;
import io.rapport.domain.IsoWeek;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one rule of due slots: key accounts, from their first week, until removal; the current week once due. */
class DueSlotsTest {
  static final IsoWeek TO = IsoWeek.parse("2026-W20");
  static final List<IsoWeek> PERIOD = IntStream.range(0, 8).mapToObj(i -> TO.minusWeeks(7 - i)).toList(); // W13…W20

  static IsoWeek w(String s) {
    return IsoWeek.parse(s);
  }

  static Set<Answered> answered(String account, String... weeks) {
    Set<Answered> out = new HashSet<>();
    for (String wk : weeks) {
      out.add(new Answered(account, w(wk)));
    }
    return out;
  }

  static Tally count(SlotAccount a, Set<Answered> answered, boolean currentWeekReached) {
    return DueSlots.count(List.of(a), PERIOD, answered, CheckInTime.upTo(TO, rep -> currentWeekReached),
        SlotExclusions.NONE);
  }

  static SlotAccount key(String first, String removed) {
    return new SlotAccount("a", "U1", true, w(first), removed == null ? null : w(removed));
  }

  @Test
  void aKeyAccountOlderThanThePeriodIsDueEveryWeek() {
    Tally t = count(key("2026-W01", null), answered("a", "2026-W13", "2026-W14", "2026-W15", "2026-W16", "2026-W19",
        "2026-W20"), true);
    assertThat(t.total()).isEqualTo(new Completion(6, 8));
    assertThat(t.of("U1")).isEqualTo(new Completion(6, 8));
    assertThat(t.missing()).extracting(DueSlots.Missing::week).containsExactly(w("2026-W17"), w("2026-W18"));
  }

  @Test
  void theCurrentWeekIsDueOnlyOnceItsCheckInTimeHasComeUnlessAnswered() {
    Set<Answered> early = answered("a", "2026-W13", "2026-W14", "2026-W15", "2026-W16", "2026-W17", "2026-W18");
    assertThat(count(key("2026-W01", null), early, false).total()).isEqualTo(new Completion(6, 7));
    early.add(new Answered("a", TO));
    assertThat(count(key("2026-W01", null), early, false).total()).isEqualTo(new Completion(7, 8));
  }

  @Test
  void anAccountAddedInThePeriodIsDueFromItsFirstWeek() {
    assertThat(count(key("2026-W18", null), answered("a", "2026-W19", "2026-W20"), true).total())
        .isEqualTo(new Completion(2, 3));
    // Imported with answers going back to W10: the first week is the first answer's.
    SlotAccount imported = Completions.slotAccount("a", "U1", true,
        w("2026-W30").monday().atStartOfDay().toInstant(java.time.ZoneOffset.UTC).toEpochMilli(), null, "2026-W10");
    assertThat(imported.firstWeek()).isEqualTo(w("2026-W10"));
    assertThat(count(imported, answered("a", "2026-W13", "2026-W14", "2026-W15", "2026-W16", "2026-W17"), true)
        .total()).isEqualTo(new Completion(5, 8));
  }

  @Test
  void aRemovedAccountIsDueUntilTheWeekBeforeItsRemovalAndStandardAccountsNever() {
    assertThat(count(key("2026-W01", "2026-W17"), answered("a", "2026-W13", "2026-W14", "2026-W15"), true).total())
        .isEqualTo(new Completion(3, 4));
    SlotAccount standard = new SlotAccount("a", "U1", false, w("2026-W01"), null);
    Tally t = count(standard, answered("a", "2026-W13"), true);
    assertThat(t.total()).isEqualTo(Completion.NONE);
    assertThat(t.keyAccounts()).isZero();
  }

  @Test
  void keyAccountsAddedThisWeekAreNotDueYetButAreCounted() {
    Tally t = count(key("2026-W20", null), Set.of(), false);
    assertThat(t.total().nothingDue()).isTrue();
    assertThat(t.keyAccounts()).isEqualTo(1);
  }

  @Test
  void excludedWeeksAreNotDueButAnAnswerGivenAnywayCounts() {
    SlotExclusions away = (rep, week) -> week.equals(w("2026-W17")) || week.equals(w("2026-W18"));
    Tally t = DueSlots.count(List.of(key("2026-W01", null)), PERIOD,
        answered("a", "2026-W13", "2026-W14", "2026-W15", "2026-W18"), CheckInTime.ALWAYS, away);
    // W17 excluded and unanswered: not due; W18 excluded but answered: due and answered.
    assertThat(t.total()).isEqualTo(new Completion(4, 7));
  }

  @Test
  void percentIsRoundedDownSoOneMissingNeverReads100() {
    assertThat(new Completion(199, 200).percent()).isEqualTo(99);
    assertThat(Completion.NONE.percent()).isEqualTo(100);
  }
}
