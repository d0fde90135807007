package io.rapport.slack.startup;

/**
 * Slack refused a token at start-up ({@code invalid_auth}, {@code token_revoked}, …): nothing
 * Rapport does can succeed until the operator changes it, so it stops with exit 2 and {@link
 * #getMessage()}, which names the variable and what to do.
 */
public final class SlackTokenRefused extends RuntimeException {
  private final String error;

  public SlackTokenRefused(String message, String error) {
    super(message);
    this.error = error;
  }

  /** Slack's error code, e.g. {@code invalid_auth}. */
  public String error() {
    return error;
  }
}
