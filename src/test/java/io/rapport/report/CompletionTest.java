package io.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import io.rapport.report.Report.Completion;
import io.rapport.report.Report.Period;
import io.rapport.store.ReportDao.AccountPeriod;
import io.rapport.store.ReportDao.SignalTotals;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Due slots: key accounts, from their first week, until removal; the current week once due. */
class CompletionTest {
  static final Period PERIOD = Period.ending(IsoWeek.parse("2026-W20"), 8); // W13…W20
  static final SignalTotals NONE = new SignalTotals(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, null, 0, null);

  static long millis(String week) {
    return IsoWeek.parse(week).monday().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  static AccountPeriod account(Tier tier, String created, String removed, int answered, String first, boolean last) {
    Account a = Account.of("a", "A", "U1").withTier(tier);
    return new AccountPeriod(a, millis(created), removed == null ? null : millis(removed), answered, first, last, null, NONE);
  }

  @Test
  void aKeyAccountOlderThanThePeriodIsDueEveryWeek() {
    assertThat(ReportBuilder.completion(account(Tier.KEY, "2026-W01", null, 6, "2026-W02", true), PERIOD, true))
        .isEqualTo(new Completion(6, 8));
  }

  @Test
  void theCurrentWeekIsDueOnlyOnceItsCheckInTimeHasComeUnlessAnswered() {
    assertThat(ReportBuilder.completion(account(Tier.KEY, "2026-W01", null, 6, "2026-W02", false), PERIOD, false))
        .isEqualTo(new Completion(6, 7));
    assertThat(ReportBuilder.completion(account(Tier.KEY, "2026-W01", null, 7, "2026-W02", true), PERIOD, false))
        .isEqualTo(new Completion(7, 8));
  }

  @Test
  void anAccountAddedInThePeriodIsDueFromThenButImportedHistoryCountsFromItsFirstAnswer() {
    assertThat(ReportBuilder.completion(account(Tier.KEY, "2026-W18", null, 2, "2026-W19", true), PERIOD, true))
        .isEqualTo(new Completion(2, 3));
    // Imported today with answers going back to W10: due for the whole period.
    assertThat(ReportBuilder.completion(account(Tier.KEY, "2026-W30", null, 5, "2026-W10", true), PERIOD, true))
        .isEqualTo(new Completion(5, 8));
  }

  @Test
  void aRemovedAccountIsDueUntilTheWeekBeforeItsRemovalAndStandardAccountsNever() {
    assertThat(ReportBuilder.completion(account(Tier.KEY, "2026-W01", "2026-W17", 3, "2026-W02", false), PERIOD, true))
        .isEqualTo(new Completion(3, 4));
    assertThat(ReportBuilder.completion(account(Tier.STANDARD, "2026-W01", null, 3, "2026-W02", true), PERIOD, true))
        .isEqualTo(new Completion(0, 0));
  }
}
