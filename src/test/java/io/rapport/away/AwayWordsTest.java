package io.rapport.away;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.domain.IsoWeek;
import io.rapport.domain.PromptDays;
import io.rapport.domain.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure rules of away weeks: dates as typed, periods, Slack status and moved prompt days. */
class AwayWordsTest {
  /** Sunday 6 Dec 2026. */
  static final LocalDate TODAY = LocalDate.parse("2026-12-06");

  static LocalDate date(String text) {
    return DateWords.parse(text, TODAY).orElseThrow(() -> new AssertionError("not a date: " + text));
  }

  @Test
  void datesAreReadTheWayPeopleWriteThem() {
    assertThat(date("2026-12-15")).isEqualTo("2026-12-15");
    assertThat(date("15 Dec")).isEqualTo("2026-12-15");
    assertThat(date("15 december")).isEqualTo("2026-12-15");
    assertThat(date("Dec 15")).isEqualTo("2026-12-15");
    assertThat(date("15th Dec 2027")).isEqualTo("2027-12-15");
    assertThat(date("4 Jan")).isEqualTo("2027-01-04");
    assertThat(date("today")).isEqualTo(TODAY);
    assertThat(date("tomorrow")).isEqualTo("2026-12-07");
    assertThat(date("friday")).isEqualTo("2026-12-11");
    assertThat(date("Sunday")).isEqualTo(TODAY);
    assertThat(date("next Friday")).isEqualTo("2026-12-11"); // the Friday of next week (today is Sunday)
    assertThat(date("next  monday")).isEqualTo("2026-12-07");
    LocalDate wednesday = LocalDate.parse("2026-12-09");
    assertThat(DateWords.parse("friday", wednesday)).contains(LocalDate.parse("2026-12-11"));
    assertThat(DateWords.parse("next friday", wednesday)).contains(LocalDate.parse("2026-12-18"));
  }

  @Test
  void aDayMonthAtMostAMonthAgoIsThatPastDayNotNextYears() {
    assertThat(date("1 Dec")).isEqualTo("2026-12-01");
    assertThat(date("1 Oct")).isEqualTo("2027-10-01");
  }

  @Test
  void somethingThatIsNotADateIsNone() {
    for (String bad : new String[] {"soon", "32 Dec", "2026-13-01", "2026-02-30", "fr", "next year", "", "15 Decc x"}) {
      assertThat(DateWords.parse(bad, TODAY)).as(bad).isEqualTo(Optional.empty());
    }
  }

  @Test
  void periodsInTheirForms() throws Exception {
    assertThat(AwayPeriod.parse("until 15 Dec", TODAY)).isEqualTo(new AwayPeriod(TODAY, LocalDate.parse("2026-12-15")));
    assertThat(AwayPeriod.parse("2026-12-20 to 2027-01-04", TODAY))
        .isEqualTo(new AwayPeriod(LocalDate.parse("2026-12-20"), LocalDate.parse("2027-01-04")));
    assertThat(AwayPeriod.parse("from 20 Dec to 4 Jan", TODAY))
        .isEqualTo(new AwayPeriod(LocalDate.parse("2026-12-20"), LocalDate.parse("2027-01-04")));
    assertThat(AwayPeriod.parse("next friday", TODAY).days()).isEqualTo(1);
    assertThat(AwayPeriod.parse("until 2027-01-31", TODAY).needsConfirmation()).isTrue();
    assertThat(AwayPeriod.parse("until 2027-01-16", TODAY).needsConfirmation()).isFalse();
  }

  @Test
  void badPeriodsSayWhatWasWrong() {
    assertThatThrownBy(() -> AwayPeriod.parse("until someday", TODAY)).hasMessageContaining("can't read `someday`")
        .hasMessageContaining("15 Dec");
    assertThatThrownBy(() -> AwayPeriod.parse("until 2026-11-30", TODAY)).hasMessageContaining("in the past");
    assertThatThrownBy(() -> AwayPeriod.parse("until 1 Dec", TODAY)).hasMessageContaining("in the past");
    assertThatThrownBy(() -> AwayPeriod.parse("2026-12-20 to 2026-12-15", TODAY))
        .hasMessageContaining("before the start");
    assertThatThrownBy(() -> AwayPeriod.parse("20 Dec to 15 Dec", TODAY)).hasMessageContaining("before the start");
    assertThatThrownBy(() -> AwayPeriod.parse("until 2028-12-31", TODAY)).hasMessageContaining("at most a year");
    assertThatThrownBy(() -> AwayPeriod.parse("", TODAY)).hasMessageContaining("until when");
  }

  @Test
  void aHolidayOrTravelStatusWithAFutureExpiryIsAwayUntilThen() {
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    long later = now.plusSeconds(86_400 * 5).getEpochSecond();
    assertThat(new SlackStatus(":palm_tree:", "", later).awayUntil(now)).contains(Instant.ofEpochSecond(later));
    assertThat(new SlackStatus(":airplane:", null, later).awayUntil(now)).isPresent();
    assertThat(new SlackStatus("", "On vacation", later).awayUntil(now)).isPresent();
    assertThat(new SlackStatus(":calendar:", "OOO until Monday", later).awayUntil(now)).isPresent();
    assertThat(new SlackStatus("", "Out of office", later).awayUntil(now)).isPresent();
    assertThat(new SlackStatus("", "holiday", later).awayUntil(now)).isPresent();
  }

  @Test
  void anExpiredOrOpenEndedOrOrdinaryStatusIsNotAway() {
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    assertThat(new SlackStatus(":palm_tree:", "Vacation", now.minusSeconds(60).getEpochSecond()).awayUntil(now)).isEmpty();
    assertThat(new SlackStatus(":palm_tree:", "Vacation", 0).awayUntil(now)).isEmpty();
    long later = now.plusSeconds(3600).getEpochSecond();
    assertThat(new SlackStatus(":spiral_calendar_pad:", "In a meeting", later).awayUntil(now)).isEmpty();
    assertThat(new SlackStatus("", "Booking holidays for the team", later).awayUntil(now)).isPresent();
    assertThat(new SlackStatus("", "looking at a proof", later).awayUntil(now)).isEmpty(); // "oo" is not OOO
  }

  @Test
  void aHolidayOnTheScheduleDayMovesThePromptToTheNextWorkingDay() {
    WeeklySchedule friday = WeeklySchedule.DEFAULT;
    WeeklySchedule thursday = new WeeklySchedule(DayOfWeek.THURSDAY, LocalTime.of(15, 0));
    IsoWeek w52 = IsoWeek.parse("2026-W52");
    assertThat(PromptDays.of(friday, w52, Set.of())).isEqualTo("2026-12-25");
    assertThat(PromptDays.of(thursday, w52, Set.of(LocalDate.parse("2026-12-24")))).isEqualTo("2026-12-25");
    assertThat(PromptDays.of(friday, w52, Set.of(LocalDate.parse("2026-12-25")))).isEqualTo("2026-12-28");
    assertThat(PromptDays.of(friday, w52, Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"))))
        .isEqualTo("2026-12-29");
    assertThat(PromptDays.of(friday, w52, Set.of(LocalDate.parse("2026-12-24")))).isEqualTo("2026-12-25");
  }
}
