package io.rapport.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A manager may put a pattern's watch and warning lines at the same place ("warn as soon as it
 * shows"), but never the watch line above the warning line. Each pair is tried exactly equal and one
 * step out of order.
 */
class PolicyEqualLinesTest {
  /** {lower line, upper line, one step}: the lower may equal the upper, never exceed it. */
  private static final List<String[]> PAIRS = List.of(
      new String[] {"overServicing.watchWeeks", "overServicing.warningWeeks", "1"},
      new String[] {"quotaPressure.watchWeeks", "quotaPressure.warningWeeks", "1"},
      new String[] {"professionalVisitor.watchWeeks", "professionalVisitor.warningWeeks", "1"},
      new String[] {"masterServant.watchWeeks", "masterServant.warningWeeks", "1"},
      new String[] {"masterServant.watchUnpaidPct", "masterServant.warningUnpaidPct", "0.5"},
      new String[] {"abusive.watchWeeks", "abusive.warningWeeks", "1"},
      new String[] {"winLose.watchWeeks", "winLose.warningWeeks", "1"},
      new String[] {"winLose.oneSidedWatchWeeks", "winLose.oneSidedWarningWeeks", "1"},
      new String[] {"brokenPromises.watchCount", "brokenPromises.warningCount", "1"},
      new String[] {"workingForTheClient.watchWeeks", "workingForTheClient.warningWeeks", "1"},
      new String[] {"hostage.watchRatedWeeks", "hostage.warningRatedWeeks", "1"},
      new String[] {"hostage.warningMeanValue", "hostage.watchMeanValue", "0.5"},
      new String[] {"termsDictated.watchWeeks", "termsDictated.warningWeeks", "1"},
      new String[] {"health.watchPenalty", "health.warningPenalty", "0.5"},
      new String[] {"health.unhealthyBelow", "health.healthyMin", "1"});

  private static String valueOf(String name) {
    return Policy.defaults().thresholds().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no threshold " + name)).value().toString();
  }

  private static String plus(String value, String step, boolean whole) {
    double v = Double.parseDouble(value) + Double.parseDouble(step);
    return whole ? Long.toString(Math.round(v)) : Double.toString(v);
  }

  @Test
  void watchAndWarningLinesMayMeetButNotCross() {
    for (String[] pair : PAIRS) {
      String upper = valueOf(pair[1]);
      boolean whole = !upper.contains(".") || upper.endsWith(".0") && valueOf(pair[0]).indexOf('.') < 0;
      String equal = whole ? Long.toString(Math.round(Double.parseDouble(upper))) : upper;

      Policy same = Policy.defaults().with(pair[0], equal);
      assertThat(Double.parseDouble(same.thresholds().stream().filter(t -> t.name().equals(pair[0]))
          .findFirst().orElseThrow().value().toString())).as(pair[0]).isEqualTo(Double.parseDouble(upper));
      assertThatThrownBy(() -> Policy.defaults().with(pair[0], plus(upper, pair[2], whole)))
          .as(pair[0] + " one step above " + pair[1])
          .isInstanceOf(PolicyException.class)
          .hasMessageContaining(pair[0].substring(pair[0].indexOf('.') + 1));
    }
  }
}
