package io.rapport.slack.out;

import java.util.Map;

/**
 * Slack's rate-limit tiers (calls per minute, per method and workspace) and which tier each Web
 * API method Rapport calls belongs to. {@code chat.postMessage} is special: about one per second
 * per channel and a workspace-wide budget Slack does not publish ({@link SlackLimits}).
 */
public enum MethodTier {
  TIER_1(1),
  TIER_2(20),
  TIER_3(50),
  TIER_4(100),
  /** {@code chat.postMessage}: paced by {@link SlackLimits#postsPerMinute()} and per channel. */
  POSTING(0);

  private final int perMinute;

  MethodTier(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Calls a minute Slack documents for the tier (0 for {@link #POSTING}: see the limits). */
  public int perMinute() {
    return perMinute;
  }

  private static final Map<String, MethodTier> METHODS = Map.ofEntries(
      Map.entry("chat.postMessage", POSTING),
      Map.entry("chat.update", TIER_3),
      Map.entry("chat.delete", TIER_3),
      Map.entry("chat.postEphemeral", TIER_4),
      Map.entry("conversations.open", TIER_3),
      Map.entry("conversations.history", TIER_3),
      Map.entry("conversations.replies", TIER_3),
      Map.entry("conversations.info", TIER_3),
      Map.entry("users.info", TIER_4),
      Map.entry("users.list", TIER_2),
      Map.entry("users.profile.get", TIER_4),
      Map.entry("views.open", TIER_4),
      Map.entry("views.update", TIER_4),
      Map.entry("views.publish", TIER_4),
      Map.entry("views.push", TIER_4),
      Map.entry("files.getUploadURLExternal", TIER_4),
      Map.entry("files.completeUploadExternal", TIER_4),
      Map.entry("auth.test", TIER_4));

  /** The tier of {@code method}; an unlisted method is treated as Tier 3 (the common one). */
  public static MethodTier of(String method) {
    return METHODS.getOrDefault(method, TIER_3);
  }
}
