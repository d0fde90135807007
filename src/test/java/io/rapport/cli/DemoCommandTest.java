package io.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.rapport.insight.Pattern;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code demo}: no Slack, no configuration; prints the report and writes three files that parse. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoPrintsTheReportAndWritesBlockKitJsonCsvAndChart() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new CommandLine(new DemoCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))).execute("--out", dir.toString());
    assertThat(code).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("RELATIONSHIP REPORT — Team Field Sales East").contains("UNHEALTHY").contains("AT RISK")
        .contains("HEALTHY").contains("Check-in completion").contains("Dan Reyes").contains("tip:");
    for (Pattern p : Pattern.values()) {
      assertThat(text).as("the demo shows %s in words", p).contains(p.title()).doesNotContain(p.id());
    }

    JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(json.path("text").asText()).contains("Field Sales East");
    assertThat(json.path("blocks").size()).isBetween(5, 50);
    assertThat(json.path("blocks").get(0).path("type").asText()).isEqualTo("header");

    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(dir.resolve("report.csv").toFile())) {
      it.forEachRemaining(rows::add);
    }
    assertThat(rows).hasSize(23);
    assertThat(rows).anyMatch(r -> r.get("band").equals("healthy"));
    assertThat(rows).anyMatch(r -> r.get("band").equals("at risk"));

    BufferedImage png = ImageIO.read(dir.resolve("health-trend.png").toFile());
    assertThat(png.getWidth()).isEqualTo(1000);
    assertThat(png.getHeight()).isEqualTo(io.rapport.report.HealthTrendChart.HEIGHT);
    assertThat(Files.list(dir).count()).isEqualTo(3);
  }

  @Test
  void aManagerReadsDatesNotIsoWeeksInTheReportItsBlocksAndItsCsv() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new CommandLine(new DemoCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).execute("--out", dir.toString());
    assertThat(code).isZero();
    java.util.regex.Pattern isoWeek = java.util.regex.Pattern.compile("\\d{4}-W\\d{2}");

    String text = out.toString(StandardCharsets.UTF_8);
    String blocks = Files.readString(dir.resolve("report.json"));
    String csv = Files.readString(dir.resolve("report.csv"));

    assertThat(text).contains("Period 24 Aug – 18 Oct (8 weeks)").contains("change since the week of 17 Aug");
    assertThat(isoWeek.matcher(text).results().map(m -> m.group()).toList()).as("ISO weeks in the printed report").isEmpty();
    assertThat(isoWeek.matcher(blocks).results().map(m -> m.group()).toList()).as("ISO weeks in the Block Kit").isEmpty();
    assertThat(isoWeek.matcher(csv).results().map(m -> m.group()).toList()).as("ISO weeks in the CSV").isEmpty();
    assertThat(csv).contains(",2026-08-24,2026-10-18,");
  }

  @Test
  void anOutPathThatIsAFileIsAClearUsageErrorWithoutAStackTrace() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("taken"), "x");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new CommandLine(new DemoCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))).execute("--out", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is a file, not a folder").doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(java.nio.file.Files.readString(file)).isEqualTo("x");
  }
}
