package io.rapport.modules;

import io.rapport.slack.Routes;
import io.rapport.completion.CheckInTimes;
import io.rapport.completion.Completions;
import io.rapport.config.Config;
import io.rapport.flag.PolicyInForce;
import io.rapport.slack.AfterAck;
import io.rapport.slack.SlackEdge;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.out.SlackUserProfiles;
import io.rapport.slack.startup.StartupCheck;
import io.rapport.slack.startup.WorkspaceIdentity;
import io.rapport.store.BoundedWrites;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.outbox.Outbox;
import io.rapport.slack.out.SlackTransport;
import io.rapport.team.Access;
import io.rapport.team.TeamAdministration;
import io.rapport.team.UserTimeZones;
import io.rapport.team.WorkspaceBinding;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * What every capability module stands on: the configuration and clock, the one Slack gateway
 * (checked with {@code auth.test} at start-up), the database and its bounded ack-path writes, who
 * may do what, the reps' time zones, the after-ack lanes, the one policy resolver and the one
 * definition of completion, and the routes the modules register their listeners on.
 */
public final class Foundation implements AutoCloseable {
  /** Background threads after the ack; the interactive lane has its own (see {@link AfterAck}). */
  public static final int AFTER_ACK_THREADS = 16;

  private final Config config;
  private final Clock clock;
  private final SlackEdge slack;
  private final SlackApi slackApi;
  private final WorkspaceIdentity identity;
  private final Database database;
  private final Store store;
  private final WorkspaceBinding binding;
  private final Access access;
  private final UserTimeZones timeZones;
  private final AfterAck afterAck;
  private final BoundedWrites writes;
  private final PolicyInForce policies;
  private final Completions completions;
  private final TeamAdministration teams;
  private final Routes routes;
  private final Outbox outbox;
  /** Names this process's leases on outbox rows. */
  private static final String INSTANCE_ID =
      ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
  private static final int OUTBOX_THREADS = 8;

  private Foundation(Config config, Clock clock, StartupCheck.Pause pause) throws InterruptedException {
    this.config = config;
    this.clock = clock;
    this.slack = SlackEdge.connect(config, pause);
    this.slackApi = slack.api();
    this.identity = slack.identity();
    this.database = Database.open(config.databaseUrl());
    this.store = new Store(database);
    this.binding = WorkspaceBinding.to(identity.teamId());
    this.access = new Access(store, config.admins(), binding);
    this.timeZones = new UserTimeZones(store, new SlackUserProfiles(slackApi), clock);
    // Enough threads that a few slow reports (seconds each) never hold up other background work;
    // modal opens run on the interactive lane and never wait behind them.
    this.afterAck = new AfterAck(AFTER_ACK_THREADS);
    this.writes = new BoundedWrites(database, BoundedWrites.ACK_PATH);
    this.policies = new PolicyInForce(store);
    this.completions = new Completions(store, new CheckInTimes(store, timeZones, clock));
    this.teams = new TeamAdministration(store, clock);
    this.routes = slack.listen(binding, store, afterAck, clock);
    this.outbox = new Outbox(store, new SlackTransport(slackApi.calls()), clock, INSTANCE_ID, OUTBOX_THREADS,
        config.outboxLease());
  }

  /**
   * The one outbox: every message that must reach Slack exactly once (prompts, flags and their
   * notes, digests, plan reminders); each capability registers its kind's courier on it.
   */
  public Outbox outbox() {
    return outbox;
  }

  /**
   * Checks the bot token with Slack ({@code auth.test}), waiting between tries with {@code pause}
   * while Slack cannot be reached, then opens the database.
   *
   * @throws io.rapport.slack.startup.SlackTokenRefused when Slack refuses the bot token
   */
  public static Foundation open(Config config, Clock clock, StartupCheck.Pause pause) throws InterruptedException {
    return new Foundation(config, clock, pause);
  }

  /** Where modules attach their listeners. */
  public Routes routes() {
    return routes;
  }

  /** Runs work after a stored change on the background lane (check-in subscribers, flag judging). */
  public Executor background() {
    return work -> afterAck.run("after a stored change", work);
  }

  public Config config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  /** The one gateway to the Slack Web API. */
  public SlackApi slackApi() {
    return slackApi;
  }

  /** Rapport's edge to Slack: the Bolt app, served over HTTP or Socket Mode (for the root). */
  public SlackEdge slack() {
    return slack;
  }

  /** Who Rapport is in Slack (workspace, bot user, scopes), from the start-up {@code auth.test}. */
  public WorkspaceIdentity identity() {
    return identity;
  }

  public Database database() {
    return database;
  }

  public Store store() {
    return store;
  }

  public Access access() {
    return access;
  }

  public UserTimeZones timeZones() {
    return timeZones;
  }

  /** The after-ack lanes; {@code afterAck().awaitIdle(...)} is the barrier tests wait on. */
  public AfterAck afterAck() {
    return afterAck;
  }

  /** Writes a user is told succeeded, stored within the ack path's budget. */
  public BoundedWrites writes() {
    return writes;
  }

  /** The one resolver of the policy in force for a team or a rep. */
  public PolicyInForce policies() {
    return policies;
  }

  /** The one definition of check-in completion (App Home, report, digest). */
  public Completions completions() {
    return completions;
  }

  /** The teams: managers, members, channels and schedules (administration, prompts and away change them). */
  public TeamAdministration teams() {
    return teams;
  }

  /** The slash commands registered so far (checked against manifest.yml by a test). */
  public Set<String> registeredCommands() {
    return routes.commandNames();
  }

  /** Finishes in-flight after-ack work, then closes the Slack client and the database. */
  @Override
  public void close() {
    afterAck.close();
    outbox.close();
    writes.close();
    slack.close();
    database.close();
  }
}
