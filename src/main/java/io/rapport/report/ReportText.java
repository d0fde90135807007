package io.rapport.report;

import io.rapport.domain.IsoWeek;
import io.rapport.insight.Finding;
import io.rapport.insight.Health;
import io.rapport.report.Report.AccountRow;
import io.rapport.report.Report.PatternCount;
import io.rapport.report.Report.RepCompletion;
import io.rapport.report.Report.RepLoad;
import io.rapport.report.Report.TrendSeries;
import io.rapport.completion.Completion;
import io.rapport.completion.DueSlots;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The report for a terminal: plain text in aligned columns, every account listed by band (worst
 * first) with its findings and their evidence. Used by {@code demo}.
 */
public final class ReportText {
  private static final int WIDTH = 100;

  private final Function<String, String> person;

  public ReportText(Function<String, String> person) {
    this.person = person;
  }

  public String render(Report r) {
    StringBuilder b = new StringBuilder();
    String title = "RELATIONSHIP REPORT — " + r.title();
    b.append(title).append('\n').append("=".repeat(Math.min(WIDTH, title.length()))).append('\n');
    b.append("Period ").append(r.period().inWords()).append(" · ").append(ReportFigures.count(r.accounts().size(), "account")).append("\n\n");

    Completion c = r.completion();
    if (c.nothingDue()) {
      b.append("Check-in completion: ").append(ReportCopy.nothingDue(r)).append('\n');
    } else {
      b.append(String.format(Locale.ROOT, "Check-in completion  %d%%  (%d of %d due check-ins)%n", c.percent(), c.answered(), c.due()));
    }
    for (RepCompletion rc : r.repCompletion()) {
      b.append(String.format(Locale.ROOT, "  %-22s %3d%%  (%d of %d)%n", person.apply(rc.rep()),
          rc.completion().percent(), rc.completion().answered(), rc.completion().due()));
    }
    String away = ReportCopy.away(r, person);
    if (away != null) {
      b.append("  ").append(away).append('\n');
    }

    b.append("\nAccounts by health (change since ").append(r.period().weekBeforeInWords()).append(")\n");
    for (Health.Band band : List.of(Health.Band.UNHEALTHY, Health.Band.AT_RISK, Health.Band.HEALTHY)) {
      int d = r.now(band) - r.before(band);
      b.append(String.format(Locale.ROOT, "  %-9s %3d  (%s)%n", band.id(), r.now(band), d == 0 ? "=" : (d > 0 ? "+" : "−") + Math.abs(d)));
    }
    String gap = ReportCopy.noRecentCheckIns(r);
    if (gap != null) {
      b.append("  ").append(gap).append('\n');
    }
    for (TrendSeries s : r.trend()) {
      Double first = ReportFigures.firstValue(s);
      Double last = ReportFigures.lastValue(s);
      if (first != null && last != null) {
        b.append(String.format(Locale.ROOT, "  average health of %s: %d → %d%n", s.name(), Math.round(first), Math.round(last)));
      }
    }

    b.append('\n').append(r.flagsInUse() ? "Open flags by pattern" : "Current findings by pattern").append('\n');
    if (r.patterns().isEmpty()) {
      b.append("  none\n");
    }
    for (PatternCount p : r.patterns()) {
      b.append(String.format(Locale.ROOT, "  %-24s %2d  (%d warning, %d watch)%n", p.pattern().title(),
          p.total(), p.warnings(), p.watches()));
    }

    b.append("\nReps over-servicing existing accounts (many service hours, no new business)\n");
    if (r.overServicingReps().isEmpty()) {
      b.append("  none\n");
    }
    for (RepLoad l : r.overServicingReps()) {
      b.append(String.format(Locale.ROOT, "  %-22s %6s h of service (%s h/week), new business in %d of %d check-ins %s, %s flagged%n",
          person.apply(l.rep()), ReportFigures.hours(l.serviceHours()), ReportFigures.hours(l.hoursPerWeek()),
          l.newBusinessWeeks(), l.checkIns(),
          io.rapport.domain.WeekWords.since(l.since(), r.period().to().monday().getYear()),
          io.rapport.insight.Phrases.count(l.overServicedAccounts(), "account", "accounts")));
    }

    b.append("\nUnanswered prompts\n");
    if (r.unansweredPrompts().isEmpty()) {
      b.append("  none\n");
    }
    for (DueSlots.Missing p : r.unansweredPrompts()) {
      b.append(String.format(Locale.ROOT, "  %-16s %-22s %s without an answer%n", r.period().weekInWords(p.week()), person.apply(p.repId()), io.rapport.insight.Phrases.count(p.accounts(), "account", "accounts")));
    }

    int nameWidth = Math.min(34, r.accounts().stream().mapToInt(a -> a.account().name().length()).max().orElse(10));
    for (Health.Band band : List.of(Health.Band.UNHEALTHY, Health.Band.AT_RISK, Health.Band.HEALTHY)) {
      List<AccountRow> rows = r.accounts().stream().filter(a -> a.health().map(h -> h.band() == band).orElse(false)).toList();
      if (rows.isEmpty()) {
        continue;
      }
      b.append('\n').append(band.heading()).append(" (").append(rows.size()).append(")\n");
      for (AccountRow a : rows) {
        b.append(String.format(Locale.ROOT, "  %-" + nameWidth + "s  %-18s health %3d (was %s)  last check-in %s%n",
            TextBudget.cut(a.account().name(), nameWidth), TextBudget.cut(person.apply(a.account().rep()), 18),
            a.health().get().score(), a.previous().map(h -> String.format(Locale.ROOT, "%3d", h.score())).orElse("  —"),
            a.lastCheckIn() == null ? "never" : r.period().weekInWords(IsoWeek.parse(a.lastCheckIn()))));
        for (Finding f : a.findings()) {
          b.append(String.format(Locale.ROOT, "      [%-7s] %s%n", f.severity().id(), f.pattern().title()));
          for (String e : f.evidence()) {
            b.append("                • ").append(e).append('\n');
          }
          b.append("                tip: ").append(f.tip()).append('\n');
        }
      }
    }
    return b.toString();
  }
}
