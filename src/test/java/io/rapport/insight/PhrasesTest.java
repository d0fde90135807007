package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhrasesTest {
  @Test
  void percentagesTakeTheArticleTheyAreReadWith() {
    assertThat(Phrases.aPct(30)).isEqualTo("a 30%");
    assertThat(Phrases.aPct(18)).isEqualTo("an 18%");
    assertThat(Phrases.aPct(8.5)).isEqualTo("an 8.5%");
    assertThat(Phrases.aPct(11)).isEqualTo("an 11%");
    assertThat(Phrases.aPct(80)).isEqualTo("an 80%");
    assertThat(Phrases.aPct(110)).isEqualTo("a 110%");
    assertThat(Phrases.aPct(1.8)).isEqualTo("a 1.8%");
  }

  @Test
  void countsAgreeWithTheirNoun() {
    assertThat(Phrases.count(1, "account", "accounts")).isEqualTo("1 account");
    assertThat(Phrases.count(4, "account", "accounts")).isEqualTo("4 accounts");
    assertThat(Phrases.count(1.7, "social contact", "social contacts")).isEqualTo("1.7 social contacts");
    assertThat(Phrases.count(1.04, "social contact", "social contacts")).isEqualTo("1 social contact");
  }

  private static final IsoWeek NOW = IsoWeek.parse("2026-W48"); // 23–29 Nov 2026

  private static List<IsoWeek> weeks(String... iso) {
    return java.util.Arrays.stream(iso).map(IsoWeek::parse).toList();
  }

  @Test
  void weeksAreSaidAsDatesNeverAsIsoWeeks() {
    assertThat(Phrases.when(weeks("2026-W48"), NOW)).isEqualTo("this week");
    assertThat(Phrases.when(weeks("2026-W47"), NOW)).isEqualTo("last week");
    assertThat(Phrases.when(weeks("2026-W41"), NOW)).isEqualTo("in the week of 5 Oct");
    assertThat(Phrases.when(weeks("2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46",
        "2026-W47", "2026-W48"), NOW)).isEqualTo("every week since 5 Oct");
    assertThat(Phrases.when(weeks("2026-W41", "2026-W42", "2026-W43"), NOW))
        .isEqualTo("every week from 5 Oct to 19 Oct");
    assertThat(Phrases.when(weeks("2026-W41", "2026-W43", "2026-W45"), NOW))
        .isEqualTo("in the weeks of 5 Oct, 19 Oct and 2 Nov");
    assertThat(Phrases.when(weeks("2026-W38", "2026-W39", "2026-W41", "2026-W42", "2026-W44", "2026-W46",
        "2026-W47", "2026-W48"), NOW)).isEqualTo("in 8 of the 11 weeks since 14 Sep");
    assertThat(Phrases.when(weeks("2025-W50", "2026-W02"), IsoWeek.parse("2026-W03")))
        .isEqualTo("in the weeks of 8 Dec 2025 and 5 Jan");
  }

  @Test
  void manyNumbersAreSummarisedAsARange() {
    assertThat(Phrases.range(List.of(64, 71, 58, 66))).isEqualTo("58–71");
    assertThat(Phrases.range(List.of(10, 10, 10, 10, 10, 10, 10, 10, 10, 10))).isEqualTo("10");
    assertThat(Phrases.range(List.of(7.5, 12.25))).isEqualTo("7.5–12.3");
  }

  @Test
  void amountsHaveThousandsSeparatorsAndTheCurrencyOnlyWhenSet() {
    assertThat(Phrases.amount(24000, java.util.Optional.empty())).isEqualTo("24,000");
    assertThat(Phrases.amount(1234567.5, java.util.Optional.of("EUR"))).isEqualTo("EUR 1,234,567.5");
  }

  @Test
  void repeatsAreSaidAsPeopleSayThem() {
    assertThat(Phrases.times(1)).isEqualTo("once");
    assertThat(Phrases.times(2)).isEqualTo("twice");
    assertThat(Phrases.times(3)).isEqualTo("3 times");
    assertThat(Phrases.times(1.5)).isEqualTo("1.5 times");
  }
}
