package io.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.rapport.config.Config;
import io.rapport.slack.out.SlackApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Rapport's Bolt {@link App}: single-workspace authorization with the bot token and the
 * shared {@code Slack} instance (so {@code SLACK_API_URL} holds for listeners too), to which
 * {@code Rapport} adds every capability's listeners.
 *
 * <p>Bolt's default set-up calls {@code auth.test} itself when the app starts, reports an
 * unreachable Slack as "The token is invalid" and repeats the call in the request path every ten
 * minutes. Rapport instead hands Bolt the answer of its own start-up check ({@code StartupCheck})
 * and keeps it: one {@code auth.test} per process.
 */
public final class SlackApp {
  private static final Logger LOG = LoggerFactory.getLogger(SlackApp.class);

  private SlackApp() {}

  /**
   * @param authTest the start-up check's answer to {@code auth.test} for the bot token
   * @param binding the workspace served; requests from any other are refused ({@link WorkspaceGuard})
   */
  public static App build(Config config, SlackApi slackApi, AuthTestResponse authTest,
      io.rapport.team.WorkspaceBinding binding) {
    AppConfig appConfig =
        AppConfig.builder()
            .slack(slackApi.slack())
            .singleTeamBotToken(config.slackBotToken().orElseThrow())
            .signingSecret(config.slackSigningSecret().orElse(null))
            // Every HTTP request is verified once, in RapportHandler, on Rapport's clock, before
            // Bolt sees it; Socket Mode needs no signature. A second HMAC here only cost time.
            .requestVerificationEnabled(false)
            // The start-up auth.test answer holds for the life of the process: no Slack call in
            // the ack path.
            .authTestCacheExpirationMillis(-1)
            // Events nobody listens to are still acknowledged, so Slack does not retry them.
            .allEventsApiAutoAckEnabled(true)
            .subtypedMessageEventsAutoAckEnabled(true)
            .unmatchedRequestHandler(
                req -> {
                  // One line at DEBUG (Bolt's own multi-line WARN is turned off in logback.xml).
                  LOG.debug("No listener for a {} request; acknowledged", req.getRequestType());
                  return Response.json(200, Map.of());
                })
            .build();
    // Bolt's default middleware, in its order, minus request verification (done above) and with
    // the authorization seeded from the start-up check instead of a second auth.test.
    List<Middleware> middleware = new ArrayList<>();
    if (appConfig.isSslCheckEnabled()) {
      middleware.add(new SSLCheck(appConfig.getVerificationToken()));
    }
    // Before the authorization, which replaces the request's workspace with the token's.
    middleware.add(new WorkspaceGuard(binding));
    middleware.add(new SingleTeamAuthorization(appConfig, authTest, null));
    middleware.add(new PayloadShape());
    if (appConfig.isIgnoringSelfEventsEnabled()) {
      middleware.add(new IgnoringSelfEvents(slackApi.slack().getConfig(),
          appConfig.isIgnoringSelfAssistantMessageEventsEnabled()));
    }
    App app = new App(appConfig, middleware);
    app.asOAuthApp(false);
    return app;
  }
}
