package io.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {
  private static final String BOOK =
      """
      {"accounts":[
      {"id":"megamart","name":"MegaMart","rep":"U_SAM"},
      {"id":"good-co","name":"Good Co","rep":"U_SAM"}
      ],"checkins":[
      {"account":"megamart","week":"2026-W38","paymentDays":64},
      {"account":"megamart","week":"2026-W39","paymentDays":71},
      {"account":"megamart","week":"2026-W40","paymentDays":58,"billingDispute":true},
      {"account":"good-co","week":"2026-W40","contacts":{"business":1,"social":1},"outcome":"won","revenueWon":5000,"valueRating":5}
      ]}
      """;

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new CommandLine(
            new AnalyzeCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)))
        .execute(args);
  }

  private Path write(String content) throws IOException {
    Path f = dir.resolve("book.json");
    Files.writeString(f, content);
    return f;
  }

  /** A weekly coffee that became a friendship while the orders stopped (revenue in the first weeks). */
  private static final String COFFEE =
      """
      {"accounts":[{"id":"bean-bros","name":"Bean Bros","rep":"U_ALI","horizon":"season"}],"checkins":[
      {"account":"bean-bros","week":"2026-W30","contacts":{"business":1,"social":1},"outcome":"won","revenueWon":8000},
      {"account":"bean-bros","week":"2026-W31","contacts":{"business":1,"social":1}},
      {"account":"bean-bros","week":"2026-W32","contacts":{"business":1,"social":1},"outcome":"won","revenueWon":7000},
      {"account":"bean-bros","week":"2026-W33","contacts":{"business":1,"social":1}},
      {"account":"bean-bros","week":"2026-W34","contacts":{"business":1,"social":1},"outcome":"won","revenueWon":9000},
      {"account":"bean-bros","week":"2026-W35","contacts":{"business":0,"social":1}},
      {"account":"bean-bros","week":"2026-W36","contacts":{"business":0,"social":2}},
      {"account":"bean-bros","week":"2026-W37","contacts":{"business":1,"social":1}},
      {"account":"bean-bros","week":"2026-W38","contacts":{"business":0,"social":2}},
      {"account":"bean-bros","week":"2026-W39","contacts":{"business":0,"social":1}},
      {"account":"bean-bros","week":"2026-W40","contacts":{"business":0,"social":2}},
      {"account":"bean-bros","week":"2026-W41","contacts":{"business":0,"social":2}}
      ]}
      """;

  @Test
  void amountsInEvidenceCarryTheCurrencyWhenOneIsGivenAndNoneOtherwise() throws IOException {
    Path file = write(COFFEE);

    assertThat(run(file.toString(), "--currency", "EUR")).isZero();
    String withCurrency = out.toString(StandardCharsets.UTF_8);
    out.reset();
    assertThat(run(file.toString())).isZero();
    String bare = out.toString(StandardCharsets.UTF_8);

    assertThat(withCurrency).contains("from EUR 24,000 in the 6 weeks before to EUR 0 since 31 Aug");
    assertThat(bare).contains("from 24,000 in the 6 weeks before to 0 since 31 Aug").doesNotContain("EUR");
  }

  @Test
  void aCurrencyThatIsNotOneIsAClearUsageErrorAndNothingIsJudged() throws IOException {
    int code = run(write(COFFEE).toString(), "--currency", "<!channel>");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--currency must be a currency code or symbol")
        .doesNotContain("Exception");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void jsonOutputHasTheShapeOfSpecSectionSevenWithAccountsInInputOrder() throws IOException {
    int code = run(write(BOOK).toString(), "--json");

    assertThat(code).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toByteArray());
    assertThat(root.fieldNames()).toIterable().containsExactly("accounts");
    JsonNode megamart = root.get("accounts").get(0);
    assertThat(megamart.fieldNames()).toIterable().containsExactly("id", "health", "band", "flags");
    assertThat(megamart.get("id").asText()).isEqualTo("megamart");
    assertThat(megamart.get("health").asInt()).isEqualTo(52); // 100 − 20 × 1.2 (3 late weeks) − 12 × 2 (one dispute: conduct)
    JsonNode flag = megamart.get("flags").get(0);
    assertThat(flag.fieldNames()).toIterable().containsExactly("pattern", "severity", "evidence", "tip");
    assertThat(flag.get("pattern").asText()).isEqualTo("TERMS_DICTATED");
    assertThat(flag.get("severity").asText()).isEqualTo("warning");
    assertThat(flag.get("evidence").get(0).asText())
        .isEqualTo("All 3 reported payments came 58–71 days after a 30-day term, more than 7 days late.");
    assertThat(megamart.get("flags").get(1).get("pattern").asText()).isEqualTo("EXPLOITATIVE");
    assertThat(megamart.get("flags").get(1).get("severity").asText()).isEqualTo("watch");
    JsonNode good = root.get("accounts").get(1);
    assertThat(good.get("health").asInt()).isEqualTo(100);
    assertThat(good.get("flags")).isEmpty();
  }

  @Test
  void humanOutputGroupsAccountsByBandWithEvidenceAndTips() throws IOException {
    int code = run(write(BOOK).toString());

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(text).contains("2 accounts, 4 check-ins, judged as of the week of 28 Sep 2026");
    assertThat(text.indexOf("UNHEALTHY (1)")).isLessThan(text.indexOf("\nHEALTHY (1)"));
    assertThat(text).contains("MegaMart (megamart, rep U_SAM) — unhealthy, health 52");
    assertThat(text).contains("[warning] Terms dictated").doesNotContain("TERMS_DICTATED");
    assertThat(text).contains("• All 3 reported payments came 58–71 days after a 30-day term, more than 7 days late.");
    assertThat(text).contains("tip: Review expectations about money");
    assertThat(text).contains("Good Co (good-co, rep U_SAM) — healthy, health 100");
  }

  @Test
  void invalidInputExitsWithTwoAndTheValidationMessageWithoutAStackTrace() throws IOException {
    Path f = write(BOOK.replace("\"paymentDays\":71", "\"discountPct\":150"));

    int code = run(f.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(f + ": checkins[1] (account \"megamart\", week 2026-W39): discountPct: must be between 0 and 100, got 150"
            + System.lineSeparator());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aMissingFileExitsWithTwo() {
    int code = run(dir.resolve("nope.json").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.json: no such file");
  }

  @Test
  void aFileWithoutCheckInsHasNoHealthNumberForAnyAccount() throws IOException {
    int code = run(write("{\"accounts\":[{\"id\":\"a\",\"name\":\"A\",\"rep\":\"U1\"}],\"checkins\":[]}").toString(), "--json");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("{\"accounts\":[{\"id\":\"a\",\"health\":null,\"band\":null,\"noRecentCheckIns\":true,\"flags\":[]}]}");
  }

  @Test
  void aFileWithNoAccountsSaysSo() throws IOException {
    int code = run(write("{\"accounts\":[],\"checkins\":[]}").toString());

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 accounts, no check-ins")
        .contains("The file has no accounts, so there is nothing to judge.");
  }

  @Test
  void aFileWithNoAccountsSaysSoOnStandardErrorAndKeepsTheJsonClean() throws IOException {
    int code = run(write("{\"accounts\":[]}").toString(), "--json");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("{\"accounts\":[]}");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("The file has no accounts, so there is nothing to judge.");
  }

  /** Eight weeks of coffee without new business; {@code contacts} is what each week reports. */
  private static String coffeeEveryWeek(String id, String contacts) {
    StringBuilder b = new StringBuilder();
    for (int w = 33; w <= 40; w++) {
      b.append(b.isEmpty() ? "" : ",").append("{\"account\":\"").append(id).append("\",\"week\":\"2026-W")
          .append(w).append("\",\"contacts\":").append(contacts).append("}");
    }
    return b.toString();
  }

  @Test
  void aContactsObjectWithOnlySocialContactsIsValidAndItsBusinessContactsAreUnknownNotZero() throws IOException {
    String file = "{\"accounts\":[{\"id\":\"unknown\",\"name\":\"Business not reported\",\"rep\":\"U1\"},"
        + "{\"id\":\"none\",\"name\":\"No business\",\"rep\":\"U1\"}],\"checkins\":["
        + coffeeEveryWeek("unknown", "{\"social\":2}") + ","
        + coffeeEveryWeek("none", "{\"business\":0,\"social\":2}") + "]}";

    int code = run(write(file).toString(), "--json");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode accounts = new ObjectMapper().readTree(out.toByteArray()).get("accounts");
    assertThat(accounts.get(0).get("id").asText()).isEqualTo("unknown");
    assertThat(accounts.get(0).get("flags").findValuesAsText("pattern")).doesNotContain("PROFESSIONAL_VISITOR");
    assertThat(accounts.get(0).get("health").asInt()).isEqualTo(100);
    assertThat(accounts.get(1).get("flags").findValuesAsText("pattern")).contains("PROFESSIONAL_VISITOR");
  }

  @Test
  void aContactsObjectWithOnlyBusinessContactsIsReadAndJudged() throws IOException {
    String file = "{\"accounts\":[{\"id\":\"a\",\"name\":\"A\",\"rep\":\"U1\"}],\"checkins\":["
        + coffeeEveryWeek("a", "{\"business\":3}") + "]}";

    int code = run(write(file).toString());

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 account, 8 check-ins").contains("HEALTHY (1)");
  }
}
