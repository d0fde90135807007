package io.rapport.slack.out;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.rapport.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of Rapport's outbound Slack Web API calls: a single {@link Slack} instance for the
 * process, pointed at {@code SLACK_API_URL}, and the bot's {@link MethodsClient}. Bolt's listeners
 * use the same instance (see {@code SlackApp}), so every call — theirs and ours — honours the
 * configured URL. Closed on shutdown so the SDK's executors do not keep the JVM alive.
 */
public final class SlackApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackApi.class);

  private final Slack slack;
  private final String botToken;

  public SlackApi(Config config) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
    slackConfig.setPrettyResponseLoggingEnabled(false);
    slackConfig.setStatsEnabled(false);
    slackConfig.setHttpClientReadTimeoutMillis(10_000);
    slackConfig.setHttpClientWriteTimeoutMillis(10_000);
    slackConfig.setHttpClientCallTimeoutMillis(15_000);
    this.slack = Slack.getInstance(slackConfig);
    this.botToken = config.slackBotToken().orElse(null);
  }

  public Slack slack() {
    return slack;
  }

  /** The Web API client authenticated as the bot. */
  public MethodsClient methods() {
    if (botToken == null) {
      throw new IllegalStateException("SLACK_BOT_TOKEN is not configured");
    }
    return slack.methods(botToken);
  }

  @Override
  public void close() {
    try {
      slack.close();
    } catch (Exception e) {
      LOG.warn("Closing the Slack client failed: {}", e.toString());
    }
  }
}
