package io.rapport.away;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's Slack status as {@code users.info} gives it (profile {@code status_emoji},
 * {@code status_text}, {@code status_expiration} in epoch seconds, 0 for none), and the rule that
 * reads it: a holiday or travel emoji, or words such as vacation, holiday, OOO or out of office,
 * with an expiry in the future, means away until then. A status without an expiry says nothing
 * about when they are back, so it does not count; an expired one does not either.
 */
public record SlackStatus(String emoji, String text, long expirationEpochSecond) {
  static final List<String> AWAY_EMOJI = List.of(":palm_tree:", ":airplane:", ":airplane_departure:",
      ":desert_island:", ":beach_with_umbrella:", ":umbrella_on_ground:", ":luggage:", ":mountain_snow:",
      ":snow_capped_mountain:", ":camping:", ":christmas_tree:");
  private static final Pattern AWAY_WORDS = Pattern.compile(
      "\\b(vacation|vacay|holiday|holidays|ooo|out of (the )?office|on leave|annual leave|pto|off sick|sick leave)\\b");

  /** Until when the status says the person is away, if it does. */
  public Optional<Instant> awayUntil(Instant now) {
    if (expirationEpochSecond <= 0) {
      return Optional.empty();
    }
    Instant expiry = Instant.ofEpochSecond(expirationEpochSecond);
    if (!expiry.isAfter(now)) {
      return Optional.empty();
    }
    boolean emojiSays = emoji != null && AWAY_EMOJI.contains(emoji.strip().toLowerCase(Locale.ROOT));
    boolean textSays = text != null && AWAY_WORDS.matcher(text.toLowerCase(Locale.ROOT)).find();
    return emojiSays || textSays ? Optional.of(expiry) : Optional.empty();
  }
}
