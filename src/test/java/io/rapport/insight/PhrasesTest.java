package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;

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
}
