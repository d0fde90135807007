package io.rapport.report;

import io.rapport.domain.IsoWeek;
import io.rapport.report.Report.TrendSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The health-trend chart: health (0–100) per week, one line per team (the average of its accounts)
 * or the account of an account report, over shaded bands (at risk, watch, healthy), drawn headless with XChart as a
 * PNG. At most {@link #MAX_LINES} lines are drawn (the lowest-ending ones, which need attention);
 * the legend says how many were left out.
 */
public final class HealthTrendChart {
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 560;
  static final int MAX_LINES = 8;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
    new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2)
  };

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private HealthTrendChart() {}

  /** The chart as PNG bytes. */
  public static byte[] png(Report report, int healthyMin, int unhealthyBelow) {
    List<IsoWeek> weeks = report.period().list();
    List<Double> x = new ArrayList<>();
    for (int i = 0; i < weeks.size(); i++) {
      x.add((double) i);
    }
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Health trend — " + TextBudget.cut(report.title(), 70))
        .xAxisTitle("ISO week").yAxisTitle("Health (0–100)").build();
    Styler s = chart.getStyler();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
    chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    chart.getStyler().setAntiAlias(true);
    chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> {
      int i = (int) Math.round(v);
      return i >= 0 && i < weeks.size() && Math.abs(v - i) < 1e-6 ? "W" + String.format("%02d", weeks.get(i).week()) : "";
    });
    chart.getStyler().setXAxisTickMarkSpacingHint(40);
    s.setMarkerSize(8);

    // The bands, as shaded lines at their borders.
    band(chart, "healthy ≥ " + healthyMin, x, healthyMin, new Color(0x2ca02c));
    band(chart, "at risk < " + unhealthyBelow, x, unhealthyBelow, new Color(0xd62728));

    List<TrendSeries> series = new ArrayList<>(report.trend());
    series.sort((a, b) -> Double.compare(last(a), last(b)));
    int drawn = 0;
    for (TrendSeries t : series) {
      if (drawn == MAX_LINES) {
        break;
      }
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < t.health().size(); i++) {
        if (t.health().get(i) != null) {
          xs.add((double) i);
          ys.add(t.health().get(i));
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries line = chart.addSeries(unique(chart, TextBudget.cut(t.name(), 40)), xs, ys);
      line.setLineColor(PALETTE[drawn % PALETTE.length]);
      line.setMarkerColor(PALETTE[drawn % PALETTE.length]);
      line.setMarker(SeriesMarkers.CIRCLE);
      line.setLineStyle(new BasicStroke(3f));
      drawn++;
    }
    if (series.size() > drawn) {
      XYSeries more = chart.addSeries("(" + (series.size() - drawn) + " more teams in the CSV)", List.of(0.0), List.of(-10.0));
      more.setMarker(SeriesMarkers.NONE);
      more.setLineColor(Color.WHITE);
    }
    if (drawn == 0) {
      XYSeries none = chart.addSeries("no accounts in scope", List.of(0.0), List.of(-10.0));
      none.setMarker(SeriesMarkers.NONE);
      none.setLineColor(Color.WHITE);
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void band(XYChart chart, String name, List<Double> x, double level, Color color) {
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < x.size(); i++) {
      y.add(level);
    }
    List<Double> xs = x.size() == 1 ? List.of(-0.5, 0.5) : x;
    List<Double> ys = x.size() == 1 ? List.of(level, level) : y;
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 140));
    s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
  }

  private static String unique(XYChart chart, String name) {
    String n = name;
    int i = 2;
    while (chart.getSeriesMap().containsKey(n)) {
      n = name + " (" + i++ + ")";
    }
    return n;
  }

  private static double last(TrendSeries t) {
    Double v = ReportFigures.lastValue(t);
    return v == null ? 101 : v;
  }
}
