package io.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.team.Access;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the report's CSV an empty cell means "not reported in the period" and 0 means "reported, and
 * zero": each summed signal is checked against the check-ins themselves, counted in SQL of its own.
 */
class ReportCsvNotReportedTest {
  /** CSV column → the check-ins' column it adds up. */
  private static final Map<String, String> SUMS = Map.of(
      "business_contacts", "contacts_business",
      "social_contacts", "contacts_social",
      "service_hours", "service_hours",
      "unpaid_hours", "unpaid_hours",
      "revenue_won", "revenue_won",
      "promises_broken_by_client", "promises_broken_by_client",
      "promises_broken_by_us", "promises_broken_by_us");

  @TempDir Path dir;

  @Test
  void anEmptyCellIsASignalNobodyReportedAndZeroIsAReportedZero() throws Exception {
    try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("demo.db"))) {
      Store store = new Store(database);
      DemoBook.Loaded loaded = DemoBook.load(store, 1_700_000_000_000L);
      ResolvedScope scope = new ScopeResolver(store, new Access(store, Set.of()))
          .resolve(DemoBook.WORKSPACE, DemoBook.MANAGER, new ReportScope(ReportScope.Kind.DEFAULT, "", 8));
      Report report = new ReportBuilder(store).build(DemoBook.WORKSPACE, scope, loaded.lastWeek(), rep -> true);

      List<Map<String, String>> rows = new ArrayList<>();
      try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
          .with(CsvSchema.emptySchema().withHeader()).readValues(ReportCsv.bytes(report))) {
        it.forEachRemaining(rows::add);
      }

      int empty = 0;
      int zero = 0;
      for (Map<String, String> row : rows) {
        for (Map.Entry<String, String> sum : SUMS.entrySet()) {
          Map<String, Object> truth = database.jdbi().withHandle(h -> h.createQuery(
                  "SELECT COUNT(" + sum.getValue() + ") AS reported, SUM(" + sum.getValue() + ") AS total"
                      + " FROM checkins WHERE workspace_id = :ws AND account_id = :account"
                      + " AND week >= :from AND week <= :to")
              .bind("ws", DemoBook.WORKSPACE).bind("account", row.get("account_id"))
              .bind("from", report.period().from().toString()).bind("to", report.period().to().toString())
              .mapToMap().one());
          String cell = row.get(sum.getKey());
          long reported = ((Number) truth.get("reported")).longValue();
          if (reported == 0) {
            assertThat(cell).as("%s of %s: nothing reported", sum.getKey(), row.get("account")).isEmpty();
            empty++;
          } else {
            double total = ((Number) truth.get("total")).doubleValue();
            assertThat(Double.parseDouble(cell)).as("%s of %s", sum.getKey(), row.get("account")).isEqualTo(total);
            if (total == 0) {
              zero++;
            }
          }
        }
      }
      assertThat(empty).as("cells of signals nobody reported").isPositive();
      assertThat(zero).as("cells of reported zeros").isPositive();
    }
  }
}
