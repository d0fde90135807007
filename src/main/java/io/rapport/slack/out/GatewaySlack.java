package io.rapport.slack.out;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsClient;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.webhook.Payload;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Slack} handed to Bolt and used by Rapport: the configured instance underneath, with
 * every {@link MethodsClient} it gives out routed through the gateway ({@link GatewayMethods}).
 * Bolt's {@code ctx.client()} is built from it, so listeners' Web API calls keep the same budgets
 * and retry as Rapport's own.
 *
 * <p>Each client is built once per token and team and then reused: Bolt asks for
 * {@code ctx.client()} on every request (its single-team authorization does), and building one
 * means a new SDK client and a new proxy, which a profile of the ack path showed. The clients hold
 * no per-call state. A workspace has one bot token, so the map stays as small as the installs.
 */
final class GatewaySlack extends Slack {
  private final Slack real;
  private final SlackCalls gateway;
  private final Map<List<String>, MethodsClient> clients = new ConcurrentHashMap<>();

  GatewaySlack(Slack real, SlackCalls gateway) {
    this.real = real;
    this.gateway = gateway;
  }

  @Override
  public SlackConfig getConfig() {
    return real.getConfig();
  }

  @Override
  public SlackHttpClient getHttpClient() {
    return real.getHttpClient();
  }

  @Override
  public MethodsClient methods() {
    return clients.computeIfAbsent(Arrays.asList(null, null), k -> GatewayMethods.wrap(real.methods(), gateway));
  }

  @Override
  public MethodsClient methods(String token) {
    return clients.computeIfAbsent(
        Arrays.asList(token, null), k -> GatewayMethods.wrap(real.methods(token), gateway));
  }

  @Override
  public MethodsClient methods(String token, String teamId) {
    return clients.computeIfAbsent(
        Arrays.asList(token, teamId), k -> GatewayMethods.wrap(real.methods(token, teamId), gateway));
  }

  @Override
  public AsyncMethodsClient methodsAsync() {
    return real.methodsAsync();
  }

  @Override
  public AsyncMethodsClient methodsAsync(String token) {
    return real.methodsAsync(token);
  }

  @Override
  public AsyncMethodsClient methodsAsync(String token, String teamId) {
    return real.methodsAsync(token, teamId);
  }

  @Override
  public SocketModeClient socketMode(String appToken) throws IOException {
    return real.socketMode(appToken);
  }

  @Override
  public SocketModeClient socketMode(String appToken, SocketModeClient.Backend backend) throws IOException {
    return real.socketMode(appToken, backend);
  }

  @Override
  public String issueSocketModeUrl(String appToken) throws IOException {
    return real.issueSocketModeUrl(appToken);
  }

  @Override
  public WebhookResponse send(String url, Payload payload) throws IOException {
    return real.send(url, payload);
  }

  @Override
  public WebhookResponse send(String url, String payload) throws IOException {
    return real.send(url, payload);
  }

  @Override
  public void close() throws Exception {
    real.close();
  }
}
