package io.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import io.rapport.config.Config;
import io.rapport.slack.out.SlackApi;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Rapport's Bolt {@link App}: single-workspace authorization with the bot token and the
 * shared {@code Slack} instance (so {@code SLACK_API_URL} holds for listeners too), to which
 * {@code Rapport} adds every capability's listeners.
 */
public final class SlackApp {
  private static final Logger LOG = LoggerFactory.getLogger(SlackApp.class);

  private SlackApp() {}

  public static App build(Config config, SlackApi slackApi) {
    AppConfig appConfig =
        AppConfig.builder()
            .slack(slackApi.slack())
            .singleTeamBotToken(config.slackBotToken().orElseThrow())
            .signingSecret(config.slackSigningSecret().orElse(null))
            // Every HTTP request is verified once, in RapportHandler, on Rapport's clock, before
            // Bolt sees it; Socket Mode needs no signature. A second HMAC here only cost time.
            .requestVerificationEnabled(false)
            // Events nobody listens to are still acknowledged, so Slack does not retry them.
            .allEventsApiAutoAckEnabled(true)
            .subtypedMessageEventsAutoAckEnabled(true)
            .unmatchedRequestHandler(
                req -> {
                  LOG.debug("No listener for a {} request; acknowledged", req.getRequestType());
                  return Response.json(200, Map.of());
                })
            .build();
    return new App(appConfig);
  }
}
