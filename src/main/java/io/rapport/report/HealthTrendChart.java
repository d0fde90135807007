package io.rapport.report;

import io.rapport.domain.IsoWeek;
import io.rapport.domain.WeekWords;
import io.rapport.report.Report.TrendSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The health-trend chart a manager reads in five seconds, drawn headless with Java2D as a PNG.
 *
 * <p>Top panel: the average health (0–100) of the accounts with recent check-ins, one line per
 * team (or the account of an account report), over the three bands shaded and labelled on the
 * plot (healthy, at risk, unhealthy). Bottom panel, same weeks: how many accounts were at risk and
 * unhealthy each week, stacked bars with the total on top. Weeks are dates ("17 Nov", the week's
 * Monday). At most {@link #MAX_LINES} lines are drawn (the lowest-ending ones); the legend says how
 * many were left out.
 *
 * <p>{@link #of} builds what is drawn (labels and values, testable without pixels); {@link #png}
 * draws it.
 */
public final class HealthTrendChart {
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 640;
  static final int MAX_LINES = 8;

  static final Color HEALTHY = new Color(0x2e7d32);
  static final Color AT_RISK = new Color(0xe09b00);
  static final Color UNHEALTHY = new Color(0xc62828);
  private static final Color HEALTHY_FILL = new Color(0xe6f4e6);
  private static final Color AT_RISK_FILL = new Color(0xfff3d6);
  private static final Color UNHEALTHY_FILL = new Color(0xfbe3e1);
  private static final Color INK = new Color(0x222222);
  private static final Color MUTED = new Color(0x666666);
  private static final Color GRID = new Color(0xdddddd);
  private static final Color[] PALETTE = {
    new Color(0x1a3e7a), new Color(0x6a3d9a), new Color(0x00838f), new Color(0x5d4037),
    new Color(0xad1457), new Color(0x37474f), new Color(0x2e7d32), new Color(0xef6c00)
  };

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private HealthTrendChart() {}

  /**
   * What the chart shows.
   *
   * @param title what the number means
   * @param subtitle the scope and the weeks covered
   * @param weekLabels the x axis: each week's Monday, "17 Nov"
   * @param lines the average health lines (at most {@link #MAX_LINES})
   * @param leftOut lines not drawn ("N more teams in the CSV")
   * @param bands the health bands, top (healthy) to bottom (unhealthy)
   * @param atRisk per week, accounts at risk, summed over the scope (null: no account judged)
   * @param unhealthy per week, accounts unhealthy, summed over the scope (null: no account judged)
   */
  public record Chart(String title, String subtitle, List<String> weekLabels, List<Line> lines, int leftOut,
      List<Band> bands, List<Integer> atRisk, List<Integer> unhealthy) {

    /** Accounts at risk or unhealthy in week {@code i}, or null when none was judged. */
    public Integer notHealthy(int i) {
      return atRisk.get(i) == null ? null : atRisk.get(i) + unhealthy.get(i);
    }
  }

  /** One line: its legend name and, per week, the average health (null: a gap). */
  public record Line(String name, List<Double> values) {}

  /** A shaded band from {@code from} (inclusive) to {@code to} (exclusive, 101 for the top one). */
  public record Band(String label, int from, int to) {}

  /** The chart of {@code report}, with the bands in force. */
  public static Chart of(Report report, int healthyMin, int unhealthyBelow) {
    List<IsoWeek> weeks = report.period().list();
    List<String> labels = weeks.stream().map(WeekWords::shortLabel).toList();
    boolean oneAccount = report.trend().size() == 1 && report.title().startsWith("Account ");
    String title = oneAccount
        ? "Account health, 0–100 (higher is healthier)"
        : "Average account health, 0–100 (higher is healthier)";
    String subtitle = TextBudget.cut(report.title(), 70) + " · "
        + WeekWords.span(weeks.get(0), weeks.get(weeks.size() - 1))
        + " (" + ReportFigures.count(weeks.size(), "week") + ")";

    List<TrendSeries> series = new ArrayList<>(report.trend());
    series.sort((a, b) -> Double.compare(last(a), last(b)));
    List<Line> lines = new ArrayList<>();
    for (TrendSeries t : series) {
      if (lines.size() == MAX_LINES) {
        break;
      }
      if (t.health().stream().allMatch(v -> v == null)) {
        continue;
      }
      String name = series.size() == 1 ? (oneAccount ? "health" : "average") : TextBudget.cut(t.name(), 30) + " average";
      lines.add(new Line(name, t.health()));
    }
    int withValues = (int) series.stream().filter(t -> t.health().stream().anyMatch(v -> v != null)).count();

    List<Integer> atRisk = new ArrayList<>(weeks.size());
    List<Integer> unhealthy = new ArrayList<>(weeks.size());
    for (int i = 0; i < weeks.size(); i++) {
      Integer r = null;
      Integer u = null;
      for (TrendSeries t : report.trend()) {
        if (i < t.atRisk().size() && t.atRisk().get(i) != null) {
          r = (r == null ? 0 : r) + t.atRisk().get(i);
          u = (u == null ? 0 : u) + t.unhealthy().get(i);
        }
      }
      atRisk.add(r);
      unhealthy.add(u);
    }
    List<Band> bands = List.of(
        new Band("healthy (" + healthyMin + "–100)", healthyMin, 101),
        new Band("at risk (" + unhealthyBelow + "–" + (healthyMin - 1) + ")", unhealthyBelow, healthyMin),
        new Band("unhealthy (below " + unhealthyBelow + ")", 0, unhealthyBelow));
    return new Chart(title, subtitle, labels, lines, withValues - lines.size(), bands, atRisk, unhealthy);
  }

  /** The chart as PNG bytes. */
  public static byte[] png(Report report, int healthyMin, int unhealthyBelow) {
    return png(of(report, healthyMin, unhealthyBelow));
  }

  /** {@code chart} drawn as PNG bytes. */
  static byte[] png(Chart chart) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      new Drawing(g, chart).draw();
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Draws one chart; the layout constants are in pixels. */
  private static final class Drawing {
    private static final int LEFT = 70;
    private static final int RIGHT = WIDTH - 190;
    private static final int TOP = 88;
    private static final int HEALTH_BOTTOM = 400;
    private static final int BARS_TOP = 450;
    private static final int BARS_BOTTOM = 570;

    private final Graphics2D g;
    private final Chart c;
    private final int n;

    Drawing(Graphics2D g, Chart c) {
      this.g = g;
      this.c = c;
      this.n = c.weekLabels().size();
    }

    void draw() {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);

      text(c.title(), LEFT, 34, font(Font.BOLD, 22), INK);
      text(c.subtitle(), LEFT, 60, font(Font.PLAIN, 15), MUTED);

      healthPanel();
      barsPanel();
      weekAxis();
    }

    private void healthPanel() {
      Color[] fills = {HEALTHY_FILL, AT_RISK_FILL, UNHEALTHY_FILL};
      Color[] inks = {HEALTHY, AT_RISK, UNHEALTHY};
      for (int b = 0; b < c.bands().size(); b++) {
        Band band = c.bands().get(b);
        int yTop = healthY(Math.min(100, band.to()));
        int yBottom = healthY(band.from());
        g.setColor(fills[b]);
        g.fillRect(LEFT, yTop, RIGHT - LEFT, yBottom - yTop);
        // The band's name, to the right of the plot, in the middle of the band.
        Font f = font(Font.BOLD, 14);
        int mid = (yTop + yBottom) / 2 + g.getFontMetrics(f).getAscent() / 2 - 2;
        text(band.label(), RIGHT + 10, mid, f, inks[b]);
      }
      // Y axis: 0, 20, ... 100.
      Font tick = font(Font.PLAIN, 13);
      for (int v = 0; v <= 100; v += 20) {
        int y = healthY(v);
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(LEFT, y, RIGHT, y);
        String s = Integer.toString(v);
        text(s, LEFT - 8 - g.getFontMetrics(tick).stringWidth(s), y + 5, tick, MUTED);
      }
      g.setColor(MUTED);
      g.drawLine(LEFT, TOP, LEFT, HEALTH_BOTTOM);

      boolean labelEveryPoint = n <= 13;
      for (int l = 0; l < c.lines().size(); l++) {
        Line line = c.lines().get(l);
        Color color = PALETTE[l % PALETTE.length];
        g.setColor(color);
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D path = null;
        for (int i = 0; i < n && i < line.values().size(); i++) {
          Double v = line.values().get(i);
          if (v == null) {
            if (path != null) {
              g.draw(path);
            }
            path = null;
            continue;
          }
          if (path == null) {
            path = new Path2D.Double();
            path.moveTo(x(i), healthY(v));
          } else {
            path.lineTo(x(i), healthY(v));
          }
        }
        if (path != null) {
          g.draw(path);
        }
        Font value = font(Font.BOLD, 13);
        int lastI = -1;
        for (int i = 0; i < n && i < line.values().size(); i++) {
          if (line.values().get(i) != null) {
            lastI = i;
          }
        }
        for (int i = 0; i < n && i < line.values().size(); i++) {
          Double v = line.values().get(i);
          if (v == null) {
            continue;
          }
          g.setColor(Color.WHITE);
          g.fillOval((int) x(i) - 6, healthY(v) - 6, 12, 12);
          g.setColor(color);
          g.setStroke(new BasicStroke(3f));
          g.drawOval((int) x(i) - 6, healthY(v) - 6, 12, 12);
          if (c.lines().size() == 1 && (labelEveryPoint || i == lastI)) {
            String s = Long.toString(Math.round(v));
            int w = g.getFontMetrics(value).stringWidth(s);
            int y = healthY(v) - 12;
            text(s, (int) x(i) - w / 2, y < TOP + 14 ? healthY(v) + 24 : y, value, color);
          }
        }
      }
      // The legend: line names, above the plot on the right.
      Font lf = font(Font.PLAIN, 14);
      int lx = RIGHT;
      List<String> names = new ArrayList<>();
      for (Line line : c.lines()) {
        names.add(line.name());
      }
      if (c.leftOut() > 0) {
        names.add("(" + c.leftOut() + " more in the CSV)");
      }
      if (c.lines().isEmpty()) {
        text("No account in scope has a recent check-in: nothing to draw.", LEFT + 20, (TOP + HEALTH_BOTTOM) / 2,
            font(Font.BOLD, 16), MUTED);
      }
      int ly = TOP - 8;
      FontMetrics fm = g.getFontMetrics(lf);
      for (int l = names.size() - 1; l >= 0; l--) {
        String s = names.get(l);
        int w = fm.stringWidth(s);
        lx -= w;
        text(s, lx, ly, lf, INK);
        if (l < c.lines().size()) {
          g.setColor(PALETTE[l % PALETTE.length]);
          g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
          g.drawLine(lx - 28, ly - 5, lx - 6, ly - 5);
          lx -= 28;
        }
        lx -= 18;
      }
    }

    private void barsPanel() {
      int max = 0;
      for (int i = 0; i < n; i++) {
        Integer t = c.notHealthy(i);
        max = Math.max(max, t == null ? 0 : t);
      }
      int top = Math.max(1, max);
      Font head = font(Font.BOLD, 15);
      text("Accounts at risk or unhealthy", LEFT, BARS_TOP - 14, head, INK);
      int hx = LEFT + g.getFontMetrics(head).stringWidth("Accounts at risk or unhealthy") + 24;
      Font lf = font(Font.PLAIN, 14);
      hx = swatch(hx, BARS_TOP - 14, UNHEALTHY, "unhealthy", lf);
      swatch(hx, BARS_TOP - 14, AT_RISK, "at risk", lf);

      g.setColor(MUTED);
      g.setStroke(new BasicStroke(1f));
      g.drawLine(LEFT, BARS_BOTTOM, RIGHT, BARS_BOTTOM);
      double slot = (RIGHT - LEFT) / (double) Math.max(1, n);
      int barWidth = (int) Math.max(6, Math.min(48, slot * 0.55));
      Font value = font(Font.BOLD, 13);
      for (int i = 0; i < n; i++) {
        Integer total = c.notHealthy(i);
        int cx = (int) x(i);
        if (total == null) {
          String s = "–";
          text(s, cx - g.getFontMetrics(value).stringWidth(s) / 2, BARS_BOTTOM - 4, value, MUTED);
          continue;
        }
        int u = c.unhealthy().get(i);
        int r = c.atRisk().get(i);
        int yU = barY(u, top);
        int yAll = barY(u + r, top);
        g.setColor(UNHEALTHY);
        g.fillRect(cx - barWidth / 2, yU, barWidth, BARS_BOTTOM - yU);
        g.setColor(AT_RISK);
        g.fillRect(cx - barWidth / 2, yAll, barWidth, yU - yAll);
        String s = Integer.toString(total);
        text(s, cx - g.getFontMetrics(value).stringWidth(s) / 2, yAll - 5, value, INK);
        String us = Integer.toString(u);
        if (u > 0 && u < total && BARS_BOTTOM - yU >= 17 && barWidth >= 20) {
          text(us, cx - g.getFontMetrics(value).stringWidth(us) / 2, BARS_BOTTOM - (BARS_BOTTOM - yU) / 2 + 5,
              value, Color.WHITE);
        }
      }
    }

    private void weekAxis() {
      Font tick = font(Font.PLAIN, 13);
      FontMetrics fm = g.getFontMetrics(tick);
      double slot = (RIGHT - LEFT) / (double) Math.max(1, n);
      int every = 1;
      while (slot * every < fm.stringWidth("29 Dec") + 12) {
        every++;
      }
      for (int i = 0; i < n; i++) {
        if ((n - 1 - i) % every != 0) {
          continue; // the last week always has its label
        }
        String s = c.weekLabels().get(i);
        int cx = (int) x(i);
        g.setColor(MUTED);
        g.drawLine(cx, BARS_BOTTOM, cx, BARS_BOTTOM + 4);
        text(s, cx - fm.stringWidth(s) / 2, BARS_BOTTOM + 20, tick, MUTED);
      }
      text("week starting", LEFT, BARS_BOTTOM + 44, font(Font.PLAIN, 13), MUTED);
    }

    private int swatch(int x, int baseline, Color color, String label, Font f) {
      g.setColor(color);
      g.fillRect(x, baseline - 12, 14, 14);
      text(label, x + 20, baseline, f, INK);
      return x + 20 + g.getFontMetrics(f).stringWidth(label) + 18;
    }

    private double x(int i) {
      double slot = (RIGHT - LEFT) / (double) Math.max(1, n);
      return LEFT + slot * (i + 0.5);
    }

    private int healthY(double v) {
      return (int) Math.round(HEALTH_BOTTOM - (HEALTH_BOTTOM - TOP) * v / 100.0);
    }

    private int barY(int v, int max) {
      int room = BARS_BOTTOM - BARS_TOP - 18;
      return (int) Math.round(BARS_BOTTOM - room * v / (double) max);
    }

    private void text(String s, int x, int y, Font f, Color color) {
      g.setFont(f);
      g.setColor(color);
      g.drawString(s, x, y);
    }

    private static Font font(int style, int size) {
      return new Font(Font.SANS_SERIF, style, size);
    }
  }

  private static double last(TrendSeries t) {
    Double v = ReportFigures.lastValue(t);
    return v == null ? 101 : v;
  }
}
