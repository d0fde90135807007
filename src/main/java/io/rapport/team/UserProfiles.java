package io.rapport.team;

import io.rapport.away.SlackStatus;
import java.util.Optional;

/**
 * The port through which {@link UserTimeZones} reads what the workspace says about a person now:
 * their time zone and status (in Slack, one {@code users.info}: {@code
 * io.rapport.slack.out.SlackUserProfiles}).
 */
@FunctionalInterface
public interface UserProfiles {
  /** A person as the workspace describes them; a part it does not give is null. */
  record Profile(String timeZone, SlackStatus status) {}

  /** The person's profile now; empty when the workspace could not be asked or would not say. */
  Optional<Profile> profileOf(String userId);
}
