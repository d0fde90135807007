package io.rapport.cli;

import io.rapport.insight.Policy;
import io.rapport.report.DemoBook;
import io.rapport.report.HealthTrendChart;
import io.rapport.report.Report;
import io.rapport.report.ReportBuilder;
import io.rapport.report.ReportCsv;
import io.rapport.report.ReportScope;
import io.rapport.report.ReportText;
import io.rapport.report.ResolvedScope;
import io.rapport.report.ScopeResolver;
import io.rapport.slack.views.ReportBlocks;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.team.Access;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo} (SPEC §2): no Slack, no configuration, no network. Loads the bundled sample sales
 * team into a throw-away SQLite database, builds the manager's report as of the sample's last
 * week, prints it and writes its Block Kit JSON, CSV and health-trend chart to {@code
 * ./rapport-demo/}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "See Rapport work without Slack: analyse a bundled sample sales team, print the "
            + "manager's report and write report.json (Block Kit), report.csv and "
            + "health-trend.png.")
public final class DemoCommand implements Callable<Integer> {
  public static final String REPORT_JSON = "report.json";
  public static final String REPORT_CSV = "report.csv";
  public static final String CHART_PNG = "health-trend.png";

  private final PrintStream out;
  private final PrintStream err;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write the files (default: ${DEFAULT-VALUE})")
  Path outDir = Path.of("rapport-demo");

  @Option(names = "--weeks", paramLabel = "N", description = "report period in weeks, 1-" + ReportScope.MAX_WEEKS + " (default: ${DEFAULT-VALUE})")
  int weeks = ReportScope.DEFAULT_WEEKS;

  public DemoCommand() {
    this(System.out, System.err);
  }

  public DemoCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    if (weeks < 1 || weeks > ReportScope.MAX_WEEKS) {
      err.println("demo: --weeks takes 1 to " + ReportScope.MAX_WEEKS + ", got " + weeks);
      return ExitCodes.USAGE;
    }
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      err.println("demo: --out " + outDir + " is a file, not a folder. Choose a folder (it is created if missing).");
      return ExitCodes.USAGE;
    }
    Path dbDir = Files.createTempDirectory("rapport-demo-db");
    Path db = dbDir.resolve("demo.db");
    try (Database database = Database.open("jdbc:sqlite:" + db)) {
      Store store = new Store(database);
      DemoBook.Loaded loaded = DemoBook.load(store, System.currentTimeMillis());
      ScopeResolver resolver = new ScopeResolver(store, new Access(store, Set.of()));
      ResolvedScope scope = resolver.resolve(DemoBook.WORKSPACE, DemoBook.MANAGER,
          new ReportScope(ReportScope.Kind.DEFAULT, "", weeks));
      Report report = new ReportBuilder(store).build(DemoBook.WORKSPACE, scope, loaded.lastWeek(), rep -> true);

      Map<String, String> people = DemoBook.people();
      out.println("Rapport demo — a sample sales team: " + loaded.reps().size() + " reps, " + loaded.accounts()
          + " accounts, " + loaded.checkIns() + " weekly check-ins up to the "
          + io.rapport.domain.WeekWords.weekOf(loaded.lastWeek()) + ".");
      out.println("This is the report " + people.get(DemoBook.MANAGER) + ", their manager, gets with /relationship-report.");
      out.println();
      out.print(new ReportText(id -> people.getOrDefault(id, id)).render(report));

      Path json = outDir.resolve(REPORT_JSON);
      Path csv = outDir.resolve(REPORT_CSV);
      Path png = outDir.resolve(CHART_PNG);
      try {
        Files.createDirectories(outDir);
        Files.writeString(json, blockKitJson(report), StandardCharsets.UTF_8);
        Files.write(csv, ReportCsv.bytes(report, id -> people.getOrDefault(id, id)));
        Files.write(png, HealthTrendChart.png(report, report.bands().healthyMin(), report.bands().unhealthyBelow()));
      } catch (IOException e) {
        err.println("demo: could not write to " + outDir + " (" + e.getClass().getSimpleName() + ": "
            + e.getMessage() + "). Choose another folder with --out.");
        return ExitCodes.USAGE;
      }
      out.println();
      out.println("Written to " + outDir.toAbsolutePath() + ":");
      out.println("  " + REPORT_JSON + "  the report as Slack shows it (Block Kit; paste the blocks into"
          + " https://app.slack.com/block-kit-builder)");
      out.println("  " + REPORT_CSV + "   one row per account: health, band, flags, last check-in, signals");
      out.println("  " + CHART_PNG + "  health per week with the accounts at risk or unhealthy");
      out.println();
      out.println("Next: analyse your own accounts with `java -jar rapport.jar analyze FILE.json`"
          + " (the file format: README, \"Commands of the jar\"),");
      out.println("or connect Rapport to Slack: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (README, \"Create the Slack app\")"
          + " and run `java -jar rapport.jar serve`.");
      return ExitCodes.OK;
    } finally {
      for (String f : List.of("demo.db", "demo.db-wal", "demo.db-shm")) {
        Files.deleteIfExists(dbDir.resolve(f));
      }
      Files.deleteIfExists(dbDir);
    }
  }

  /** The report message as Slack's API takes it: {@code {"text": …, "blocks": […]}}. */
  static String blockKitJson(Report report) throws IOException {
    return ReportBlocks.messageJson(report, new ReportScope(ReportScope.Kind.DEFAULT, "", report.period().weeks()).encode(),
        "The health-trend chart goes to your direct messages with Rapport.");
  }
}
