package io.rapport.flag;

import static io.rapport.flag.FlagScenario.CHANNEL;
import static io.rapport.flag.FlagScenario.MANAGER;
import static io.rapport.flag.FlagScenario.REP;
import static io.rapport.flag.FlagScenario.WS;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Flag;
import io.rapport.domain.FlagStatus;
import io.rapport.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flag lifecycle on each real database (SQLite always; PostgreSQL when {@code
 * RAPPORT_TEST_POSTGRES_URL} is set): the SQL of flags, events, plans, false alarms and digests is
 * portable, and the partial unique index keeps concurrent judges to one flag on both.
 */
class FlagsOnEveryDatabaseTest {
  static List<org.junit.jupiter.api.Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aFlagIsPostedOnceAcknowledgedPlannedAndClosedAsAFalseAlarm(TestDatabases.Kind kind) throws Exception {
    try (FlagScenario s = FlagScenario.start(true, kind)) {
      s.paid(s.week().minusWeeks(1), 65);
      s.paid(s.week(), 70);
      int threads = 6;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          done.add(pool.submit(() -> {
            go.await();
            s.checkedIn();
            return null;
          }));
        }
        go.countDown();
        for (Future<?> f : done) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(s.posts(CHANNEL)).hasSize(1);
      Flag flag = s.onlyOpenFlag();

      s.paid(s.week().minusWeeks(2), 61);
      s.checkedIn();
      assertThat(s.flag(flag.id()).severity()).isEqualTo("warning");

      s.press(REP, "flag.acknowledge", flag.id());
      s.submit(MANAGER, "flag.plan", "VPLANDB1", flag.id(), FlagScenario.planValues("Restate terms", REP,
          java.time.LocalDate.now(s.rapport.clock()).plusDays(1).toString()));
      s.submit(MANAGER, "flag.false_alarm", "VFALSEDB", flag.id(), FlagScenario.reasonValues("agreed 60 days"));
      Flag closed = s.flag(flag.id());
      assertThat(closed.status()).isEqualTo(FlagStatus.FALSE_ALARM);
      assertThat(closed.acknowledgedBy()).isEqualTo(REP);
      assertThat(s.replies(flag.messageTs())).hasSize(4); // escalated, acknowledged, plan, false alarm
      assertThat(s.flags().falseAlarms(WS)).hasSize(1);

      s.checkedIn();
      s.rapport.rapport().flags().sweep();
      assertThat(s.openFlags()).isEmpty();
      assertThat(s.posts(CHANNEL)).hasSize(1);
      assertThat(s.posts("D" + MANAGER)).hasSize(1); // the digest of last week, once
    }
  }
}
