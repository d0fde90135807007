package io.rapport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void aNameIsTidiedAndKeptWithItsPunctuation() {
    assertThat(Names.displayable("name", "  Acme   Pty\tLtd ")).isEqualTo("Acme Pty Ltd");
    assertThat(Names.displayable("name", "Évian & Co <West>")).isEqualTo("Évian & Co <West>");
    assertThat(Names.displayable("name", "👩‍💻 Studio")).isEqualTo("👩‍💻 Studio");
  }

  @Test
  void controlCharactersAreRefused() {
    for (String bad : new String[] {"\u0000\u0001\u0002", "Acme\u0000", "Acme\u202Eevil", "a\u2028b", "x\u0007"}) {
      assertThatThrownBy(() -> Names.displayable("name", bad)).isInstanceOf(InvalidFieldException.class)
          .hasMessageContaining("control characters");
    }
  }

  @Test
  void namesThatShowNothingAreRefused() {
    for (String bad : new String[] {"", "   ", "\u200B", "\u200B\u200D\uFEFF", "\u3164", "\u2800 \u2800", "\uFE0F"}) {
      assertThatThrownBy(() -> Names.displayable("name", bad)).isInstanceOf(InvalidFieldException.class)
          .satisfies(e -> assertThat(((InvalidFieldException) e).reason()).containsAnyOf("shows nothing", "is empty"));
    }
  }
}
