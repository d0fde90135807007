package io.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.domain.WeekWords;
import io.rapport.insight.Finding;
import io.rapport.insight.Pattern;
import io.rapport.report.Report.AccountRow;
import io.rapport.report.Report.RepLoad;
import io.rapport.slack.views.ReportBlocks;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.team.Access;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One report, one count per rep: the over-servicing rep list and the over-servicing evidence read
 * the rep's book over the same window (the finding's evidence window), whatever the report period,
 * so a screen never shows "0 of 37" next to "0 of 57" for the same rep.
 */
class OneCountPerRepTest {
  private static final java.util.regex.Pattern OF_CHECK_INS =
      java.util.regex.Pattern.compile("(\\d+) of (\\d+) check-ins");
  private static final java.util.regex.Pattern IN_CHECK_INS =
      java.util.regex.Pattern.compile("in (\\d+) check-ins");

  @TempDir Path dir;

  @ParameterizedTest(name = "a {0}-week report")
  @ValueSource(ints = {1, 4, 8, 26})
  void theOverServicingListAndItsEvidenceQuoteTheSameCheckIns(int weeks) throws Exception {
    try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("demo-" + weeks + ".db"))) {
      Store store = new Store(database);
      DemoBook.Loaded loaded = DemoBook.load(store, 1_700_000_000_000L);
      ResolvedScope scope = new ScopeResolver(store, new Access(store, Set.of()))
          .resolve(DemoBook.WORKSPACE, DemoBook.MANAGER, new ReportScope(ReportScope.Kind.DEFAULT, "", weeks));
      Report report = new ReportBuilder(store).build(DemoBook.WORKSPACE, scope, loaded.lastWeek(), rep -> true);

      assertThat(report.overServicingReps()).as("the demo's over-servicing rep").singleElement()
          .extracting(RepLoad::rep).isEqualTo("U0DEMODAN");
      RepLoad dan = report.overServicingReps().get(0);
      String since = WeekWords.since(dan.since(), loaded.lastWeek().monday().getYear());

      // Every over-servicing finding on the rep's accounts quotes the list's counts and window.
      int findings = 0;
      for (AccountRow row : report.accounts()) {
        for (Finding f : row.findings()) {
          if (f.pattern() == Pattern.OVER_SERVICING && row.account().rep().equals(dan.rep())) {
            assertThat(String.join(" ", f.evidence()))
                .contains("new business in " + dan.newBusinessWeeks() + " of " + dan.checkIns() + " check-ins")
                .contains(since);
            findings++;
          }
        }
      }
      assertThat(findings).isEqualTo(dan.overServicedAccounts()).isPositive();

      // The terminal report: every "N of M check-ins" on the screen is the same pair.
      String text = new ReportText(id -> id).render(report);
      Set<String> pairs = new HashSet<>();
      Matcher m = OF_CHECK_INS.matcher(text);
      while (m.find()) {
        pairs.add(m.group(1) + "/" + m.group(2));
      }
      assertThat(pairs).containsExactly(dan.newBusinessWeeks() + "/" + dan.checkIns());

      // The Slack message: the list and any evidence line shown say the same number of check-ins.
      String blocks = new ObjectMapper().valueToTree(ReportBlocks.forSlack().render(report, null, null)).toString();
      Set<String> totals = new HashSet<>();
      for (java.util.regex.Pattern p : new java.util.regex.Pattern[] {OF_CHECK_INS, IN_CHECK_INS}) {
        Matcher b = p.matcher(blocks);
        while (b.find()) {
          totals.add(b.group(b.groupCount()));
        }
      }
      assertThat(totals).containsExactly(Integer.toString(dan.checkIns()));
    }
  }
}
