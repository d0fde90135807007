package io.rapport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NameMatchTest {
  static final List<String> NAMES = List.of("Acme Pty Ltd", "Acme Holdings", "Globex", "Initech", "Ünïcode Café");

  static NameMatch<String> match(String typed) {
    return NameMatch.of(typed, NAMES, Function.identity());
  }

  @Test
  void anExactNameWinsOverLongerNamesWithTheSamePrefix() {
    assertThat(NameMatch.of("acme", List.of("Acme", "Acme Holdings"), Function.identity()).found()).contains("Acme");
  }

  @Test
  void caseAndSpacesDoNotMatterAndAUniquePrefixIsEnough() {
    assertThat(match("  ACME   pty ").found()).contains("Acme Pty Ltd");
    assertThat(match("glo").found()).contains("Globex");
    assertThat(match("ünïcode").found()).contains("Ünïcode Café");
  }

  @Test
  void anAmbiguousPrefixListsTheCandidates() {
    NameMatch<String> m = match("acme");
    assertThat(m.found()).isEmpty();
    assertThat(m.isAmbiguous()).isTrue();
    assertThat(m.candidates()).containsExactly("Acme Holdings", "Acme Pty Ltd");
  }

  @Test
  void aTypoSuggestsTheCloseNames() {
    NameMatch<String> m = match("Initek");
    assertThat(m.found()).isEmpty();
    assertThat(m.isAmbiguous()).isFalse();
    assertThat(m.candidates()).containsExactly("Initech");
  }

  @Test
  void nothingCloseSuggestsNothingAndBlankMatchesNothing() {
    assertThat(match("zzzzzz").candidates()).isEmpty();
    assertThat(match("   ").found()).isEmpty();
    assertThat(match(null).found()).isEmpty();
  }
}
