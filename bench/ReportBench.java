import io.rapport.domain.IsoWeek;
import io.rapport.report.HealthTrendChart;
import io.rapport.report.Report;
import io.rapport.slack.views.ReportBlocks;
import io.rapport.report.ReportBuilder;
import io.rapport.report.ReportCsv;
import io.rapport.report.ReportScope;
import io.rapport.report.ResolvedScope;
import io.rapport.report.ScopeResolver;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.transfer.DatabaseImport;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The report benchmark (SPEC §9: p95 ≤ 200 ms over 1,000,000 check-ins on SQLite).
 *
 * <p>Run: java -cp target/rapport.jar bench/ReportBench.java DB.sqlite BOOK.json [runs]
 *
 * <p>On first use it imports BOOK.json (from bench/GenerateBook.java: 2,000 reps, 50,000
 * accounts, 1,000,000 check-ins) into DB.sqlite with {@code import}'s code and groups the reps
 * into 200 teams of 10 (250 accounts each). Then it builds, alternately, the report of a random
 * team and of a random account (8 weeks, as of the book's last week) — SQL aggregates, history
 * reads, the analysis of every week of the period and the previous period's end — and prints
 * percentiles. Rendering (Block Kit, CSV, PNG) is timed apart: it is not a database cost.
 */
public class ReportBench {
  static final String WS = "T0BENCH";
  static final String ADMIN = "UBENCHADMIN";
  static final int TEAM_SIZE = 10;

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args.length > 0 ? args[0] : "bench/out/report-bench.db");
    Path book = Path.of(args.length > 1 ? args[1] : "bench/out/book.json");
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Store store = new Store(Database.open("jdbc:sqlite:" + db));
    int accounts = store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE workspace_id = :ws")
        .bind("ws", WS).mapTo(Integer.class).one());
    if (accounts == 0) {
      long t0 = System.nanoTime();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(book), 1 << 20)) {
        DatabaseImport.Result r = new DatabaseImport(store).run(WS, in, System.currentTimeMillis());
        System.out.printf("imported %,d accounts and %,d check-ins in %.1f s%n", r.accounts(), r.checkIns(), (System.nanoTime() - t0) / 1e9);
      }
      List<String> reps = store.jdbi().withHandle(h -> h.createQuery(
          "SELECT DISTINCT rep_id FROM accounts WHERE workspace_id = :ws ORDER BY rep_id").bind("ws", WS).mapTo(String.class).list());
      long now = System.currentTimeMillis();
      store.jdbi().useTransaction(h -> {
        for (int t = 0; t * TEAM_SIZE < reps.size(); t++) {
          String id = String.format("team-%03d", t);
          h.createUpdate("INSERT INTO teams (workspace_id, id, name, name_key, channel_id, created_at) VALUES (:ws, :id, :name, :key, :ch, :now)")
              .bind("ws", WS).bind("id", id).bind("name", "Team " + t).bind("key", "team " + t).bind("ch", "C" + t).bind("now", now).execute();
          for (String rep : reps.subList(t * TEAM_SIZE, Math.min(reps.size(), (t + 1) * TEAM_SIZE))) {
            h.createUpdate("INSERT INTO team_members (workspace_id, team_id, user_id, added_at) VALUES (:ws, :t, :u, :now)")
                .bind("ws", WS).bind("t", id).bind("u", rep).bind("now", now).execute();
          }
        }
      });
    }
    long checkIns = store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM checkins").mapTo(Long.class).one());
    List<String> teams = store.jdbi().withHandle(h -> h.createQuery("SELECT id FROM teams WHERE workspace_id = :ws").bind("ws", WS).mapTo(String.class).list());
    List<String> accountIds = store.jdbi().withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE workspace_id = :ws").bind("ws", WS).mapTo(String.class).list());
    IsoWeek asOf = IsoWeek.parse(store.jdbi().withHandle(h -> h.createQuery("SELECT MAX(week) FROM checkins").mapTo(String.class).one()));
    System.out.printf("database: %,d check-ins, %,d accounts, %d teams; reports as of %s, 8 weeks%n", checkIns, accountIds.size(), teams.size(), asOf);

    ScopeResolver resolver = new ScopeResolver(store, new Access(store, Set.of(ADMIN)));
    ReportBuilder builder = new ReportBuilder(store);
    Random random = new Random(1);
    for (int i = 0; i < 20; i++) { // warm-up: JIT and SQLite page cache
      build(resolver, builder, new ReportScope(ReportScope.Kind.TEAM, teams.get(random.nextInt(teams.size())), 8), asOf);
      build(resolver, builder, new ReportScope(ReportScope.Kind.ACCOUNT, accountIds.get(random.nextInt(accountIds.size())), 8), asOf);
    }
    long[] team = new long[runs];
    long[] account = new long[runs];
    long[] render = new long[runs];
    int rows = 0;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      Report r = build(resolver, builder, new ReportScope(ReportScope.Kind.TEAM, teams.get(random.nextInt(teams.size())), 8), asOf);
      team[i] = System.nanoTime() - t0;
      rows += r.accounts().size();
      long t1 = System.nanoTime();
      ReportBlocks.forSlack().render(r, "team:x:8", null);
      ReportCsv.bytes(r);
      if (i % 10 == 0) {
        HealthTrendChart.png(r, 90, 60);
      }
      render[i] = System.nanoTime() - t1;
      long t2 = System.nanoTime();
      build(resolver, builder, new ReportScope(ReportScope.Kind.ACCOUNT, accountIds.get(random.nextInt(accountIds.size())), 8), asOf);
      account[i] = System.nanoTime() - t2;
    }
    System.out.printf("team report    (%d accounts on average): %s%n", rows / runs, stats(team));
    System.out.printf("account report (its team judged for context): %s%n", stats(account));
    System.out.printf("rendering Block Kit + CSV (+ PNG every 10th run): %s%n", stats(render));
  }

  static Report build(ScopeResolver resolver, ReportBuilder builder, ReportScope scope, IsoWeek asOf) throws Exception {
    ResolvedScope resolved = resolver.resolve(WS, ADMIN, scope);
    return builder.build(WS, resolved, asOf, rep -> true);
  }

  static String stats(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d runs)",
        s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6,
        s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6, s[s.length - 1] / 1e6, s.length);
  }
}
