package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.IsoWeek;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import io.rapport.transfer.DatabaseImport;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The report's SQL gives the same report on SQLite and PostgreSQL. */
class ReportOnEachDatabaseTest {
  @ParameterizedTest
  @MethodSource("io.rapport.testing.TestDatabases#kinds")
  void theSampleTeamsReportIsTheSameOnEveryDatabase(TestDatabases.Kind kind) throws Exception {
    try (RapportUnderTest rapport = RapportUnderTest.startOn(kind, new MutableClock(Instant.now()))) {
      Store store = rapport.rapport().foundation().store();
      long now = rapport.clock().millis();
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      IsoWeek current = IsoWeek.of(today);
      new DatabaseImport(store).run(FakeSlack.TEAM_ID, new ByteArrayInputStream(ReportEndToEndTest.demoEndingIn(current)), now);
      store.teams().insert(FakeSlack.TEAM_ID, "t", "Everyone", "everyone", today.getDayOfWeek().getValue(), "00:00", now);
      store.teams().setManager(FakeSlack.TEAM_ID, "t", "UMGR01");
      for (String rep : new String[] {"U0DEMOAVA", "U0DEMOBEN", "U0DEMOCHLOE", "U0DEMODAN"}) {
        store.teams().addMember(FakeSlack.TEAM_ID, "t", rep, now);
      }
      rapport.slack().command("/relationship-report", "", "UMGR01");
      String text = rapport.fake().awaitResponses(1).get(0).toString();
      assertThat(text).contains("Team Everyone").contains("23 accounts")
          .contains("Check-in completion:* 96% (169 of 176 due check-ins)")
          .contains("Unhealthy *4*").contains("At risk *10*").contains("Healthy *9*")
          .contains("<@U0DEMODAN> — ");
    }
  }
}
