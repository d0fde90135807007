package io.rapport;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.socket_mode.SocketModeClient;
import io.rapport.away.AwayService;
import io.rapport.checkin.AccountBook;
import io.rapport.checkin.AccountOverview;
import io.rapport.checkin.CheckInListener;
import io.rapport.checkin.CheckInService;
import io.rapport.insight.Analyzer;
import io.rapport.slack.listeners.actions.CheckInModalActions;
import io.rapport.slack.listeners.actions.CheckInModalOpener;
import io.rapport.slack.listeners.actions.OpenCheckInAction;
import io.rapport.slack.listeners.commands.AccountsCommand;
import io.rapport.slack.listeners.commands.CheckInCommand;
import io.rapport.slack.listeners.commands.admin.AdminsSubcommand;
import io.rapport.slack.listeners.commands.admin.TeamSubcommand;
import io.rapport.slack.listeners.commands.admin.TeamVerb;
import io.rapport.slack.listeners.commands.admin.TeamVerbs;
import io.rapport.slack.listeners.commands.admin.TeamsSubcommand;
import io.rapport.slack.listeners.events.AppHomeOpenedListener;
import io.rapport.slack.listeners.events.DirectMessageListener;
import io.rapport.prompt.DirectMessageReply;
import io.rapport.slack.listeners.events.HomeTabPublisher;
import io.rapport.slack.listeners.views.CheckInSubmission;
import io.rapport.slack.views.CheckInModal;
import io.rapport.team.AdminRoster;
import io.rapport.team.TeamAdministration;
import io.rapport.config.Config;
import io.rapport.flag.FlagDelivery;
import io.rapport.flag.FlagPoster;
import io.rapport.flag.FlagService;
import io.rapport.flag.FlagSweep;
import io.rapport.flag.ManagerDigest;
import io.rapport.flag.PlanReminders;
import io.rapport.flag.TeamPolicies;
import io.rapport.slack.listeners.actions.FlagButtonAction;
import io.rapport.slack.listeners.actions.FlagNotesAction;
import io.rapport.slack.listeners.commands.admin.FlagsTeamVerb;
import io.rapport.slack.listeners.commands.admin.PolicyTeamVerb;
import io.rapport.slack.listeners.views.FlagFalseAlarmSubmission;
import io.rapport.slack.listeners.views.FlagPlanSubmission;
import io.rapport.slack.views.FlagMessages;
import io.rapport.slack.AfterAck;
import io.rapport.slack.SlackApp;
import io.rapport.slack.http.BoltAdapter;
import io.rapport.slack.http.HttpServer;
import io.rapport.slack.http.RapportHandler;
import io.rapport.slack.http.SlackSignatureVerifier;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.listeners.commands.CommandsRegistrar;
import io.rapport.slack.listeners.commands.RelationshipHelpCommand;
import io.rapport.slack.listeners.commands.RelationshipReportCommand;
import io.rapport.slack.listeners.actions.ReportFileAction;
import io.rapport.slack.listeners.actions.ReportShareAction;
import io.rapport.slack.listeners.views.ReportShareSubmission;
import io.rapport.report.ReportBlocks;
import io.rapport.report.ReportDelivery;
import io.rapport.report.ReportService;
import io.rapport.report.ShareModal;
import io.rapport.slack.listeners.commands.admin.AdminSubcommand;
import io.rapport.slack.listeners.commands.admin.RelationshipAdminCommand;
import io.rapport.prompt.DueAccounts;
import io.rapport.completion.CheckInTimes;
import io.rapport.completion.Completions;
import io.rapport.flag.PolicyInForce;
import io.rapport.prompt.PromptCompletion;
import io.rapport.prompt.PromptNow;
import io.rapport.prompt.PromptResponses;
import io.rapport.prompt.PromptScheduler;
import io.rapport.prompt.PromptSender;
import io.rapport.slack.listeners.actions.PromptButtons;
import io.rapport.slack.listeners.commands.admin.PauseSubcommand;
import io.rapport.slack.listeners.commands.admin.PromptNowSubcommand;
import io.rapport.slack.out.SlackCalls;
import io.rapport.slack.out.Ticker;
import io.rapport.slack.startup.BotScopes;
import io.rapport.slack.startup.NextSteps;
import io.rapport.slack.startup.StartupCheck;
import io.rapport.slack.startup.WorkspaceIdentity;
import io.rapport.slack.subscribers.HomeTabRefresh;
import io.rapport.store.BoundedWrites;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.UserTimeZones;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: the parts wired together once, started in HTTP or Socket Mode, and stopped in
 * order (stop taking requests, finish in-flight work, close the Slack client).
 */
