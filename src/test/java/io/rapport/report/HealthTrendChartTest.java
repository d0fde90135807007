package io.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.completion.Completion;
import io.rapport.domain.IsoWeek;
import io.rapport.insight.Policy;
import io.rapport.report.Report.Period;
import io.rapport.report.Report.TrendSeries;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What the health-trend chart shows (its labels and values), not its pixels. */
class HealthTrendChartTest {
  private static final IsoWeek LAST = IsoWeek.parse("2026-W47"); // Monday 16 Nov

  @Test
  void theWeekAxisShowsEachWeeksMondayAsADateNeverAnIsoWeek() {
    HealthTrendChart.Chart chart = chart(team("Field Sales East", 4,
        list(90.0, 80.0, 70.0, 60.0), list(0, 1, 2, 1), list(0, 0, 1, 3)));

    assertThat(chart.weekLabels()).containsExactly("26 Oct", "2 Nov", "9 Nov", "16 Nov");
    assertThat(String.join(" ", chart.weekLabels()) + chart.title() + chart.subtitle())
        .doesNotContainPattern("W\\d").doesNotContain("ISO");
    assertThat(chart.subtitle()).contains("26 Oct – 22 Nov").contains("4 weeks");
  }

  @Test
  void aWeekWithThreeUnhealthyAccountsPlotsThreeNextToTheAverage() {
    HealthTrendChart.Chart chart = chart(team("Field Sales East", 4,
        list(90.0, 80.0, 70.0, 60.0), list(0, 1, 2, 1), list(0, 0, 1, 3)));

    assertThat(chart.unhealthy()).containsExactly(0, 0, 1, 3);
    assertThat(chart.atRisk()).containsExactly(0, 1, 2, 1);
    assertThat(chart.notHealthy(3)).isEqualTo(4);
    assertThat(chart.lines()).singleElement().satisfies(l -> {
      assertThat(l.name()).isEqualTo("average");
      assertThat(l.values()).containsExactly(90.0, 80.0, 70.0, 60.0);
    });
  }

  @Test
  void theTitleSaysWhatTheNumberMeansAndTheBandsAreLabelledWithTheirLimits() {
    HealthTrendChart.Chart chart = chart(team("Field Sales East", 4,
        list(90.0, 80.0, 70.0, 60.0), list(0, 1, 2, 1), list(0, 0, 1, 3)));

    assertThat(chart.title()).isEqualTo("Average account health, 0–100 (higher is healthier)");
    assertThat(chart.bands()).extracting(HealthTrendChart.Band::label)
        .containsExactly("healthy (90–100)", "at risk (60–89)", "unhealthy (below 60)");
    assertThat(chart.bands()).extracting(HealthTrendChart.Band::from).containsExactly(90, 60, 0);
  }

  @Test
  void weeksWithoutJudgedAccountsAreGapsNotZeros() {
    HealthTrendChart.Chart chart = chart(team("Field Sales East", 4,
        list(null, null, 70.0, 60.0), list(null, null, 2, 1), list(null, null, 1, 3)));

    assertThat(chart.lines().get(0).values()).containsExactly(null, null, 70.0, 60.0);
    assertThat(chart.notHealthy(0)).isNull();
    assertThat(chart.notHealthy(2)).isEqualTo(3);
  }

  @Test
  void severalTeamsGetOneNamedAverageEachAndTheBarsAddTheirAccountsUp() {
    HealthTrendChart.Chart chart = chart(
        team("Field Sales East", 4, list(90.0, 80.0, 70.0, 60.0), list(0, 1, 2, 1), list(0, 0, 1, 3)),
        team("Inside Sales", 4, list(95.0, 95.0, 85.0, 85.0), list(0, 0, 1, 1), list(0, 0, 0, 0)));

    assertThat(chart.lines()).extracting(HealthTrendChart.Line::name)
        .containsExactly("Field Sales East average", "Inside Sales average");
    assertThat(chart.unhealthy()).containsExactly(0, 0, 1, 3);
    assertThat(chart.atRisk()).containsExactly(0, 1, 3, 2);
  }

  @Test
  void itDrawsAPngOfTheDocumentedSizeEvenWithNothingToDraw() throws Exception {
    for (HealthTrendChart.Chart c : List.of(
        chart(team("Field Sales East", 4, list(90.0, 80.0, 70.0, 60.0), list(0, 1, 2, 1), list(0, 0, 1, 3))),
        chart(team("Field Sales East", 4, list(null, null, null, null), list(null, null, null, null),
            list(null, null, null, null))))) {
      BufferedImage png = ImageIO.read(new ByteArrayInputStream(HealthTrendChart.png(c)));
      assertThat(png.getWidth()).isEqualTo(HealthTrendChart.WIDTH);
      assertThat(png.getHeight()).isEqualTo(HealthTrendChart.HEIGHT);
    }
    assertThat(chart(team("Field Sales East", 4, list(null, null, null, null), list(null, null, null, null),
        list(null, null, null, null))).lines()).isEmpty();
  }

  @SafeVarargs
  private static <T> List<T> list(T... values) {
    return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
  }

  private static TrendSeries team(String name, int weeks, List<Double> health, List<Integer> atRisk,
      List<Integer> unhealthy) {
    List<List<io.rapport.insight.AccountAnalysis>> judged = new ArrayList<>();
    for (int i = 0; i < weeks; i++) {
      judged.add(List.of());
    }
    return new TrendSeries(name, Period.ending(LAST, weeks).list(), health, atRisk, unhealthy, judged);
  }

  private static HealthTrendChart.Chart chart(TrendSeries... trend) {
    Policy.HealthWeights bands = Policy.defaults().health();
    Report report = new Report("Team Field Sales East", Period.ending(LAST, 4), new Completion(0, 0), 0, List.of(),
        Map.of(), Map.of(), false, List.of(), List.of(), List.of(), List.of(), List.of(trend), bands, 12, Map.of());
    return HealthTrendChart.of(report, bands.healthyMin(), bands.unhealthyBelow());
  }
}
