package io.rapport.modules;

import io.rapport.slack.Routes;
import io.rapport.checkin.CheckInListener;
import io.rapport.prompt.DirectMessageReply;
import io.rapport.prompt.DueAccounts;
import io.rapport.prompt.PromptCompletion;
import io.rapport.prompt.PromptNow;
import io.rapport.prompt.PromptResponses;
import io.rapport.prompt.PromptScheduler;
import io.rapport.prompt.PromptSender;
import io.rapport.slack.listeners.actions.PromptButtons;
import io.rapport.slack.listeners.commands.admin.AdminSubcommand;
import io.rapport.slack.listeners.commands.admin.PauseSubcommand;
import io.rapport.slack.listeners.commands.admin.PromptNowSubcommand;
import io.rapport.slack.listeners.events.DirectMessageListener;
import java.time.Duration;
import java.util.List;

/**
 * The weekly prompts: the scheduler's passes (every 30 s, the first at start-up), the prompt's
 * buttons, the answer to a direct message, the prompt message kept current after each check-in,
 * and the admin's {@code prompt-now}, {@code pause} and {@code resume}.
 */
public final class PromptsModule implements Module {
  /** How often the prompt scheduler looks for due prompts (the first pass runs at start-up). */
  static final Duration PASS_EVERY = Duration.ofSeconds(30);

  private final Foundation foundation;
  private final PromptSender.ZoneLookup zones;
  private final PromptSender sender;
  private final PromptScheduler scheduler;
  private final PromptNow promptNow;
  private final PromptCompletion progress;
  private final PromptResponses responses;
  private volatile boolean timer = true;

  public PromptsModule(Foundation foundation, CheckInsModule checkIns, AwayModule away) {
    this.foundation = foundation;
    var store = foundation.store();
    var timeZones = foundation.timeZones();
    var clock = foundation.clock();
    DueAccounts dueAccounts = new DueAccounts(store);
    this.zones = (ws, user) -> timeZones.cachedZoneOf(ws, user).orElseGet(() -> timeZones.zoneOf(ws, user));
    this.sender = new PromptSender(store, foundation.outbox(), zones, clock);
    this.scheduler = new PromptScheduler(store, dueAccounts, timeZones, sender, away.service(), clock);
    this.promptNow = new PromptNow(store, timeZones, scheduler, sender, away.service(), clock);
    this.progress = new PromptCompletion(store, foundation.outbox().transport(), zones, clock);
    this.responses = new PromptResponses(store, dueAccounts, progress, foundation.outbox().transport(), zones,
        checkIns.service()::nothingToReport, clock);
  }

  /**
   * Leaves the background timer off (call before starting): tests that are not about prompts
   * keep their fake Slack free of prompts, and prompt tests run passes with {@link #runDue()}.
   */
  public PromptsModule withoutTimer() {
    this.timer = false;
    return this;
  }

  /** One scheduler pass now: sends every prompt due (tests call this instead of the timer). */
  public PromptScheduler.Pass runDue() throws InterruptedException {
    return scheduler.runDue();
  }

  /** The weekly prompt message redrawn after a check-in: the rep's confirmation (a check-in subscriber). */
  public CheckInListener progress() {
    return progress;
  }

  /** {@code /relationship-admin prompt-now}, {@code pause} and {@code resume}. */
  public List<AdminSubcommand> adminSubcommands() {
    var teams = foundation.teams();
    return List.of(
        new PromptNowSubcommand(teams, promptNow),
        PauseSubcommand.pause(foundation.store(), teams),
        PauseSubcommand.resume(foundation.store(), teams));
  }

  @Override
  public void register(Routes routes) {
    var store = foundation.store();
    var clock = foundation.clock();
    new PromptButtons(foundation.afterAck(), responses).register(routes);
    routes.directMessages(new DirectMessageListener(foundation.afterAck(), store,
        new DirectMessageReply(new DueAccounts(store), foundation.outbox().transport(), zones, clock), clock));
  }

  @Override
  public void start() {
    if (timer) {
      scheduler.start(PASS_EVERY);
    }
  }

  @Override
  public void close() {
    scheduler.close();
  }
}