public final class Rapport implements AutoCloseable {
  static final int AFTER_ACK_THREADS = 16;
  private static final Logger LOG = LoggerFactory.getLogger(Rapport.class);
  /** How often the prompt scheduler looks for due prompts (the first pass runs at start-up). */
  private static final java.time.Duration PROMPT_PASS_EVERY = java.time.Duration.ofSeconds(30);
  /** Names this process's claims on prompt rows. */
  private static final String PROMPT_INSTANCE_ID =
      ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);

  private final Config config;
  private final Clock clock;
  private final Database database;
  private final Store store;
  private final Access access;
  private final UserTimeZones timeZones;
  private final java.util.List<CheckInListener> checkInListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final TeamAdministration teamAdministration;
  private final AdminRoster adminRoster;
  private final AccountBook accountBook;
  private final AccountOverview accountOverview;
  /** The one resolver of the policy in force for a team or a rep. */
  private final PolicyInForce policies;
  /** The one definition of check-in completion; {@code completions().excluding(...)} adds away weeks. */
  private final Completions completions;
  private final CheckInService checkInService;
  private final CheckInModalOpener checkInModalOpener;
  private final HomeTabPublisher homeTab;
  private final SlackApi slackApi;
  private final AfterAck afterAck;
  private final BoundedWrites writes;
  private final App app;
  private final CommandsRegistrar commands;
  private final SlackCalls slackCalls;
  private final PromptSender promptSender;
  private final PromptScheduler promptScheduler;
  private final PromptNow promptNow;
  private final PromptResponses promptResponses;
  private final PromptSender.ZoneLookup promptZones;
  private final FlagService flags;
  private final FlagSweep flagSweep;
  private final ReportDelivery reports;
  private final WorkspaceIdentity identity;
  /** The one workspace served (from the start-up auth.test); every other is refused. */
  private final io.rapport.team.WorkspaceBinding binding;
  private final StartupCheck startupCheck;
  private final AwayService away;
  private final io.rapport.slack.listeners.commands.AwayCommands awayCommands;
  private HttpServer http;
  private SocketModeApp socketMode;
  private volatile boolean promptTimer = true;

  private Rapport(Config config, Clock clock, StartupCheck.Pause pause) throws InterruptedException {
    this.config = config;
    this.clock = clock;
    this.slackApi = new SlackApi(config);
    this.startupCheck = new StartupCheck(config.slackApiUrl(), pause);
    com.slack.api.methods.response.auth.AuthTestResponse authTest;
    try {
      authTest = startupCheck.confirmBotToken(slackApi.methods());
    } catch (RuntimeException | InterruptedException e) {
      slackApi.close();
      throw e;
    }
    this.identity = StartupCheck.identityOf(authTest);
    reportIdentity(identity);
    this.database = Database.open(config.databaseUrl());
    this.store = new Store(database);
    this.binding = io.rapport.team.WorkspaceBinding.to(identity.teamId());
    this.access = new Access(store, config.admins(), binding);
    this.timeZones = new UserTimeZones(store, slackApi, clock);
    // Enough threads that a few slow reports (seconds each) never hold up a modal that must open
    // within the 3-second life of its trigger id; most of the work waits on Slack or the database.
    this.afterAck = new AfterAck(AFTER_ACK_THREADS);
    this.teamAdministration = new TeamAdministration(store, clock);
    this.adminRoster = new AdminRoster(store, config.admins(), clock);
    this.accountBook = new AccountBook(store, access, clock);
    this.policies = new PolicyInForce(store);
    this.completions = new Completions(store, new CheckInTimes(store, timeZones, clock));
    this.accountOverview = new AccountOverview(store, access, policies, completions);
    this.writes = new BoundedWrites(database, BoundedWrites.ACK_PATH);
    java.util.concurrent.Executor background = work -> afterAck.run("after a stored change", work);
    this.checkInService = new CheckInService(store, access, clock, checkInListeners, writes, background);
    DueAccounts dueAccounts = new DueAccounts(store);
    this.checkInModalOpener = new CheckInModalOpener(checkInService, accountBook, dueAccounts, timeZones, slackApi,
        clock);
    this.away = new AwayService(store, access, timeZones, clock);
    completions.excluding(away::exclusions); // away weeks are not due (docs/PROMPTS.md)
    this.homeTab = new HomeTabPublisher(accountBook, accountOverview, timeZones, slackApi, away, access,
        new io.rapport.team.SetupProgress(store));
    this.app = SlackApp.build(config, slackApi, authTest, binding);
    this.commands = new CommandsRegistrar(app);
    this.slackCalls = slackApi.calls();
    this.awayCommands = new io.rapport.slack.listeners.commands.AwayCommands(away, timeZones, slackCalls, clock);
    PromptSender.ZoneLookup zones =
        (ws, user) -> timeZones.cachedZoneOf(ws, user).orElseGet(() -> timeZones.zoneOf(ws, user));
    this.promptZones = zones;
    this.promptSender = new PromptSender(store, slackCalls, zones, clock, Ticker.SYSTEM,
        PROMPT_INSTANCE_ID, 8);
    this.promptScheduler = new PromptScheduler(store, dueAccounts, timeZones, promptSender, away, clock);
    this.promptNow = new PromptNow(store, timeZones, promptScheduler, promptSender, away, clock);
    PromptCompletion promptCompletion = new PromptCompletion(store, slackCalls, zones, clock);
    this.promptResponses = new PromptResponses(store, dueAccounts, promptCompletion, slackCalls, zones,
        checkInService::nothingToReport, clock);
    FlagPoster flagPoster = new FlagPoster(slackApi);
    FlagDelivery flagDelivery = new FlagDelivery(store, flagPoster, clock);
    this.flags = new FlagService(store, access, timeZones, flagDelivery, away, clock, writes, background);
    this.flagSweep = new FlagSweep(flags, flagDelivery, new PlanReminders(store, flagPoster, timeZones, clock),
        new ManagerDigest(store, flagPoster, timeZones, away, clock, completions), clock);
    // After a check-in, in this order on the background lane: the prompt's progress (the weekly
    // prompt message kept current in place is the rep's confirmation; no DM per check-in), flag
    // judging, then App Home.
    checkInListeners.addAll(java.util.List.of(promptCompletion, flags, new HomeTabRefresh(homeTab)));
    this.reports = new ReportDelivery(
        new ReportService(store, access, slackApi, timeZones, completions), slackApi, afterAck, store, clock);
    registerListeners();
  }

  private static void reportIdentity(WorkspaceIdentity identity) {
    LOG.info("Slack accepted the bot token: workspace \"{}\" ({}), bot user {}", identity.teamName(),
        identity.teamId(), identity.botUserId());
    java.util.Set<String> missing = identity.missingScopes(BotScopes.REQUIRED);
    if (!missing.isEmpty()) {
      LOG.warn("The bot token lacks the scope(s) {}: {}", String.join(", ", missing),
          NextSteps.missingScopesAdvice(missing));
    } else if (!identity.scopesKnown()) {
      LOG.info("Slack did not report the token's scopes; Rapport could not check them");
    }
  }

  /** Every capability registers its listeners here, one line each. */
  private void registerListeners() {
    app.use(new io.rapport.slack.RepeatGuard(store, afterAck, slackApi, clock));
    commands.add(RelationshipHelpCommand.COMMAND, new RelationshipHelpCommand());
    RelationshipAdminCommand adminCommand = new RelationshipAdminCommand(afterAck, access, adminSubcommands());
    commands.add(RelationshipAdminCommand.COMMAND, adminCommand);
    new PromptButtons(afterAck, promptResponses).register(app);
    commands.add(CheckInCommand.COMMAND, new CheckInCommand(
        afterAck, accountBook, accountOverview, checkInModalOpener, timeZones, awayCommands));
    AccountsCommand accountsCommand = new AccountsCommand(afterAck, accountBook, accountOverview, access, timeZones);
    commands.add(AccountsCommand.COMMAND, accountsCommand);
    app.blockAction(io.rapport.slack.listeners.actions.SetupStepAction.ACTION_IDS,
        new io.rapport.slack.listeners.actions.SetupStepAction(afterAck, access, store, slackApi));
    app.viewSubmission(io.rapport.slack.views.SetupChecklistView.CALLBACK_ID,
        new io.rapport.slack.listeners.views.SetupStepSubmission(afterAck, store, adminCommand, accountsCommand,
            slackApi, homeTab));
    app.blockAction(OpenCheckInAction.ACTION_ID,
        new OpenCheckInAction(afterAck, accountBook, checkInModalOpener));
    new CheckInModalActions(afterAck, checkInModalOpener, checkInService).register(app);
    app.viewSubmission(CheckInModal.CALLBACK_ID,
        new CheckInSubmission(checkInService, checkInModalOpener));
    app.event(AppHomeOpenedEvent.class, new AppHomeOpenedListener(afterAck, store, homeTab, clock));
    app.event(com.slack.api.model.event.MessageEvent.class, new DirectMessageListener(afterAck, store,
        new DirectMessageReply(new DueAccounts(store), slackCalls, promptZones, clock), clock));
    for (FlagButtonAction.Button b : FlagButtonAction.Button.values()) {
      app.blockAction(b.actionId(), new FlagButtonAction(b, flags, timeZones, afterAck, clock));
    }
    app.blockAction(FlagMessages.SHOW_NOTES, new FlagNotesAction(flags, afterAck));
    app.viewSubmission(FlagMessages.PLAN, new FlagPlanSubmission(flags, clock));
    app.viewSubmission(FlagMessages.FALSE_ALARM, new FlagFalseAlarmSubmission(flags));
    commands.add(RelationshipReportCommand.COMMAND, new RelationshipReportCommand(afterAck, reports));
    app.blockAction(ReportBlocks.SHARE_ACTION, new ReportShareAction(afterAck, reports));
    app.blockAction(ReportBlocks.CSV_ACTION, ReportFileAction.csv(afterAck, reports));
    app.blockAction(ReportBlocks.CHART_ACTION, ReportFileAction.chart(afterAck, reports));
    app.viewSubmission(ShareModal.CALLBACK_ID, new ReportShareSubmission(afterAck, reports));
    new io.rapport.slack.listeners.actions.AwayButtons(afterAck, away, awayCommands, timeZones, homeTab)
        .register(app);
  }

  /** The verbs of {@code /relationship-admin team NAME <verb>}; add a capability's verb here. */
  private java.util.List<TeamVerb> teamVerbs() {
    java.util.List<TeamVerb> verbs = new java.util.ArrayList<>(TeamVerbs.standard(teamAdministration,
        new io.rapport.slack.ChannelAccess(slackApi::methods, identity)));
    verbs.add(new PolicyTeamVerb(new TeamPolicies(store), flags.audiences()));
    verbs.add(new FlagsTeamVerb(flags.audiences()));
    verbs.addAll(io.rapport.slack.listeners.commands.admin.AwayTeamVerbs.all(away));
    return verbs;
  }

  /** The subcommands of {@code /relationship-admin}, in the order {@code help} lists them. */
  private java.util.List<AdminSubcommand> adminSubcommands() {
    return java.util.List.of(
        new TeamSubcommand(teamAdministration, teamVerbs()),
        new TeamsSubcommand(teamAdministration),
        new AdminsSubcommand(adminRoster),
        new PromptNowSubcommand(teamAdministration, promptNow),
        PauseSubcommand.pause(store, teamAdministration),
        PauseSubcommand.resume(store, teamAdministration),
        io.rapport.slack.listeners.commands.admin.AwaySubcommand.away(awayCommands),
        io.rapport.slack.listeners.commands.admin.AwaySubcommand.back(awayCommands));
  }

  private void startPromptTimer() {
    if (promptTimer) {
      promptScheduler.start(PROMPT_PASS_EVERY);
    }
  }

  /**
   * Leaves the weekly prompts' background timer off (call before starting): tests that are not
   * about prompts keep their fake Slack free of prompts, and prompt tests run passes themselves
   * with {@code prompts().runDue()}.
   */
  public Rapport withoutPromptTimer() {
    this.promptTimer = false;
    return this;
  }

  /** The slash commands this app answers (checked against manifest.yml by a test). */
  public java.util.Set<String> registeredCommands() {
    return commands.names();
  }

  /** Wires Rapport for {@code config}; the caller starts it with {@link #startHttp()} or {@link #startSocketMode()}. */
  public static Rapport create(Config config, Clock clock) throws InterruptedException {
    return new Rapport(config, clock, StartupCheck.Pause.REAL);
  }

  /**
   * Wires Rapport, first checking the bot token with Slack ({@code auth.test}), waiting between
   * tries with {@code pause} while Slack cannot be reached.
   *
   * @throws io.rapport.slack.startup.SlackTokenRefused when Slack refuses the bot token
   */
  public static Rapport create(Config config, Clock clock, StartupCheck.Pause pause) throws InterruptedException {
    return new Rapport(config, clock, pause);
  }

  /** Who Rapport is in Slack (workspace, bot user, scopes), from the start-up {@code auth.test}. */
  public WorkspaceIdentity identity() {
    return identity;
  }

  /** Serves {@code POST /slack/events} and {@code GET /healthz} on the configured port. */
  public Rapport startHttp() throws Exception {
    SlackSignatureVerifier verifier =
        new SlackSignatureVerifier(config.slackSigningSecret().orElseThrow(), clock);
    RapportHandler handler =
        new RapportHandler(new BoltAdapter(app), verifier, database::isHealthy);
    http = new HttpServer(config.port(), handler).start();
    startPromptTimer();
    flagSweep.start();
    LOG.info("Rapport is listening on port {} (POST {}, GET {})", http.port(),
        RapportHandler.EVENTS_PATH, RapportHandler.HEALTH_PATH);
    return this;
  }

  /**
   * Connects to Slack over Socket Mode with {@code SLACK_APP_TOKEN}. Slack's requests arrive over
   * the websocket; HTTP on {@code PORT} serves only {@code /healthz}.
   */
  public Rapport startSocketMode() throws Exception {
    startupCheck.confirmAppToken(slackApi.slack().methods(config.slackAppToken().orElseThrow()));
    // The SDK defaults to the Tyrus backend; Rapport ships Java-WebSocket instead.
    socketMode = new SocketModeApp(
        config.slackAppToken().orElseThrow(), app, SocketModeClient.Backend.JavaWebSocket);
    socketMode.startAsync();
    http = new HttpServer(config.port(), RapportHandler.healthOnly(database::isHealthy)).start();
    startPromptTimer();
    flagSweep.start();
    LOG.info("Rapport is connected to Slack over Socket Mode; GET {} on port {}",
        RapportHandler.HEALTH_PATH, http.port());
    return this;
  }

  public int httpPort() {
    return http.port();
  }

  public void join() throws InterruptedException {
    if (http != null) {
      http.join();
    }
  }

  public Config config() {
    return config;
  }

  public Database database() {
    return database;
  }

  public App app() {
    return app;
  }

  /** The one definition of check-in completion (App Home, report, digest). */
  public Completions completions() {
    return completions;
  }

  /** The one resolver of the policy in force for a team or a rep. */
  public PolicyInForce policies() {
    return policies;
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

  /** Told after every stored check-in (flags judge the account again). */
  public java.util.List<CheckInListener> checkInListeners() {
    return checkInListeners;
  }

  /** Flags: judging accounts and the flag workflow. */
  public FlagService flags() {
    return flags;
  }

  /** The flags' daily sweep (tests call {@link FlagSweep#sweep()} directly). */
  public FlagSweep flagSweep() {
    return flagSweep;
  }

  /** Stores check-ins and "nothing to report" (prompts call {@code nothingToReport}). */
  public CheckInService checkIns() {
    return checkInService;
  }

  public AccountBook accounts() {
    return accountBook;
  }

  public TeamAdministration teamAdministration() {
    return teamAdministration;
  }

  public HomeTabPublisher homeTab() {
    return homeTab;
  }

  public SlackApi slackApi() {
    return slackApi;
  }

  public AfterAck afterAck() {
    return afterAck;
  }

  public Clock clock() {
    return clock;
  }

  /** Slack calls that must get through: rate limits, Retry-After, backoff (see {@link SlackCalls}). */
  public SlackCalls slackCalls() {
    return slackCalls;
  }

  /** Away weeks and team holidays. */
  public AwayService away() {
    return away;
  }

  /** The weekly prompts' scheduler (tests call {@link PromptScheduler#runDue()} directly). */
  public PromptScheduler prompts() {
    return promptScheduler;
  }

  @Override
  public void close() {
    LOG.info("Rapport is stopping");
    try {
      if (http != null) {
        http.close();
      }
      if (socketMode != null) {
        socketMode.close();
      }
    } catch (Exception e) {
      LOG.warn("Stopping the server failed: {}", e.toString());
    }
    promptScheduler.close();
    promptSender.close();
    flagSweep.close();
    afterAck.close();
    writes.close();
    app.stop();
    slackApi.close();
    database.close();
    LOG.info("Rapport stopped");
  }
}
