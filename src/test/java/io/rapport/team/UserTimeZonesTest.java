package io.rapport.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.config.Config;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.out.SlackUserProfiles;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.FakeSlack.Reply;
import io.rapport.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserTimeZonesTest {
  static final String WS = "T0RAPPORT";
  @TempDir Path dir;
  FakeSlack fake;
  SlackApi slack;
  MutableClock clock = MutableClock.at("2026-11-29T20:00:00Z"); // Sunday evening in London
  UserTimeZones zones;

  @BeforeEach
  void setUp() {
    fake = new FakeSlack();
    slack = new SlackApi(Config.load(Map.of("SLACK_BOT_TOKEN", "xoxb-t", "SLACK_API_URL", fake.apiUrl()), dir));
    zones = new UserTimeZones(new Store(Database.open("jdbc:sqlite:" + dir.resolve("t.db"))), new SlackUserProfiles(slack), clock);
  }

  @AfterEach
  void tearDown() throws Exception {
    slack.close();
    fake.close();
  }

  @Test
  void aZoneIsAskedOnceAndCachedForADay() {
    fake.userTimeZone("USYD", "Australia/Sydney");
    assertThat(zones.zoneOf(WS, "USYD")).isEqualTo(ZoneId.of("Australia/Sydney"));
    clock.advance(Duration.ofHours(23));
    assertThat(zones.zoneOf(WS, "USYD")).isEqualTo(ZoneId.of("Australia/Sydney"));
    assertThat(fake.calls("users.info")).hasSize(1);
  }

  @Test
  void aRepWhoMovesIsSeenInTheNewZoneAfterADay() {
    fake.userTimeZone("UREP", "Australia/Sydney");
    zones.zoneOf(WS, "UREP");
    fake.userTimeZone("UREP", "Europe/London");
    clock.advance(Duration.ofHours(25));
    assertThat(zones.zoneOf(WS, "UREP")).isEqualTo(ZoneId.of("Europe/London"));
  }

  @Test
  void whenSlackFailsTheLastKnownZoneIsUsedAndOtherwiseUtc() {
    fake.userTimeZone("UREP", "America/New_York");
    zones.zoneOf(WS, "UREP");
    clock.advance(Duration.ofDays(2));
    fake.enqueue("users.info", Reply.status(503));
    assertThat(zones.zoneOf(WS, "UREP")).isEqualTo(ZoneId.of("America/New_York"));
    fake.enqueue("users.info", Reply.error("user_not_found"));
    assertThat(zones.zoneOf(WS, "UNEW")).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void theCurrentWeekIsTheRepsOwn() {
    // Sunday 20:00 UTC is already Monday 07:00 in Sydney: a new ISO week there.
    fake.userTimeZone("USYD", "Australia/Sydney");
    fake.userTimeZone("ULON", "Europe/London");
    assertThat(zones.currentWeek(WS, "ULON")).isEqualTo(IsoWeek.parse("2026-W48"));
    assertThat(zones.currentWeek(WS, "USYD")).isEqualTo(IsoWeek.parse("2026-W49"));
  }
}
