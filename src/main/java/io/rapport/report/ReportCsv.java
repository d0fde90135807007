package io.rapport.report;

import io.rapport.domain.IsoWeek;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.rapport.insight.Finding;
import io.rapport.report.Report.AccountRow;
import io.rapport.store.ReportDao.SignalTotals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report's CSV (Jackson's CSV module): one row per account, riskiest first, with health, band,
 * findings, open flags, last check-in and the signals added up over the period. RFC 4180 quoting,
 * UTF-8, a header row. Text cells that a spreadsheet would read as a formula are neutralised.
 */
public final class ReportCsv {
  /** The columns, in order. */
  public static final List<String> COLUMNS = List.of(
      "account_id", "account", "rep", "rep_slack_id", "team", "tier", "health", "band", "health_before", "findings",
      "open_flags", "last_checkin", "period_from", "period_to", "checkins", "business_contacts",
      "social_contacts", "service_hours", "unpaid_hours", "new_business_weeks", "wins", "revenue_won",
      "avg_discount_pct", "freebie_weeks", "quota_pressure_weeks", "aggressive_or_threatening_weeks",
      "promises_broken_by_client", "promises_broken_by_us", "max_payment_days", "billing_disputes",
      "avg_value_rating");

  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final CsvSchema SCHEMA;

  static {
    CsvSchema.Builder b = CsvSchema.builder();
    COLUMNS.forEach(b::addColumn);
    SCHEMA = b.build().withHeader();
  }

  private ReportCsv() {}

  /** The CSV as bytes, reps shown by their Slack ID (when no name is known). */
  public static byte[] bytes(Report report) {
    return bytes(report, id -> id);
  }

  /**
   * The CSV as bytes.
   *
   * @param person a rep's name for people (Slack real or display name), the ID when unknown
   */
  public static byte[] bytes(Report report, java.util.function.Function<String, String> person) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + report.accounts().size() * 200);
    try {
      write(report, out, person);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes the CSV to {@code out} (not closed). */
  public static void write(Report report, OutputStream out, java.util.function.Function<String, String> person)
      throws IOException {
    try (SequenceWriter w = MAPPER.writer(SCHEMA).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
      for (AccountRow r : report.accounts()) {
        w.write(row(report, r, person));
      }
    }
  }

  private static List<Object> row(Report report, AccountRow r, java.util.function.Function<String, String> person) {
    SignalTotals t = r.totals();
    List<Object> v = new ArrayList<>(COLUMNS.size());
    v.add(text(r.account().id()));
    v.add(text(r.account().name()));
    v.add(text(person.apply(r.account().rep())));
    v.add(text(r.account().rep()));
    v.add(text(r.unit()));
    v.add(r.account().tier().id());
    v.add(r.health().map(h -> (Object) h.score()).orElse(""));
    v.add(r.health().map(h -> h.band().id()).orElse("no recent check-ins"));
    v.add(r.previous().map(h -> (Object) h.score()).orElse(""));
    v.add(text(r.findings().stream().map(ReportCsv::finding).collect(Collectors.joining("; "))));
    v.add(text(r.openFlags().stream().map(ReportCsv::patternTitle).collect(Collectors.joining("; "))));
    // Dates, which a spreadsheet sorts and a manager reads; ISO week strings are neither.
    v.add(r.lastCheckIn() == null ? "" : IsoWeek.parse(r.lastCheckIn()).monday().toString());
    v.add(report.period().from().monday().toString());
    v.add(report.period().to().monday().plusDays(6).toString());
    v.add(t.checkIns());
    // Empty: not reported in the period; 0: reported, and zero.
    v.add(orEmpty(t.businessContacts()));
    v.add(orEmpty(t.socialContacts()));
    v.add(t.serviceHours() == null ? "" : number(t.serviceHours()));
    v.add(t.unpaidHours() == null ? "" : number(t.unpaidHours()));
    v.add(t.newBusinessWeeks());
    v.add(t.wins());
    v.add(t.revenueWon() == null ? "" : number(t.revenueWon()));
    v.add(t.averageDiscountPct() == null ? "" : number(t.averageDiscountPct()));
    v.add(t.freebieWeeks());
    v.add(t.quotaPressureWeeks());
    v.add(t.difficultConductWeeks());
    v.add(orEmpty(t.promisesBrokenByClient()));
    v.add(orEmpty(t.promisesBrokenByUs()));
    v.add(t.maxPaymentDays() == null ? "" : t.maxPaymentDays());
    v.add(t.billingDisputes());
    v.add(t.averageValueRating() == null ? "" : number(t.averageValueRating()));
    return v;
  }

  /**
   * A text cell a spreadsheet will not run: one starting with {@code =}, {@code +}, {@code -},
   * {@code @}, a tab or a carriage return gets a leading apostrophe (OWASP's rule against CSV
   * formula injection), so {@code =2+3} shows as text. Anything else is written as it is.
   */
  static String text(String s) {
    if (s == null || s.isEmpty()) {
      return s == null ? "" : s;
    }
    return switch (s.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + s;
      default -> s;
    };
  }

  private static Object orEmpty(Integer value) {
    return value == null ? "" : value;
  }

  private static String finding(Finding f) {
    return f.pattern().title() + " (" + f.severity().id() + ")";
  }

  private static String patternTitle(String id) {
    try {
      return io.rapport.insight.Pattern.valueOf(id).title();
    } catch (IllegalArgumentException e) {
      return id;
    }
  }

  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%.2f", d).replaceAll("0$", "");
  }
}
