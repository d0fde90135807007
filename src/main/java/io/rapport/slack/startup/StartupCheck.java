package io.rapport.slack.startup;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check: one {@code auth.test} with the bot token (and, in Socket Mode, one {@code
 * apps.connections.open} with the app-level token) before Rapport serves anything.
 *
 * <ul>
 *   <li>A token Slack refuses ({@code invalid_auth}, {@code not_authed}, {@code account_inactive},
 *       {@code token_revoked}, …) throws {@link SlackTokenRefused} with a message saying which
 *       variable and what to do; the caller exits with status 2.
 *   <li>An unreachable Slack (DNS, connection refused, timeout, proxy, 5xx, 429, Slack-side
 *       errors) is never called an invalid token: each failed try is logged as a warning naming
 *       what failed and when the next try is, and the check tries again until it gets an answer.
 * </ul>
 */
public final class StartupCheck {
  private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);

  /** Errors that mean the token itself is wrong: trying again cannot help. */
  static final Set<String> REFUSED_TOKEN = Set.of(
      "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
      "not_allowed_token_type", "team_access_not_granted", "ekm_access_denied", "no_permission");

  static final List<Duration> BACKOFF = List.of(
      Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15),
      Duration.ofSeconds(30));

  /** Waits between tries (tests pass one that does not sleep). */
  @FunctionalInterface
  public interface Pause {
    void sleep(Duration duration) throws InterruptedException;

    Pause REAL = d -> Thread.sleep(d.toMillis());
  }

  @FunctionalInterface
  private interface Attempt<T> {
    T call() throws IOException, SlackApiException;
  }

  private final String apiUrl;
  private final Pause pause;

  /**
   * @param apiUrl where Slack's Web API is reached ({@code SLACK_API_URL}), named in warnings
   */
  public StartupCheck(String apiUrl, Pause pause) {
    this.apiUrl = apiUrl;
    this.pause = pause;
  }

  /**
   * Calls {@code auth.test} with the bot token until Slack answers; returns the answer (Bolt's
   * single-workspace authorization reuses it, so Slack is asked once).
   *
   * @throws SlackTokenRefused when Slack refuses {@code SLACK_BOT_TOKEN}
   */
  public AuthTestResponse confirmBotToken(MethodsClient bot) throws InterruptedException {
    AuthTestResponse response = untilAnswered("auth.test", () -> bot.authTest(r -> r), AuthTestResponse::isOk,
        AuthTestResponse::getError);
    if (!response.isOk()) {
      throw new SlackTokenRefused(refusal("SLACK_BOT_TOKEN", response.getError()), response.getError());
    }
    return response;
  }

  /**
   * Socket Mode: asks Slack for a websocket URL with the app-level token until Slack answers, so a
   * wrong {@code SLACK_APP_TOKEN} is refused by name and an unreachable Slack is retried with a
   * warning before the Socket Mode client starts.
   *
   * @throws SlackTokenRefused when Slack refuses {@code SLACK_APP_TOKEN}
   */
  public void confirmAppToken(MethodsClient app) throws InterruptedException {
    AppsConnectionsOpenResponse response = untilAnswered("apps.connections.open",
        () -> app.appsConnectionsOpen(r -> r), AppsConnectionsOpenResponse::isOk,
        AppsConnectionsOpenResponse::getError);
    if (!response.isOk()) {
      throw new SlackTokenRefused(refusal("SLACK_APP_TOKEN", response.getError()), response.getError());
    }
  }

  /** The identity the rest of Rapport uses, from {@code auth.test}'s answer and headers. */
  public static WorkspaceIdentity identityOf(AuthTestResponse r) {
    Map<String, List<String>> headers = r.getHttpResponseHeaders();
    List<String> scopeHeader = headers == null ? null : headers.get("x-oauth-scopes");
    boolean known = scopeHeader != null && !scopeHeader.isEmpty();
    Set<String> scopes = known
        ? scopeHeader.stream().flatMap(v -> Arrays.stream(v.split(",")))
            .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet())
        : Set.of();
    return new WorkspaceIdentity(r.getTeamId(), r.getTeam() == null ? r.getTeamId() : r.getTeam(),
        Optional.ofNullable(r.getUrl()).filter(u -> !u.isBlank()), r.getUserId(),
        Optional.ofNullable(r.getBotId()).filter(b -> !b.isBlank()), scopes, known);
  }

  private <T> T untilAnswered(String method, Attempt<T> attempt,
      java.util.function.Predicate<T> ok, java.util.function.Function<T, String> error)
      throws InterruptedException {
    for (int failures = 0; ; failures++) {
      Duration wait = BACKOFF.get(Math.min(failures, BACKOFF.size() - 1));
      String problem;
      try {
        T response = attempt.call();
        if (ok.test(response) || REFUSED_TOKEN.contains(error.apply(response))) {
          if (failures > 0) {
            LOG.info("Slack answered {} after {} failed tries", method, failures);
          }
          return response;
        }
        problem = "Slack answered " + method + " with error \"" + error.apply(response) + "\"";
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        problem = "Slack answered " + method + " with HTTP " + status;
        String retryAfter = e.getResponse().header("Retry-After");
        if (status == 429 && retryAfter != null && retryAfter.matches("\\d{1,4}")) {
          wait = Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter)));
        }
      } catch (IOException e) {
        problem = "Cannot reach Slack at " + apiUrl + " (" + describe(e) + ")";
      }
      LOG.warn("{}. Rapport has not started yet and will try again in {} s; check this machine's"
          + " network, DNS and proxy (and SLACK_API_URL if you set it).", problem, wait.toSeconds());
      pause.sleep(wait);
    }
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    String message = e.getMessage();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }

  /** What to tell the operator when Slack refuses {@code variable}'s token with {@code error}. */
  static String refusal(String variable, String error) {
    boolean appToken = variable.equals("SLACK_APP_TOKEN");
    String where = appToken
        ? "Basic Information → App-Level Tokens (a token with the connections:write scope, xapp-…)"
        : "OAuth & Permissions → Bot User OAuth Token (xoxb-…)";
    String why = switch (error) {
      case "invalid_auth", "not_authed" -> "the token is wrong, incomplete or from another app";
      case "token_revoked", "token_expired" ->
          "the token was revoked: the app was uninstalled or its token regenerated";
      case "account_inactive" -> "the app's bot user was deactivated (the app was removed from the workspace)";
      case "not_allowed_token_type" -> appToken
          ? "this is not an app-level token" : "this is not a bot token";
      default -> "Slack does not accept this token";
    };
    String reinstall = error.equals("invalid_auth") || error.equals("not_authed") || appToken
        ? "" : " Reinstall the app to the workspace (Install App), then";
    return "Slack refused " + variable + " (" + error + "): " + why + "." + reinstall
        + (reinstall.isEmpty() ? " Copy" : " copy") + " the token again from your app's page at"
        + " https://api.slack.com/apps → " + where + ", set " + variable + " and start Rapport again.";
  }
}
