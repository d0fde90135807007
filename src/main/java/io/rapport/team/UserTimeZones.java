package io.rapport.team;

import io.rapport.away.SlackStatus;
import io.rapport.away.StatusSource;
import io.rapport.domain.IsoWeek;
import io.rapport.store.Store;
import io.rapport.store.UserDao.TimeZoneRow;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each user's time zone (read through {@link UserProfiles}: in Slack, {@code users.info} →
 * {@code tz}), cached in the database and refreshed once it is a day old, so a rep who moves
 * from Sydney to London is prompted at their new 15:00 within a day. When Slack cannot be asked,
 * the last known zone (or UTC) is used. The same profile read answers the status for away weeks
 * ({@link #statusOf}).
 */
public final class UserTimeZones implements StatusSource {
  private static final Logger LOG = LoggerFactory.getLogger(UserTimeZones.class);
  public static final Duration REFRESH_AFTER = Duration.ofHours(24);

  private final Store store;
  private final UserProfiles profiles;
  private final Clock clock;

  public UserTimeZones(Store store, UserProfiles profiles, Clock clock) {
    this.store = store;
    this.profiles = profiles;
    this.clock = clock;
  }

  /** The user's zone: cached if fresh, otherwise asked of Slack (one Web API call). */
  public ZoneId zoneOf(String workspaceId, String userId) {
    long now = clock.millis();
    Optional<TimeZoneRow> cached = store.users().timeZone(workspaceId, userId);
    if (cached.isPresent() && now - cached.get().fetchedAtMillis() < REFRESH_AFTER.toMillis()) {
      return parse(cached.get().tz());
    }
    Optional<String> fetched = fetch(userId);
    if (fetched.isPresent()) {
      store.ensureWorkspace(workspaceId, now);
      store.users().setTimeZone(workspaceId, userId, fetched.get(), now);
      return parse(fetched.get());
    }
    return cached.map(c -> parse(c.tz())).orElse(ZoneOffset.UTC);
  }

  /** The zone if it is cached, without asking Slack (for the ack path). */
  public Optional<ZoneId> cachedZoneOf(String workspaceId, String userId) {
    return store.users().timeZone(workspaceId, userId).map(c -> parse(c.tz()));
  }

  /** The current ISO week in the user's time zone. */
  public IsoWeek currentWeek(String workspaceId, String userId) {
    return IsoWeek.of(LocalDate.now(clock.withZone(zoneOf(workspaceId, userId))));
  }

  /**
   * The user's Slack status, read now (one {@code users.info}, which also refreshes the cached
   * zone); empty when Slack could not say.
   */
  @Override
  public Optional<SlackStatus> statusOf(String workspaceId, String userId) {
    Optional<UserProfiles.Profile> profile = profiles.profileOf(userId);
    if (profile.isEmpty()) {
      return Optional.empty();
    }
    if (profile.get().timeZone() != null) {
      long now = clock.millis();
      store.ensureWorkspace(workspaceId, now);
      store.users().setTimeZone(workspaceId, userId, profile.get().timeZone(), now);
    }
    return Optional.ofNullable(profile.get().status());
  }

  private Optional<String> fetch(String userId) {
    Optional<String> tz = profiles.profileOf(userId).map(UserProfiles.Profile::timeZone);
    if (tz.isEmpty()) {
      LOG.warn("No time zone for {} from the workspace; using the cached one, else UTC", userId);
    }
    return tz;
  }

  private static ZoneId parse(String tz) {
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
