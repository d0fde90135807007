package io.rapport.cli;

import java.util.Optional;
import io.rapport.config.ConfigException;
import io.rapport.config.Config;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.WeekWords;
import io.rapport.insight.AccountAnalysis;
import io.rapport.insight.Analyzer;
import io.rapport.insight.Finding;
import io.rapport.insight.Health;
import io.rapport.interchange.AnalysisJsonWriter;
import io.rapport.interchange.Interchange;
import io.rapport.interchange.InterchangeException;
import io.rapport.interchange.InterchangeReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code analyze FILE [--json]} (SPEC §2): judges every account of an interchange file as of the
 * latest week in it. Human-readable output groups accounts by health band, worst first; {@code
 * --json} prints the form of SPEC §7 with accounts in file order. Exit 0 on success, 2 on invalid
 * input with a message naming the record and the field.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Judge the client relationships in an interchange file as of its latest week: "
            + "health per account and the patterns it shows, with evidence and a coaching tip.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:analysis printed", "2:invalid input (the message names the record and field)"})
public final class AnalyzeCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int INVALID_INPUT = 2;

  private final PrintStream out;
  private final PrintStream err;
  private final Analyzer analyzer;

  @Parameters(index = "0", paramLabel = "FILE", description = "interchange file: {\"accounts\":[…],\"checkins\":[…]}")
  Path file;

  @Option(names = "--json", description = "print the machine-readable form instead")
  boolean json;

  @Option(names = "--currency", paramLabel = "CODE",
      description = "currency written before amounts in evidence, e.g. EUR (default: RAPPORT_CURRENCY, else none)")
  String currency;

  public AnalyzeCommand() {
    this(System.out, System.err);
  }

  static final String NO_ACCOUNTS =
      "The file has no accounts, so there is nothing to judge. Add accounts to its \"accounts\" list.";

  public AnalyzeCommand(PrintStream out, PrintStream err) {
    this(out, err, new Analyzer());
  }

  public AnalyzeCommand(PrintStream out, PrintStream err, Analyzer analyzer) {
    this.out = out;
    this.err = err;
    this.analyzer = analyzer;
  }

  @Override
  public Integer call() throws IOException {
    Interchange data;
    try {
      data = new InterchangeReader().read(file);
    } catch (InterchangeException e) {
      err.println(file + ": " + e.getMessage());
      return INVALID_INPUT;
    } catch (NoSuchFileException e) {
      err.println(file + ": no such file");
      return INVALID_INPUT;
    } catch (AccessDeniedException e) {
      err.println(file + ": permission denied");
      return INVALID_INPUT;
    } catch (IOException e) {
      err.println(file + ": cannot be read (" + e.getMessage() + ")");
      return INVALID_INPUT;
    }
    Optional<String> inCurrency;
    try {
      inCurrency = Config.currency(currency != null ? currency : System.getenv(Config.RAPPORT_CURRENCY));
    } catch (ConfigException e) {
      err.println(e.getMessage().replace(Config.RAPPORT_CURRENCY, currency != null ? "--currency" : Config.RAPPORT_CURRENCY));
      return INVALID_INPUT;
    }
    // With no check-ins there is nothing to judge; any week gives every account a clean bill.
    IsoWeek asOf = data.latestWeek().orElse(new IsoWeek(1970, 1));
    List<AccountAnalysis> results =
        analyzer.inCurrency(inCurrency).analyzeAll(data.accounts(), data.checkInsByAccount(), asOf);
    OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
    if (json) {
      new AnalysisJsonWriter().write(buffered, results);
      if (results.isEmpty()) {
        err.println(file + ": " + NO_ACCOUNTS); // stdout stays the JSON a program reads
      }
    } else {
      PrintStream text = new PrintStream(buffered, false, StandardCharsets.UTF_8);
      printHuman(text, data, asOf, results);
      text.flush();
    }
    buffered.flush();
    return OK;
  }

  private void printHuman(
      PrintStream text, Interchange data, IsoWeek asOf, List<AccountAnalysis> results) {
    text.printf(
        "%s: %s, %s%n",
        file,
        io.rapport.insight.Phrases.count(data.accounts().size(), "account", "accounts"),
        data.checkInCount() == 0
            ? "no check-ins"
            : io.rapport.insight.Phrases.count(data.checkInCount(), "check-in", "check-ins")
                + ", judged as of the " + WeekWords.weekOf(asOf) + " (the file's latest week, " + asOf + ")");
    if (results.isEmpty()) {
      text.println(NO_ACCOUNTS);
      return;
    }
    Map<Health.Band, List<AccountAnalysis>> byBand = new EnumMap<>(Health.Band.class);
    for (Health.Band b : Health.Band.values()) {
      byBand.put(b, new ArrayList<>());
    }
    int flags = 0;
    List<AccountAnalysis> gaps = new ArrayList<>();
    for (AccountAnalysis a : results) {
      if (a.health().isPresent()) {
        byBand.get(a.health().get().band()).add(a);
      } else {
        gaps.add(a);
      }
      flags += a.findings().size();
    }
    text.printf(
        "%d unhealthy, %d at risk, %d healthy%s; %s%n",
        byBand.get(Health.Band.UNHEALTHY).size(),
        byBand.get(Health.Band.AT_RISK).size(),
        byBand.get(Health.Band.HEALTHY).size(),
        gaps.isEmpty() ? "" : ", " + gaps.size() + " with no recent check-ins",
        io.rapport.insight.Phrases.count(flags, "finding", "findings"));
    for (Health.Band band : List.of(Health.Band.UNHEALTHY, Health.Band.AT_RISK, Health.Band.HEALTHY)) {
      List<AccountAnalysis> group = byBand.get(band);
      if (group.isEmpty()) {
        continue;
      }
      text.printf("%n%s (%d)%n", band.heading(), group.size());
      for (AccountAnalysis a : group) {
        printAccount(text, a);
      }
    }
    if (!gaps.isEmpty()) {
      text.printf("%nNO RECENT CHECK-INS (%d): no health number until checked in%n", gaps.size());
      for (AccountAnalysis a : gaps) {
        printAccount(text, a);
      }
    }
  }

  private static void printAccount(PrintStream text, AccountAnalysis a) {
    Health h = a.health().orElse(null);
    text.printf(
        "  %s (%s, rep %s) — %s%n", a.account().name(), a.account().id(), a.account().rep(),
        h == null ? "no recent check-ins" : h.band().id() + ", health " + h.score());
    if (h != null && !h.contributors().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Health.Contributor c : h.contributors()) {
        parts.add(c.label() + " −" + Math.round(c.points()));
      }
      text.println("    why: " + String.join(", ", parts));
    }
    for (Finding f : a.findings()) {
      text.printf(
          "    [%s] %s%n", f.severity().id(), f.pattern().title());
      for (String e : f.evidence()) {
        text.println("      • " + e);
      }
      text.println("      tip: " + f.tip());
    }
  }
}
