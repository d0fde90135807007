package io.rapport.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import io.rapport.store.BoundedWrites;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.NotAllowed;
import io.rapport.team.Refusal;
import io.rapport.team.TeamAdministration;
import io.rapport.testing.MutableClock;
import io.rapport.testing.TestDatabases;
import io.rapport.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The check-in service against a real database: authorization, exactly once, nothing to report. */
class CheckInServiceTest {
  static final String WS = "T1";
  static final IsoWeek W48 = IsoWeek.parse("2026-W48");
  @TempDir Path dir;

  Store store;
  CheckInService service;
  BoundedWrites writes;
  AccountBook accounts;
  final List<String> heard = new CopyOnWriteArrayList<>();

  static List<Named<Kind>> kinds() {
    return TestDatabases.kinds();
  }

  void open(Kind kind) {
    store = new Store(Database.open(TestDatabases.freshUrl(kind, dir)));
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    Access access = new Access(store, Set.of("UADMIN"));
    writes = new BoundedWrites(store.database(), BoundedWrites.ACK_PATH);
    service = new CheckInService(store, access, clock, List.of((ws, a) -> heard.add(ws + "/" + a)), writes,
        Runnable::run);
    accounts = new AccountBook(store, access, clock);
    TeamAdministration teams = new TeamAdministration(store, clock);
    var team = teams.create(WS, "East");
    teams.setManager(WS, team, "UMGR");
    teams.addMembers(WS, team, List.of("UREP"));
    accounts.add(WS, "UREP", "Acme", null, Tier.KEY);
    accounts.add(WS, "UREP", "Globex", null, Tier.KEY);
    accounts.add(WS, "UOTHER", "Initech", null, Tier.KEY);
  }

  String id(String name) {
    return store.accounts().active(WS).stream().filter(a -> a.name().equals(name)).map(Account::id)
        .findFirst().orElseThrow();
  }

  CheckIn checkIn(String account, double hours) {
    return CheckIn.builder(id(account), W48).serviceHours(hours).build();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aRepsCheckInBelongsToTheAccountsRepAndListenersAreTold(Kind kind) {
    open(kind);
    CheckInService.Stored s = service.record(WS, "UREP", checkIn("Acme", 3));
    assertThat(s.edited()).isFalse();
    assertThat(s.checkIn().rep()).isEqualTo("UREP");
    assertThat(heard).containsExactly(WS + "/" + id("Acme"));
    assertThat(service.record(WS, "UREP", checkIn("Acme", 5)).edited()).isTrue();
    assertThat(service.find(WS, id("Acme"), W48).orElseThrow().serviceHours()).isEqualTo(5.0);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aManagerMayRecordForTheirRepAndAnAdminForAnyone(Kind kind) {
    open(kind);
    assertThat(service.record(WS, "UMGR", checkIn("Acme", 1)).checkIn().rep()).isEqualTo("UREP");
    assertThat(service.record(WS, "UADMIN", checkIn("Initech", 1)).checkIn().rep()).isEqualTo("UOTHER");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anotherRepOrManagerIsRefusedAndNothingIsStored(Kind kind) {
    open(kind);
    assertThatThrownBy(() -> service.record(WS, "UOTHER", checkIn("Acme", 1))).isInstanceOf(NotAllowed.class);
    assertThatThrownBy(() -> service.record(WS, "UMGR", checkIn("Initech", 1))).isInstanceOf(NotAllowed.class);
    assertThat(service.find(WS, id("Acme"), W48)).isEmpty();
    assertThat(service.find(WS, id("Initech"), W48)).isEmpty();
    assertThat(heard).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aRemovedAccountTakesNoCheckIn(Kind kind) {
    open(kind);
    CheckIn c = checkIn("Acme", 1);
    accounts.remove(WS, "UREP", "Acme");
    assertThatThrownBy(() -> service.record(WS, "UREP", c)).isInstanceOf(Refusal.class)
        .hasMessageContaining("no longer exists");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theSameRequestStoresOnceAndANewRequestEdits(Kind kind) {
    open(kind);
    assertThat(service.recordOnce(WS, "UREP", checkIn("Acme", 2), "view_submission", "V1")).isPresent();
    assertThat(service.recordOnce(WS, "UREP", checkIn("Acme", 9), "view_submission", "V1")).isEmpty();
    assertThat(service.find(WS, id("Acme"), W48).orElseThrow().serviceHours()).isEqualTo(2.0);
    assertThat(heard).hasSize(1);
    assertThat(service.recordOnce(WS, "UREP", checkIn("Acme", 4), "view_submission", "V2").orElseThrow().edited())
        .isTrue();
    assertThat(service.find(WS, id("Acme"), W48).orElseThrow().serviceHours()).isEqualTo(4.0);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aRefusedRequestDoesNotUseUpItsKey(Kind kind) {
    open(kind);
    assertThatThrownBy(() -> service.recordOnce(WS, "UOTHER", checkIn("Acme", 2), "view_submission", "V9"))
        .isInstanceOf(NotAllowed.class);
    assertThat(service.recordOnce(WS, "UREP", checkIn("Acme", 2), "view_submission", "V9")).isPresent();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void nothingToReportStoresOnlyTheRepsUnansweredAccounts(Kind kind) {
    open(kind);
    service.record(WS, "UREP", checkIn("Acme", 3));
    heard.clear();
    List<String> stored = service.nothingToReport(WS, "UREP", List.of(id("Acme"), id("Globex"), id("Initech"), "nope"), W48);
    assertThat(stored).containsExactly(id("Globex"));
    assertThat(heard).containsExactly(WS + "/" + id("Globex"));
    assertThat(service.find(WS, id("Acme"), W48).orElseThrow().serviceHours()).isEqualTo(3.0);
    assertThat(service.nothingToReport(WS, "UREP", List.of(id("Globex")), W48)).isEmpty();
    assertThat(store.checkIns().answeredAccounts(WS, "UREP", W48.toString()))
        .containsExactlyInAnyOrder(id("Acme"), id("Globex"));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anotherWorkspaceCannotRecordForThisOnesAccount(Kind kind) {
    open(kind);
    CheckIn c = checkIn("Acme", 1);
    assertThatThrownBy(() -> service.record("T2", "UREP", c)).isInstanceOf(Refusal.class);
    assertThat(service.find(WS, id("Acme"), W48)).isEmpty();
  }
}
