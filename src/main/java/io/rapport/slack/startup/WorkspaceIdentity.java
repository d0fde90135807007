package io.rapport.slack.startup;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who Rapport is in Slack, as {@code auth.test} answered once at start-up: the workspace the bot
 * token belongs to, the bot's own user, and the scopes the token was granted. The rest of the app
 * reads it from {@code Rapport.identity()} (e.g. to refuse requests from another workspace)
 * instead of asking Slack again.
 *
 * @param teamId the workspace id ({@code T…})
 * @param teamName the workspace's name as Slack shows it
 * @param teamUrl the workspace's address ({@code https://acme.slack.com/}), empty if Slack gave none
 * @param botUserId the bot's user id ({@code U…}), the author of Rapport's messages
 * @param botId the bot id ({@code B…}), empty if Slack gave none
 * @param grantedScopes the token's scopes from the {@code x-oauth-scopes} header; empty when Slack
 *     did not send the header ({@link #scopesKnown()} is then false)
 * @param scopesKnown whether Slack reported the scopes at all
 */
public record WorkspaceIdentity(
    String teamId,
    String teamName,
    Optional<String> teamUrl,
    String botUserId,
    Optional<String> botId,
    Set<String> grantedScopes,
    boolean scopesKnown) {

  public WorkspaceIdentity {
    grantedScopes = Set.copyOf(grantedScopes);
  }

  /** The scopes Rapport needs that the token lacks, sorted; empty when unknown or all granted. */
  public Set<String> missingScopes(Set<String> required) {
    Set<String> missing = new TreeSet<>();
    if (!scopesKnown) {
      return missing;
    }
    for (String s : required) {
      if (!grantedScopes.contains(s)) {
        missing.add(s);
      }
    }
    return missing;
  }
}
