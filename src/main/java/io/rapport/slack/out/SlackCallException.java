package io.rapport.slack.out;

/**
 * A Slack Web API call that did not succeed after {@link SlackCalls} did what it could. {@link
 * #permanent()} says whether trying again later can help ({@code user_not_found}, {@code
 * cannot_dm_bot} … cannot); {@link #uncertain()} says whether Slack may have carried it out anyway
 * (a timeout or 5xx after the request was sent).
 */
public final class SlackCallException extends Exception {
  private final String method;
  private final String error;
  private final boolean permanent;
  private final boolean uncertain;

  public SlackCallException(String method, String error, boolean permanent, boolean uncertain, Throwable cause) {
    super(method + " failed: " + error, cause);
    this.method = method;
    this.error = error;
    this.permanent = permanent;
    this.uncertain = uncertain;
  }

  public String method() {
    return method;
  }

  /** Slack's error code ({@code user_not_found}) or a short description ({@code http_503}). */
  public String error() {
    return error;
  }

  public boolean permanent() {
    return permanent;
  }

  public boolean uncertain() {
    return uncertain;
  }
}
