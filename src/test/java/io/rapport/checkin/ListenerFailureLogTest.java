package io.rapport.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import io.rapport.store.BoundedWrites;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.TeamAdministration;
import io.rapport.testing.LogCapture;
import io.rapport.testing.MutableClock;
import io.rapport.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work after a check-in that fails is logged where it failed, without what the rep wrote. */
class ListenerFailureLogTest {
  private static final String WS = "T1";
  @TempDir Path dir;

  @Test
  void aFailingListenerIsLoggedWithItsTraceButWithoutTheNoteItQuoted() {
    Store store = new Store(Database.open(TestDatabases.freshUrl(TestDatabases.Kind.SQLITE, dir)));
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    Access access = new Access(store, Set.of("UADMIN"));
    CheckInListener failing = (ws, accountId) -> {
      throw new IllegalStateException("could not judge: note 'I promised the 20% discount to make quota'");
    };
    CheckInService service = new CheckInService(store, access, clock, List.of(failing),
        new BoundedWrites(store.database(), BoundedWrites.ACK_PATH), Runnable::run);
    TeamAdministration teams = new TeamAdministration(store, clock);
    var team = teams.create(WS, "East");
    teams.setManager(WS, team, "UMGR");
    teams.addMembers(WS, team, List.of("UREP"));
    new AccountBook(store, access, clock).add(WS, "UREP", "Acme", null, Tier.KEY);
    String acme = store.accounts().active(WS).stream().map(Account::id).findFirst().orElseThrow();

    String logged;
    try (LogCapture log = new LogCapture()) {
      service.record(WS, "UREP", CheckIn.builder(acme, IsoWeek.parse("2026-W48")).serviceHours(3).build());
      logged = log.text();
    }

    assertThat(service.find(WS, acme, IsoWeek.parse("2026-W48"))).isPresent();
    assertThat(logged)
        .contains("A check-in listener failed for account " + acme)
        .contains("java.lang.IllegalStateException (message withheld)")
        .contains("ListenerFailureLogTest")
        .doesNotContain("discount")
        .doesNotContain("quota");
  }
}
