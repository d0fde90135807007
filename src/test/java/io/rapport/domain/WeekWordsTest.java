package io.rapport.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeekWordsTest {
  private final IsoWeek current = IsoWeek.parse("2026-W48"); // Mon 23 Nov – Sun 29 Nov 2026

  @Test
  void theCurrentWeekReadsAsThisWeekWithItsDates() {
    assertEquals("this week (23–29 Nov)", WeekWords.relative(current, current));
  }

  @Test
  void thePreviousWeekReadsAsLastWeek() {
    assertEquals("last week (16–22 Nov)", WeekWords.relative(current.minusWeeks(1), current));
  }

  @Test
  void olderWeeksReadAsTheWeekOfTheirMonday() {
    assertEquals("week of 9 Nov", WeekWords.relative(current.minusWeeks(2), current));
    assertEquals("week of 29 Dec 2025", WeekWords.relative(IsoWeek.parse("2026-W01"), current));
  }

  @Test
  void aWeekAcrossTwoMonthsNamesBoth() {
    assertEquals("28 Dec – 3 Jan", WeekWords.range(IsoWeek.parse("2020-W53")));
    assertEquals("26 Oct – 22 Nov", WeekWords.span(IsoWeek.parse("2026-W44"), IsoWeek.parse("2026-W47")));
    assertEquals("since 5 Oct", WeekWords.since(IsoWeek.parse("2026-W41"), 2026));
    assertEquals("23 Nov", WeekWords.shortLabel(current));
  }
}
