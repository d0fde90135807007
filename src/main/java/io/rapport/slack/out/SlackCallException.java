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
  private com.slack.api.methods.SlackApiTextResponse response;

  public SlackCallException(String method, String error, boolean permanent, boolean uncertain, Throwable cause) {
    super(method + " failed: " + error, cause);
    this.method = method;
    this.error = error;
    this.permanent = permanent;
    this.uncertain = uncertain;
  }

  /** Slack's answer when it answered {@code ok: false}, for callers that read it. */
  SlackCallException answered(com.slack.api.methods.SlackApiTextResponse answer) {
    this.response = answer;
    return this;
  }

  /** Slack's {@code ok: false} answer, or null when there was none (HTTP error, no answer). */
  public com.slack.api.methods.SlackApiTextResponse response() {
    return response;
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
