package io.rapport.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandArgsTest {
  @Test
  void quotedNamesStayTogether() throws Exception {
    CommandArgs a = CommandArgs.parse("add \"Acme Pty Ltd\" <@U123ABC|jo> key");
    assertThat(a.all()).extracting(CommandArgs.Arg::value)
        .containsExactly("add", "Acme Pty Ltd", "<@U123ABC|jo>", "key");
    assertThat(a.get(1).quoted()).isTrue();
    assertThat(a.get(2).userId()).contains("U123ABC");
  }

  @Test
  void curlyQuotesFromPhonesWorkToo() throws Exception {
    assertThat(CommandArgs.parse("add \u201CAcme Pty Ltd\u201D").get(1).value()).isEqualTo("Acme Pty Ltd");
  }

  @Test
  void aBareLastNameIsTheRestOfTheText() throws Exception {
    CommandArgs a = CommandArgs.parse("account   Acme  Pty Ltd");
    assertThat(a.rest(1)).isEqualTo("Acme  Pty Ltd");
    assertThat(CommandArgs.parse("account \"Acme Pty\"").rest(1)).isEqualTo("Acme Pty");
    assertThat(a.rest(9)).isEmpty();
  }

  @Test
  void mentionsWithoutTheLegacyNameArePlainIds() throws Exception {
    CommandArgs a = CommandArgs.parse("<@W0ENTERPRISE> <#C0SALES|sales> <#C0X>");
    assertThat(a.get(0).userId()).contains("W0ENTERPRISE");
    assertThat(a.get(1).channelId()).contains("C0SALES");
    assertThat(a.get(2).channelId()).contains("C0X");
  }

  @Test
  void textThatOnlyLooksLikeAMentionIsNotOne() throws Exception {
    CommandArgs a = CommandArgs.parse("@jo <@u123> \"<@U123>\" <@U123");
    assertThat(a.all()).allSatisfy(arg -> assertThat(arg.userId()).isEmpty());
  }

  @Test
  void anUnclosedQuoteIsAUsageError() {
    assertThatThrownBy(() -> CommandArgs.parse("add \"Acme Pty"))
        .isInstanceOf(UsageException.class).hasMessageContaining("quote is not closed");
  }

  @Test
  void emptyAndBlankTextHaveNoArguments() throws Exception {
    assertThat(CommandArgs.parse(null).isEmpty()).isTrue();
    assertThat(CommandArgs.parse("   \t ").isEmpty()).isTrue();
  }

  @Test
  void overlongTextIsRefusedWithItsLength() {
    assertThatThrownBy(() -> CommandArgs.parse("x".repeat(5000)))
        .isInstanceOf(UsageException.class).hasMessageContaining("5000");
  }
}
