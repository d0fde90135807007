package io.rapport.away;

import java.util.Optional;

/** Reads a person's current Slack status (one {@code users.info}); empty when Slack could not say. */
@FunctionalInterface
public interface StatusSource {
  Optional<SlackStatus> statusOf(String workspaceId, String userId);
}
