package io.rapport.insight.detectors;

import io.rapport.insight.Detector;
import java.util.List;

/** The one place where every detector is registered: one per {@link io.rapport.insight.Pattern}. */
public final class Detectors {
  private static final List<Detector> ALL =
      List.of(
          new OverServicingDetector(),
          new QuotaPressureDetector(),
          new FriendshipOverProfitDetector(),
          new ProfessionalVisitorDetector(),
          new MasterServantDetector(),
          new AbusiveDetector(),
          new BigBrotherDetector(),
          new WinLoseDetector(),
          new BrokenPromisesDetector(),
          new ExploitativeDetector(),
          new WorkingForTheClientDetector(),
          new HostageDetector(),
          new TermsDictatedDetector());

  private Detectors() {}

  /** Every detector, in the order of {@link io.rapport.insight.Pattern}. */
  public static List<Detector> all() {
    return ALL;
  }
}
