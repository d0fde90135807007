package io.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.report.ReportScope.Kind;
import io.rapport.command.CommandArgs;
import io.rapport.command.UsageException;
import org.junit.jupiter.api.Test;

class ReportScopeTest {
  static ReportScope parse(String text) throws UsageException {
    return ReportScope.parse(CommandArgs.parse(text));
  }

  @Test
  void noArgumentsMeansMyTeamsOverEightWeeks() throws Exception {
    assertThat(parse("")).isEqualTo(new ReportScope(Kind.DEFAULT, "", 8));
    assertThat(parse("weeks=4")).isEqualTo(new ReportScope(Kind.DEFAULT, "", 4));
  }

  @Test
  void mentionsNamesAndWeeksInAnyOrder() throws Exception {
    assertThat(parse("<@U123ABC|kim> weeks=12")).isEqualTo(new ReportScope(Kind.REP, "U123ABC", 12));
    assertThat(parse("<#C0SALES|sales>")).isEqualTo(new ReportScope(Kind.CHANNEL, "C0SALES", 8));
    assertThat(parse("team \"Enterprise East\" weeks=3")).isEqualTo(new ReportScope(Kind.TEAM, "Enterprise East", 3));
    assertThat(parse("account Acme Pty Ltd")).isEqualTo(new ReportScope(Kind.ACCOUNT, "Acme Pty Ltd", 8));
    assertThat(parse("weeks=2 account Acme Pty Ltd")).isEqualTo(new ReportScope(Kind.ACCOUNT, "Acme Pty Ltd", 2));
  }

  @Test
  void badArgumentsSayWhatWasWrong() {
    assertThatThrownBy(() -> parse("weeks=0")).isInstanceOf(UsageException.class).hasMessageContaining("from 1 to 26");
    assertThatThrownBy(() -> parse("weeks=lots")).hasMessageContaining("\"lots\"");
    assertThatThrownBy(() -> parse("weeks=2 weeks=3")).hasMessageContaining("twice");
    assertThatThrownBy(() -> parse("team")).hasMessageContaining("Which team?");
    assertThatThrownBy(() -> parse("<@U1|a> <@U2|b>")).hasMessageContaining("one scope at a time");
    assertThatThrownBy(() -> parse("everyone")).hasMessageContaining("don't know \"everyone\"");
  }

  @Test
  void encodedScopesSurviveButtonValues() throws Exception {
    ReportScope s = new ReportScope(Kind.ACCOUNT, "acme:east", 6);
    assertThat(ReportScope.decode(s.encode())).isEqualTo(s);
    assertThatThrownBy(() -> ReportScope.decode("garbage")).isInstanceOf(IllegalArgumentException.class);
  }
}
