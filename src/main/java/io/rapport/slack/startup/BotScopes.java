package io.rapport.slack.startup;

import java.util.Set;

/**
 * The bot scopes Rapport uses, exactly those of {@code manifest.yml}'s {@code oauth_config.scopes.bot}
 * (a test keeps the two equal). The start-up check names any the token lacks.
 */
public final class BotScopes {
  public static final Set<String> REQUIRED = Set.of(
      "commands", "chat:write", "chat:write.public", "channels:read", "groups:read", "im:write", "im:history", "channels:history", "groups:history",
      "mpim:write", "mpim:history", "users:read", "files:write");

  private BotScopes() {}
}
