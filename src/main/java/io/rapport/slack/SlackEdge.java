package io.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import io.rapport.config.Config;
import io.rapport.slack.http.BoltAdapter;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.startup.BotScopes;
import io.rapport.slack.startup.NextSteps;
import io.rapport.slack.startup.StartupCheck;
import io.rapport.slack.startup.WorkspaceIdentity;
import io.rapport.store.Store;
import io.rapport.team.WorkspaceBinding;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rapport's edge to its one Slack workspace: the Web API gateway, checked with {@code auth.test}
 * at start-up (who Rapport is there, which scopes it has), and the Bolt app every listener is
 * attached to (through {@link Routes}), served over HTTP ({@link #httpAdapter()}) or Socket Mode.
 * Nothing outside {@code io.rapport.slack} holds a Bolt type.
 */
public final class SlackEdge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackEdge.class);

  private final Config config;
  private final SlackApi api;
  private final StartupCheck startupCheck;
  private final AuthTestResponse authTest;
  private final WorkspaceIdentity identity;
  private App app;
  private volatile Routes routes;
  private SocketModeApp socketMode;

  private SlackEdge(Config config, SlackApi api, StartupCheck startupCheck, AuthTestResponse authTest) {
    this.config = config;
    this.api = api;
    this.startupCheck = startupCheck;
    this.authTest = authTest;
    this.identity = StartupCheck.identityOf(authTest);
  }

  /**
   * Opens the gateway and checks the bot token with Slack ({@code auth.test}), waiting between
   * tries with {@code pause} while Slack cannot be reached.
   *
   * @throws io.rapport.slack.startup.SlackTokenRefused when Slack refuses the bot token
   */
  public static SlackEdge connect(Config config, StartupCheck.Pause pause) throws InterruptedException {
    SlackApi api = new SlackApi(config);
    StartupCheck check = new StartupCheck(config.slackApiUrl(), pause);
    AuthTestResponse authTest;
    try {
      authTest = check.confirmBotToken(api.methods());
    } catch (RuntimeException | InterruptedException e) {
      api.close();
      throw e;
    }
    SlackEdge edge = new SlackEdge(config, api, check, authTest);
    reportIdentity(edge.identity);
    return edge;
  }

  private static void reportIdentity(WorkspaceIdentity identity) {
    LOG.info("Slack accepted the bot token: workspace \"{}\" ({}), bot user {}", identity.teamName(),
        identity.teamId(), identity.botUserId());
    Set<String> missing = identity.missingScopes(BotScopes.REQUIRED);
    if (!missing.isEmpty()) {
      LOG.warn("The bot token lacks the scope(s) {}: {}", String.join(", ", missing),
          NextSteps.missingScopesAdvice(missing));
    } else if (!identity.scopesKnown()) {
      LOG.info("Slack did not report the token's scopes; Rapport could not check them");
    }
  }

  /** The one gateway to the Slack Web API. */
  public SlackApi api() {
    return api;
  }

  /** Who Rapport is in Slack (workspace, bot user, scopes), from the start-up {@code auth.test}. */
  public WorkspaceIdentity identity() {
    return identity;
  }

  /**
   * Builds the Bolt app, once the database is open: requests from any workspace but
   * {@code binding}'s are refused, and a request Slack delivers again is answered once
   * ({@link RepeatGuard}, which remembers deliveries in {@code store}).
   */
  public synchronized Routes listen(WorkspaceBinding binding, Store store, AfterAck afterAck, Clock clock) {
    if (routes == null) {
      app = SlackApp.build(config, api, authTest, binding);
      app.use(new RepeatGuard(store, afterAck, api, clock));
      routes = new Routes(app);
    }
    return routes;
  }

  /** The routes of the app built by {@link #listen}. */
  public Routes routes() {
    return built();
  }

  /** The app's requests, for the HTTP handler ({@code POST /slack/events}). */
  public BoltAdapter httpAdapter() {
    built();
    return new BoltAdapter(app);
  }

  /**
   * Connects over Socket Mode with {@code SLACK_APP_TOKEN}, first checking the token
   * ({@code apps.connections.open}) until Slack answers.
   */
  public synchronized void serveSocketMode() throws Exception {
    built();
    String appToken = config.slackAppToken().orElseThrow();
    startupCheck.confirmAppToken(api.slack().methods(appToken));
    // The SDK defaults to the Tyrus backend; Rapport ships Java-WebSocket instead.
    socketMode = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
    socketMode.startAsync();
  }

  /** Stops taking requests over Socket Mode (nothing when it was not started). */
  public synchronized void stopSocketMode() throws Exception {
    if (socketMode != null) {
      socketMode.close();
      socketMode = null;
    }
  }

  private Routes built() {
    if (routes == null) {
      throw new IllegalStateException("the Bolt app is built by listen(...) first");
    }
    return routes;
  }

  /** Stops the Bolt app and closes the Slack client. */
  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    api.close();
  }
}
