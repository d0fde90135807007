package io.rapport;

import io.rapport.config.Config;
import io.rapport.modules.AdministrationModule;
import io.rapport.modules.AwayModule;
import io.rapport.modules.CheckInsModule;
import io.rapport.modules.FlagsModule;
import io.rapport.modules.Foundation;
import io.rapport.modules.Module;
import io.rapport.modules.PromptsModule;
import io.rapport.modules.ReportsModule;
import io.rapport.slack.http.HttpServer;
import io.rapport.slack.http.RapportHandler;
import io.rapport.slack.http.SlackSignatureVerifier;
import io.rapport.slack.startup.StartupCheck;
import io.rapport.slack.startup.WorkspaceIdentity;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot, composed of capability modules on one {@link Foundation}. Each module builds
 * its parts, registers its own Slack listeners, and starts and stops its own work; this class only
 * says which modules there are, what a check-in is followed by, and how the bot is served (HTTP or
 * Socket Mode) and stopped (stop taking requests, stop the modules' timers, finish in-flight work,
 * close the Slack client and the database). See docs/ARCHITECTURE.md.
 */
public final class Rapport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Rapport.class);

  private final Foundation foundation;
  private final AwayModule away;
  private final CheckInsModule checkIns;
  private final PromptsModule prompts;
  private final FlagsModule flags;
  private final ReportsModule reports;
  private final AdministrationModule administration;
  private final List<Module> modules;
  private HttpServer http;

  private Rapport(Config config, Clock clock, StartupCheck.Pause pause) throws InterruptedException {
    this.foundation = Foundation.open(config, clock, pause);
    this.away = new AwayModule(foundation);
    this.checkIns = new CheckInsModule(foundation, away);
    away.redrawing(checkIns.home());
    this.prompts = new PromptsModule(foundation, checkIns, away);
    this.flags = new FlagsModule(foundation, away);
    this.reports = new ReportsModule(foundation);
    this.administration = new AdministrationModule(foundation, checkIns,
        Stream.of(flags.teamVerbs(), away.teamVerbs()).flatMap(List::stream).toList(),
        Stream.of(prompts.adminSubcommands(), away.adminSubcommands()).flatMap(List::stream).toList());
    // After a check-in, in this order on the background lane: the prompt's progress (the weekly
    // prompt message kept current in place is the rep's confirmation; no DM per check-in), flag
    // judging, the DM to a rep whose check-in someone else changed, then App Home.
    checkIns.subscribe(prompts.progress()).subscribe(flags.judging()).subscribe(checkIns.editNotices())
        .subscribe(checkIns.homeRefresh());
    flags.alsoEveryTick(checkIns.editNotices()::deliverOwed);
    // Notes and other free text older than RAPPORT_NOTES_RETENTION_DAYS are blanked once a day.
    flags.alsoDaily(new io.rapport.privacy.NotesRetention(foundation.store(), clock, config.notesRetention())::sweep);
    this.modules = List.of(checkIns, prompts, flags, reports, administration, away);
    modules.forEach(m -> m.register(foundation.routes()));
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

  /**
   * Leaves the weekly prompts' background timer off (call before starting): tests that are not
   * about prompts keep their fake Slack free of prompts, and prompt tests run passes themselves
   * with {@code prompts().runDue()}.
   */
  public Rapport withoutPromptTimer() {
    prompts.withoutTimer();
    return this;
  }

  /** Serves {@code POST /slack/events} and {@code GET /healthz} on the configured port. */
  public Rapport startHttp() throws Exception {
    Config config = foundation.config();
    SlackSignatureVerifier verifier =
        new SlackSignatureVerifier(config.slackSigningSecret().orElseThrow(), foundation.clock());
    RapportHandler handler =
        new RapportHandler(foundation.slack().httpAdapter(), verifier, foundation.database()::isHealthy);
    http = new HttpServer(config.port(), handler).start();
    modules.forEach(Module::start);
    LOG.info("Rapport is listening on port {} (POST {}, GET {})", http.port(),
        RapportHandler.EVENTS_PATH, RapportHandler.HEALTH_PATH);
    return this;
  }

  /**
   * Connects to Slack over Socket Mode with {@code SLACK_APP_TOKEN}. Slack's requests arrive over
   * the websocket; HTTP on {@code PORT} serves only {@code /healthz}.
   */
  public Rapport startSocketMode() throws Exception {
    Config config = foundation.config();
    foundation.slack().serveSocketMode();
    http = new HttpServer(config.port(), RapportHandler.healthOnly(foundation.database()::isHealthy)).start();
    modules.forEach(Module::start);
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

  /** Who Rapport is in Slack (workspace, bot user, scopes), from the start-up {@code auth.test}. */
  public WorkspaceIdentity identity() {
    return foundation.identity();
  }

  /** The slash commands this app answers (checked against manifest.yml by a test). */
  public Set<String> registeredCommands() {
    return foundation.registeredCommands();
  }

  /** What every module stands on: store, access, time zones, the Slack gateway, the after-ack lanes. */
  public Foundation foundation() {
    return foundation;
  }

  /** Check-ins, {@code /accounts} and App Home. */
  public CheckInsModule checkIns() {
    return checkIns;
  }

  /** The weekly prompts. */
  public PromptsModule prompts() {
    return prompts;
  }

  /** Flags and their sweep. */
  public FlagsModule flags() {
    return flags;
  }

  /** Reports. */
  public ReportsModule reports() {
    return reports;
  }

  /** {@code /relationship-admin}, help and the setup checklist. */
  public AdministrationModule administration() {
    return administration;
  }

  /** Away weeks and team holidays. */
  public AwayModule away() {
    return away;
  }

  @Override
  public void close() {
    LOG.info("Rapport is stopping");
    try {
      if (http != null) {
        http.close();
      }
      foundation.slack().stopSocketMode();
    } catch (Exception e) {
      LOG.warn("Stopping the server failed: {}", e.toString());
    }
    modules.forEach(Module::close);
    foundation.close();
    LOG.info("Rapport stopped");
  }
}
