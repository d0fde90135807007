package io.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import io.rapport.domain.Tier;
import io.rapport.domain.WeeklySchedule;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import io.rapport.testing.TestDatabases;
import io.rapport.testing.TestDatabases.Kind;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** The DAOs against a real SQLite file and, where available, a real PostgreSQL server. */
class StoreTest {
  static final String WS = "T1";
  static final IsoWeek W41 = IsoWeek.parse("2026-W41");
  @TempDir Path dir;
  Store store;
  String url;

  static List<Named<Kind>> kinds() {
    return TestDatabases.kinds();
  }

  void open(Kind kind) {
    url = TestDatabases.freshUrl(kind, dir);
    store = new Store(Database.open(url));
    store.ensureWorkspace(WS, 1L);
  }

  @Test
  void sqliteRunsInWalModeWithForeignKeysOn() {
    open(Kind.SQLITE);
    String mode = store.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
    int fk = store.jdbi().withHandle(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
    assertThat(mode).isEqualToIgnoringCase("wal");
    assertThat(fk).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void migrationsRunOnceAndReopeningIsANoOp(Kind kind) {
    open(kind);
    String history = "SELECT COUNT(*) || ':' || MAX(installed_rank) FROM flyway_schema_history WHERE success = TRUE";
    String before = store.jdbi().withHandle(h -> h.createQuery(history).mapTo(String.class).one());
    int available = new java.io.File(getClass().getResource("/db/migration/common").getFile()).list().length;
    assertThat(Integer.parseInt(before.split(":")[0])).isGreaterThanOrEqualTo(available);
    try (Database again = Database.open(url)) {
      assertThat(again.isHealthy()).isTrue();
      // Every migration run adds a row to the history: reopening added none.
      String after = again.jdbi().withHandle(h -> h.createQuery(history).mapTo(String.class).one());
      assertThat(after).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anAccountRoundTripsWithEverySetting(Kind kind) {
    open(kind);
    Account acme = new Account("acme", "Acme Pty Ltd", "U1", Tier.STANDARD, 45,
        io.rapport.domain.Horizon.LIFETIME, true, 32.5);
    store.accounts().upsert(WS, acme, 10L);
    assertThat(store.accounts().find(WS, "acme")).contains(acme);
    assertThat(store.accounts().activeByNamePrefix(WS, "acme p")).containsExactly(acme);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aRemovedAccountKeepsItsHistoryButLeavesTheActiveLists(Kind kind) {
    open(kind);
    store.accounts().upsert(WS, Account.of("acme", "Acme", "U1"), 10L);
    store.checkIns().upsert(WS, CheckIn.builder("acme", W41).rep("U1").serviceHours(3).build(), 11L);
    assertThat(store.accounts().remove(WS, "acme", 12L)).isEqualTo(1);
    assertThat(store.accounts().activeOfRep(WS, "U1")).isEmpty();
    assertThat(store.accounts().find(WS, "acme")).isPresent();
    assertThat(store.checkIns().history(WS, "acme", "2026-W01")).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aCheckInRoundTripsEverySignal(Kind kind) {
    open(kind);
    store.accounts().upsert(WS, Account.of("acme", "Acme", "U1"), 10L);
    CheckIn full = CheckIn.builder("acme", W41).rep("U1").contacts(2, 1).serviceHours(6.5).unpaidHours(2.0)
        .outcome(Outcome.WON).revenueWon(12000).discountPct(7.5).freebies(true).quotaPressure(false)
        .clientConduct(ClientConduct.DEMANDING).promisesBrokenByClient(1).promisesBrokenByUs(0)
        .paymentDays(64).billingDispute(false).valueRating(4).note("Café with the CFO — «good»").build();
    store.checkIns().upsert(WS, full, 11L);
    assertThat(store.checkIns().find(WS, "acme", "2026-W41")).contains(full);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void storingTheSameWeekAgainEditsItInsteadOfAddingOne(Kind kind) {
    open(kind);
    store.accounts().upsert(WS, Account.of("acme", "Acme", "U1"), 10L);
    store.checkIns().upsert(WS, CheckIn.builder("acme", W41).rep("U1").serviceHours(3).build(), 11L);
    store.checkIns().upsert(WS, CheckIn.builder("acme", W41).rep("U1").serviceHours(5).build(), 12L);
    assertThat(store.checkIns().history(WS, "acme", "2026-W01"))
        .singleElement().extracting(CheckIn::serviceHours).isEqualTo(5.0);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void nothingToReportCountsAsAnsweredButNeverOverwritesACheckIn(Kind kind) {
    open(kind);
    store.accounts().upsert(WS, Account.of("acme", "Acme", "U1"), 10L);
    store.accounts().upsert(WS, Account.of("globex", "Globex", "U1"), 10L);
    store.checkIns().upsert(WS, CheckIn.builder("acme", W41).rep("U1").serviceHours(3).build(), 11L);
    assertThat(store.checkIns().markNothingToReport(WS, "acme", "U1", "2026-W41", 12L)).isZero();
    assertThat(store.checkIns().markNothingToReport(WS, "globex", "U1", "2026-W41", 12L)).isEqualTo(1);
    assertThat(store.checkIns().answeredAccounts(WS, "U1", "2026-W41")).containsExactlyInAnyOrder("acme", "globex");
    assertThat(store.checkIns().history(WS, "globex", "2026-W01")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aCheckInForAnUnknownAccountIsRefusedByTheForeignKey(Kind kind) {
    open(kind);
    assertThatThrownBy(() -> store.checkIns().upsert(WS, CheckIn.builder("ghost", W41).rep("U1").build(), 1L))
        .isInstanceOf(UnableToExecuteStatementException.class);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void teamsHaveMembersAManagerAChannelAndASchedule(Kind kind) {
    open(kind);
    store.teams().insert(WS, "t1", "Enterprise East", "enterprise east", 5, "15:00", 1L);
    store.teams().setManager(WS, "t1", "UMGR");
    store.teams().setChannel(WS, "t1", "CSALES");
    store.teams().setSchedule(WS, "t1", new WeeklySchedule(DayOfWeek.MONDAY, LocalTime.of(9, 30)));
    assertThat(store.teams().addMember(WS, "t1", "U1", 2L)).isEqualTo(1);
    assertThat(store.teams().addMember(WS, "t1", "U1", 3L)).isZero();
    var team = store.teams().find(WS, "t1").orElseThrow();
    assertThat(team.managerId()).contains("UMGR");
    assertThat(team.channelId()).contains("CSALES");
    assertThat(team.schedule().display()).isEqualTo("Mon 09:30");
    assertThat(store.teams().ofMember(WS, "U1")).extracting(t -> t.id()).containsExactly("t1");
    assertThat(store.teams().managedBy(WS, "UMGR")).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void twoWorkspacesNeverSeeEachOthersRows(Kind kind) {
    open(kind);
    store.ensureWorkspace("T2", 1L);
    store.accounts().upsert(WS, Account.of("acme", "Acme", "U1"), 10L);
    assertThat(store.accounts().find("T2", "acme")).isEmpty();
    assertThat(store.accounts().activeOfRep("T2", "U1")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void adminsAreRememberedPerWorkspace(Kind kind) {
    open(kind);
    store.users().setAdmin(WS, "UADMIN", true, 1L);
    assertThat(store.users().isAdmin(WS, "UADMIN")).isTrue();
    assertThat(store.users().isAdmin("T2", "UADMIN")).isFalse();
  }
}
