package io.rapport.slack.out;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.rapport.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of Rapport's outbound Slack Web API calls: a single {@link Slack} instance for the
 * process, pointed at {@code SLACK_API_URL}, the gateway ({@link #calls()}) and the bot's {@link
 * MethodsClient}. Bolt's listeners use the same instance (see {@code SlackApp}), so every call —
 * theirs and ours — honours the configured URL and goes through the gateway's budgets and retry. Closed on shutdown so the SDK's executors do not keep the JVM alive.
 */
public final class SlackApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackApi.class);

  private final Slack real;
  private final Slack slack;
  private final String botToken;
  private final SlackCalls calls;

  public SlackApi(Config config) {
    this(config, SlackLimits.DEFAULT);
  }

  /** With the budgets and retry settings {@code limits} (benchmarks and tests tune them). */
  public SlackApi(Config config, SlackLimits limits) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
    slackConfig.setPrettyResponseLoggingEnabled(false);
    slackConfig.setStatsEnabled(false);
    // RAPPORT_SLACK_TIMEOUT_SECONDS: how long to wait for Slack's answer (a call not answered in
    // time may still have been carried out; the gateway and the outbox deal with that).
    int timeoutMillis = Math.toIntExact(config.slackTimeout().toMillis());
    slackConfig.setHttpClientReadTimeoutMillis(timeoutMillis);
    slackConfig.setHttpClientWriteTimeoutMillis(timeoutMillis);
    slackConfig.setHttpClientCallTimeoutMillis(Math.toIntExact(config.slackCallTimeout().toMillis()));
    this.real = Slack.getInstance(slackConfig);
    this.botToken = config.slackBotToken().orElse(null);
    MethodsClient raw = botToken == null ? null : real.methods(botToken);
    this.calls = new SlackCalls(() -> {
      if (raw == null) {
        throw new IllegalStateException("SLACK_BOT_TOKEN is not configured");
      }
      return raw;
    }, new SlackLimiter(limits, Ticker.SYSTEM), Ticker.SYSTEM);
    this.slack = new GatewaySlack(real, calls);
  }

  /** The {@link Slack} whose every Web API client goes through the gateway (handed to Bolt). */
  public Slack slack() {
    return slack;
  }

  /** The gateway: the one limiter and retry policy every Web API call goes through. */
  public SlackCalls calls() {
    return calls;
  }

  /** The Web API client authenticated as the bot; every call goes through the gateway. */
  public MethodsClient methods() {
    if (botToken == null) {
      throw new IllegalStateException("SLACK_BOT_TOKEN is not configured");
    }
    return slack.methods(botToken);
  }

  @Override
  public void close() {
    try {
      real.close();
    } catch (Exception e) {
      LOG.warn("Closing the Slack client failed: {}", e.toString());
    }
  }
}
