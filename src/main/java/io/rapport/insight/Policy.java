package io.rapport.insight;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every threshold the detectors and the health score use, grouped by pattern. A threshold's public
 * name is {@code group.component}, e.g. {@code termsDictated.warningWeeks}; {@link #thresholds()}
 * lists all of them with their defaults, current values and descriptions, and {@link #with(String,
 * String)} overrides one by name with validation. Policies are immutable.
 *
 * <p>Unless a group has its own {@code windowWeeks}, a detector looks at the last {@link
 * Window#weeks()} weeks up to and including the week judged. "Weeks" in a count always means
 * check-ins (one per account and week) inside that window.
 */
public record Policy(
    Window window,
    OverServicing overServicing,
    QuotaPressure quotaPressure,
    Friendship friendship,
    ProfessionalVisitor professionalVisitor,
    MasterServant masterServant,
    Abusive abusive,
    BigBrother bigBrother,
    WinLose winLose,
    BrokenPromises brokenPromises,
    Exploitative exploitative,
    WorkingForTheClient workingForTheClient,
    Hostage hostage,
    TermsDictated termsDictated,
    HealthWeights health) {

  private static final Policy DEFAULTS =
      new Policy(
          new Window(12),
          new OverServicing(8, 4, 6, 5),
          new QuotaPressure(26, 2, 3, 15, 2),
          new Friendship(1, 50, 10, 2, 3),
          new ProfessionalVisitor(8, 4, 6),
          new MasterServant(10, 40, 60, 3, 4),
          new Abusive(2, 3),
          new BigBrother(2),
          new WinLose(8, 5, 4, 6, 2, 3, 5),
          new BrokenPromises(2, 4, 3),
          new Exploitative(2),
          new WorkingForTheClient(15, 1.5, 5, 2, 4, 3),
          new Hostage(3, 2.0, 4, 1.5),
          new TermsDictated(7, 2, 3),
          new HealthWeights(12, 20, 2, 0.1, 2, 8, 90, 60));

  /** The policy Rapport ships with; see docs/PATTERNS.md for the reasoning behind each value. */
  public static Policy defaults() {
    return DEFAULTS;
  }

  /**
   * The evidence window of health, in weeks up to and including the week judged: an account
   * without a check-in in it has no health ("no recent check-ins"). The detectors' default window.
   */
  public int evidenceWeeks() {
    return window.weeks();
  }

  /** The longest look-back any detector needs, in weeks; older check-ins are never read. */
  public int lookbackWeeks() {
    return Math.max(
        window.weeks(),
        Math.max(quotaPressure.windowWeeks(), Math.max(professionalVisitor.windowWeeks(), winLose.windowWeeks())));
  }

  // ---------------------------------------------------------------- groups

  /** The default look-back of the detectors. */
  public record Window(
      @Threshold(value = "How many recent weeks (ending with the week judged) the detectors look at.",
              min = 4, max = 52)
          int weeks) {}

  /** {@link Pattern#OVER_SERVICING}. */
  public record OverServicing(
      @Threshold(value = "Service hours in a week at or above which the week counts as heavy servicing.",
              min = 0.5, max = 80)
          double heavyWeekHours,
      @Threshold(value = "Heavy weeks without new business on the account that raise a watch.",
              min = 1, max = 52)
          int watchWeeks,
      @Threshold(value = "Heavy weeks without new business that raise a warning when the rep's book is"
                  + " not winning new business either.",
              min = 1, max = 52)
          int warningWeeks,
      @Threshold(value = "Share (%) of the rep's check-ins with new business at or below which the"
                  + " rep counts as no longer prospecting.",
              min = 0, max = 100)
          double bookNewBusinessMaxPct) {
    public OverServicing {
      ordered("overServicing", watchWeeks, warningWeeks);
    }
  }

  /** {@link Pattern#QUOTA_PRESSURE}. */
  public record QuotaPressure(
      @Threshold(value = "Weeks of history this detector looks at (long enough to see two quarter ends).",
              min = 4, max = 104)
          int windowWeeks,
      @Threshold(value = "Weeks with quota pressure reported that raise a watch.", min = 1, max = 104)
          int watchWeeks,
      @Threshold(value = "Weeks with quota pressure reported that raise a warning.", min = 1, max = 104)
          int warningWeeks,
      @Threshold(value = "Discount (%) that counts as a period-end push when given in the last two weeks"
                  + " of a calendar quarter.",
              min = 0, max = 100)
          double periodEndDiscountPct,
      @Threshold(value = "Quarters with a period-end push (quota pressure or a deep discount) that raise a"
                  + " warning.",
              min = 1, max = 8)
          int periodEndPushes) {
    public QuotaPressure {
      ordered("quotaPressure", watchWeeks, warningWeeks);
    }
  }

  /** {@link Pattern#FRIENDSHIP_OVER_PROFIT}. */
  public record Friendship(
      @Threshold(value = "Average social contacts per week in the recent half of the window that count as"
                  + " a close friendship.",
              min = 0.1, max = 20)
          double minSocialPerWeek,
      @Threshold(value = "Fall in revenue (%) from the earlier to the recent half of the window that"
                  + " counts as revenue falling.",
              min = 1, max = 100)
          double revenueDropPct,
      @Threshold(value = "Discount (%) at or above which a week counts as a giveaway.", min = 0, max = 100)
          double discountPct,
      @Threshold(value = "Giveaway weeks (discount or freebies) in the recent half that count as giving"
                  + " margin away.",
              min = 1, max = 26)
          int giveawayWeeks,
      @Threshold(value = "Check-ins needed in each half of the window before the halves are compared.",
              min = 1, max = 26)
          int minWeeksPerHalf) {}

  /** {@link Pattern#PROFESSIONAL_VISITOR}. */
  public record ProfessionalVisitor(
      @Threshold(value = "Weeks of history this detector looks at.", min = 2, max = 52) int windowWeeks,
      @Threshold(value = "Social-only weeks (social contact, no business contact) without new business"
                  + " that raise a watch.",
              min = 1, max = 52)
          int watchWeeks,
      @Threshold(value = "Social-only weeks that raise a warning when there was no business contact at"
                  + " all.",
              min = 1, max = 52)
          int warningWeeks) {
    public ProfessionalVisitor {
      ordered("professionalVisitor", watchWeeks, warningWeeks);
    }
  }

  /** {@link Pattern#MASTER_SERVANT}. */
  public record MasterServant(
      @Threshold(value = "Service hours in the window below which unpaid work is not judged.",
              min = 0, max = 1000)
          double minServiceHours,
      @Threshold(value = "Unpaid share (%) of all service hours that raises a watch; a week at or above"
                  + " it counts as an unpaid week.",
              min = 1, max = 100)
          double watchUnpaidPct,
      @Threshold(value = "Unpaid share (%) of all service hours that raises a warning.", min = 1, max = 100)
          double warningUnpaidPct,
      @Threshold(value = "Unpaid weeks needed for a watch.", min = 1, max = 52) int watchWeeks,
      @Threshold(value = "Unpaid weeks needed for a warning.", min = 1, max = 52) int warningWeeks) {
    public MasterServant {
      ordered("masterServant", watchWeeks, warningWeeks);
      if (watchUnpaidPct > warningUnpaidPct) {
        throw new PolicyException(
            "masterServant.watchUnpaidPct must not exceed masterServant.warningUnpaidPct");
      }
    }
  }

  /** {@link Pattern#ABUSIVE}. */
  public record Abusive(
      @Threshold(value = "Weeks with aggressive or threatening conduct that raise a watch.", min = 1, max = 52)
          int watchWeeks,
      @Threshold(value = "Weeks with aggressive or threatening conduct that raise a warning.",
              min = 1, max = 52)
          int warningWeeks) {
    public Abusive {
      ordered("abusive", watchWeeks, warningWeeks);
    }
  }

  /** {@link Pattern#BIG_BROTHER}. A single threatening week is always a watch. */
  public record BigBrother(
      @Threshold(value = "Weeks with threatening conduct that raise a warning.", min = 2, max = 52)
          int warningWeeks) {}

  /** {@link Pattern#WIN_LOSE}. */
  public record WinLose(
      @Threshold(value = "Weeks of history this detector looks at.", min = 2, max = 52) int windowWeeks,
      @Threshold(value = "Discount (%) at or above which a week counts as a concession from us.",
              min = 0, max = 100)
          double concessionDiscountPct,
      @Threshold(value = "Concession weeks with no new business in return that raise a watch.",
              min = 1, max = 52)
          int watchWeeks,
      @Threshold(value = "Concession weeks with no new business in return that raise a warning.",
              min = 1, max = 52)
          int warningWeeks,
      @Threshold(value = "Value rating at or below which a week we won business counts as a loss for the"
                  + " client.",
              min = 1, max = 5)
          int lowValueRating,
      @Threshold(value = "One-sided wins (we won, the client rated the value low) that raise a watch.",
              min = 1, max = 52)
          int oneSidedWatchWeeks,
      @Threshold(value = "One-sided wins that raise a warning.", min = 1, max = 52)
          int oneSidedWarningWeeks) {
    public WinLose {
      ordered("winLose", watchWeeks, warningWeeks);
      if (oneSidedWatchWeeks > oneSidedWarningWeeks) {
        throw new PolicyException(
            "winLose.oneSidedWatchWeeks must not exceed winLose.oneSidedWarningWeeks");
      }
    }
  }

  /** {@link Pattern#BROKEN_PROMISES}. */
  public record BrokenPromises(
      @Threshold(value = "Promises broken (by either side) in the window that raise a watch.",
              min = 1, max = 100)
          int watchCount,
      @Threshold(value = "Promises broken in the window that raise a warning.", min = 1, max = 100)
          int warningCount,
      @Threshold(value = "Different weeks with a broken promise needed for a warning.", min = 2, max = 52)
          int warningWeeks) {
    public BrokenPromises {
      if (watchCount > warningCount) {
        throw new PolicyException(
            "brokenPromises.watchCount must not exceed brokenPromises.warningCount");
      }
    }
  }

  /** {@link Pattern#EXPLOITATIVE}. A single billing dispute is always a watch. */
  public record Exploitative(
      @Threshold(value = "Weeks with a billing dispute that raise a warning.", min = 2, max = 52)
          int warningWeeks) {}

  /** {@link Pattern#WORKING_FOR_THE_CLIENT}. */
  public record WorkingForTheClient(
      @Threshold(value = "Policy ceiling (%): a discount counts as deep only at or above it.",
              min = 0, max = 100)
          double ceilingPct,
      @Threshold(value = "A discount counts as deep only at or above this multiple of the book's norm"
                  + " (the median account's average discount).",
              min = 1, max = 10)
          double normFactor,
      @Threshold(value = "Accounts reporting discounts needed before the book's norm is used.",
              min = 1, max = 10000)
          int minNormAccounts,
      @Threshold(value = "Weeks with a deep discount that raise a watch.", min = 1, max = 52) int watchWeeks,
      @Threshold(value = "Giveaway weeks (deep discount or freebies) that raise a warning.",
              min = 1, max = 52)
          int warningWeeks,
      @Threshold(value = "Weeks with freebies that raise a watch on their own.", min = 1, max = 52)
          int freebieWeeks) {
    public WorkingForTheClient {
      ordered("workingForTheClient", watchWeeks, warningWeeks);
    }
  }

  /** {@link Pattern#HOSTAGE}. Only mandated accounts can be hostages. */
  public record Hostage(
      @Threshold(value = "Weeks with a value rating needed for a watch.", min = 1, max = 52)
          int watchRatedWeeks,
      @Threshold(value = "Average value rating at or below which a watch is raised.", min = 1, max = 5)
          double watchMeanValue,
      @Threshold(value = "Weeks with a value rating needed for a warning.", min = 1, max = 52)
          int warningRatedWeeks,
      @Threshold(value = "Average value rating at or below which a warning is raised.", min = 1, max = 5)
          double warningMeanValue) {
    public Hostage {
      if (watchRatedWeeks > warningRatedWeeks) {
        throw new PolicyException(
            "hostage.watchRatedWeeks must not exceed hostage.warningRatedWeeks");
      }
      if (warningMeanValue > watchMeanValue) {
        throw new PolicyException(
            "hostage.warningMeanValue must not exceed hostage.watchMeanValue");
      }
    }
  }

  /** {@link Pattern#TERMS_DICTATED}. */
  public record TermsDictated(
      @Threshold(value = "Days past the agreed payment days before a payment counts as late.",
              min = 0, max = 365)
          int graceDays,
      @Threshold(value = "Weeks with a late payment that raise a watch.", min = 1, max = 52) int watchWeeks,
      @Threshold(value = "Weeks with a late payment that raise a warning.", min = 1, max = 52)
          int warningWeeks) {
    public TermsDictated {
      ordered("termsDictated", watchWeeks, warningWeeks);
    }
  }

  /** The health score's weights and bands; see {@link HealthScore}. */
  public record HealthWeights(
      @Threshold(value = "Points a watch finding takes off the health score.", min = 0, max = 100)
          double watchPenalty,
      @Threshold(value = "Points a warning finding takes off the health score.", min = 0, max = 100)
          double warningPenalty,
      @Threshold(value = "Factor on the points of a finding about how people are treated (abusive client,"
                  + " big brother, exploitative).",
              min = 1, max = 5)
          double conductFactor,
      @Threshold(value = "Share of its points a finding adds for every week its signal showed beyond the"
                  + " first (persistence).",
              min = 0, max = 1)
          double persistencePerWeek,
      @Threshold(value = "Largest factor persistence may put on a finding's points.", min = 1, max = 5)
          double maxPersistence,
      @Threshold(value = "Points taken off per point the average value rating is below 3.",
              min = 0, max = 50)
          double lowValuePenaltyPerPoint,
      @Threshold(value = "Lowest score in the healthy band.", min = 1, max = 100) int healthyMin,
      @Threshold(value = "Scores below this are unhealthy (between this and health.healthyMin: at risk).",
              min = 1, max = 100)
          int unhealthyBelow) {
    public HealthWeights {
      if (watchPenalty > warningPenalty) {
        throw new PolicyException("health.watchPenalty must not exceed health.warningPenalty");
      }
      if (unhealthyBelow > healthyMin) {
        throw new PolicyException("health.unhealthyBelow must not exceed health.healthyMin");
      }
    }
  }

  private static void ordered(String group, int watch, int warning) {
    if (watch > warning) {
      throw new PolicyException(
          group + ".watchWeeks (" + watch + ") must not exceed " + group + ".warningWeeks (" + warning + ")");
    }
  }

  // ---------------------------------------------------------------- tuning by name

  /**
   * A threshold as an admin sees it.
   *
   * @param name public name, e.g. {@code termsDictated.warningWeeks}
   * @param description what it means
   * @param defaultValue the value in {@link #defaults()}
   * @param value the value in this policy
   * @param min smallest allowed value
   * @param max largest allowed value
   * @param wholeNumber true when only whole numbers are allowed
   */
  public record ThresholdInfo(
      String name,
      String description,
      Number defaultValue,
      Number value,
      double min,
      double max,
      boolean wholeNumber) {}

  /** Every threshold of this policy, in declaration order. */
  public List<ThresholdInfo> thresholds() {
    List<ThresholdInfo> all = new ArrayList<>();
    for (RecordComponent group : Policy.class.getRecordComponents()) {
      Record current = (Record) read(group, this);
      Record defaults = (Record) read(group, DEFAULTS);
      for (RecordComponent c : group.getType().getRecordComponents()) {
        Threshold t = c.getAnnotation(Threshold.class);
        all.add(
            new ThresholdInfo(
                group.getName() + "." + c.getName(),
                t.value(),
                (Number) read(c, defaults),
                (Number) read(c, current),
                t.min(),
                t.max(),
                c.getType() == int.class));
      }
    }
    return all;
  }

  /** The names of all thresholds, for help texts and error messages. */
  public static List<String> thresholdNames() {
    return DEFAULTS.thresholds().stream().map(ThresholdInfo::name).collect(Collectors.toList());
  }

  /**
   * This policy with one threshold changed.
   *
   * @param name the threshold's public name, e.g. {@code termsDictated.warningWeeks}
   * @param value the new value as text, e.g. {@code "3"}
   * @throws PolicyException naming the threshold and what is wrong with the value
   */
  public Policy with(String name, String value) {
    if (name != null && RENAMED.containsKey(name.trim())) {
      name = RENAMED.get(name.trim());
    }
    String[] parts = name == null ? new String[0] : name.trim().split("\\.", -1);
    RecordComponent group = parts.length == 2 ? component(Policy.class, parts[0]) : null;
    RecordComponent target = group == null ? null : component(group.getType(), parts[1]);
    if (target == null) {
      throw new PolicyException(
          "unknown threshold \"" + name + "\"; known thresholds: " + String.join(", ", thresholdNames()));
    }
    Object parsed = parse(target, name.trim(), value);
    Record oldGroup = (Record) read(group, this);
    Record newGroup = rebuild(oldGroup, target.getName(), parsed);
    return rebuild(this, group.getName(), newGroup);
  }

  /**
   * This policy with several thresholds changed; all are validated and the first problem is
   * reported. Applied in name order so the result does not depend on the map's order.
   */
  public Policy withAll(Map<String, String> overrides) {
    Policy p = this;
    for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
      p = p.with(e.getKey(), e.getValue());
    }
    return p;
  }

  /** Thresholds renamed since teams could store them: the old name still sets the new one. */
  private static final Map<String, String> RENAMED = Map.of("health.atRiskBelow", "health.unhealthyBelow");

  /** The defaults with the given overrides. */
  public static Policy of(Map<String, String> overrides) {
    return DEFAULTS.withAll(overrides);
  }

  private static Object parse(RecordComponent c, String name, String text) {
    Threshold t = c.getAnnotation(Threshold.class);
    boolean whole = c.getType() == int.class;
    String range = (whole ? "a whole number" : "a number") + " between " + fmt(t.min()) + " and " + fmt(t.max());
    String trimmed = text == null ? "" : text.trim();
    double v;
    try {
      v = whole ? Integer.parseInt(trimmed) : Double.parseDouble(trimmed);
    } catch (NumberFormatException e) {
      throw new PolicyException(name + " must be " + range + ", got \"" + (text == null ? "" : text) + "\"");
    }
    if (Double.isNaN(v) || v < t.min() || v > t.max()) {
      throw new PolicyException(name + " must be " + range + ", got " + trimmed);
    }
    return whole ? (Object) (int) v : (Object) v;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
  }

  private static RecordComponent component(Class<?> type, String name) {
    return Arrays.stream(type.getRecordComponents())
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static Object read(RecordComponent c, Object owner) {
    try {
      return c.getAccessor().invoke(owner);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <R extends Record> R rebuild(R record, String changed, Object value) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = components[i].getName().equals(changed) ? value : read(components[i], record);
    }
    try {
      Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
      return (R) canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof PolicyException pe) {
        throw pe;
      }
      throw new IllegalStateException("cannot rebuild " + record.getClass().getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot rebuild " + record.getClass().getSimpleName(), e);
    }
  }
}
