package io.rapport.modules;

import io.rapport.slack.Routes;
import io.rapport.checkin.AccountBook;
import io.rapport.checkin.AccountOverview;
import io.rapport.checkin.CheckInListener;
import io.rapport.checkin.CheckInService;
import io.rapport.prompt.DueAccounts;
import io.rapport.slack.listeners.actions.CheckInModalActions;
import io.rapport.slack.listeners.actions.CheckInModalOpener;
import io.rapport.slack.listeners.actions.OpenCheckInAction;
import io.rapport.slack.listeners.commands.AccountsCommand;
import io.rapport.slack.listeners.commands.CheckInCommand;
import io.rapport.slack.listeners.events.AppHomeOpenedListener;
import io.rapport.slack.listeners.events.HomeTabPublisher;
import io.rapport.slack.listeners.views.CheckInSubmission;
import io.rapport.slack.subscribers.CheckInEditNotices;
import io.rapport.slack.subscribers.HomeTabRefresh;
import io.rapport.slack.views.CheckInModal;
import io.rapport.team.SetupProgress;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Check-ins and the rep's own surfaces: {@code /checkin} and its modal, {@code /accounts}, the
 * "Check in" buttons, and App Home. A stored check-in is announced to the subscribers wired with
 * {@link #subscribe}, in that order, on the background lane.
 */
public final class CheckInsModule implements Module {
  private final Foundation foundation;
  private final AwayModule away;
  private final List<CheckInListener> subscribers = new CopyOnWriteArrayList<>();
  private final AccountBook accounts;
  private final AccountOverview overview;
  private final CheckInService service;
  private final CheckInModalOpener modalOpener;
  private final HomeTabPublisher home;
  private final AccountsCommand accountsCommand;
  private final CheckInEditNotices editNotices;

  public CheckInsModule(Foundation foundation, AwayModule away) {
    this.foundation = foundation;
    this.away = away;
    this.accounts = new AccountBook(foundation.store(), foundation.access(), foundation.clock());
    this.overview = new AccountOverview(foundation.store(), foundation.access(), foundation.policies(),
        foundation.completions(), foundation.config().currency());
    this.service = new CheckInService(foundation.store(), foundation.access(), foundation.clock(), subscribers,
        foundation.writes(), foundation.background());
    this.modalOpener = new CheckInModalOpener(service, accounts, new DueAccounts(foundation.store()),
        foundation.timeZones(), foundation.slackApi(), foundation.clock());
    this.home = new HomeTabPublisher(accounts, overview, foundation.timeZones(), foundation.slackApi(),
        away.service(), foundation.access(), new SetupProgress(foundation.store()));
    this.editNotices = new CheckInEditNotices(foundation.store(), foundation.outbox(), foundation.clock(),
        foundation.timeZones());
    this.accountsCommand = new AccountsCommand(foundation.afterAck(), accounts, overview, foundation.access(),
        foundation.timeZones());
  }

  /** Adds a subscriber told after every stored check-in, after those already wired. */
  public CheckInsModule subscribe(CheckInListener subscriber) {
    subscribers.add(subscriber);
    return this;
  }

  /** The subscribers, in the order they are told. */
  public List<CheckInListener> subscribers() {
    return Collections.unmodifiableList(subscribers);
  }

  /** App Home redrawn after a check-in (the last subscriber). */
  public CheckInListener homeRefresh() {
    return new HomeTabRefresh(home);
  }

  /** The DM to a rep whose check-in a manager or an admin changed (a subscriber; retried by the sweep). */
  public CheckInEditNotices editNotices() {
    return editNotices;
  }

  /** Stores check-ins and "nothing to report". */
  public CheckInService service() {
    return service;
  }

  /** The reps' accounts (add, rename, retire). */
  public AccountBook accounts() {
    return accounts;
  }

  /** App Home, redrawn by other capabilities after a change the person made there. */
  public HomeTabPublisher home() {
    return home;
  }

  /** {@code /accounts}, which the admin's setup checklist runs as typed. */
  AccountsCommand accountsCommand() {
    return accountsCommand;
  }

  @Override
  public void register(Routes routes) {
    var afterAck = foundation.afterAck();
    routes.command(CheckInCommand.COMMAND, new CheckInCommand(
        afterAck, accounts, overview, modalOpener, foundation.timeZones(), away.commands()));
    routes.command(AccountsCommand.COMMAND, accountsCommand);
    routes.blockAction(OpenCheckInAction.ACTION_ID, new OpenCheckInAction(afterAck, accounts, modalOpener));
    new CheckInModalActions(afterAck, modalOpener, service).register(routes);
    routes.viewSubmission(CheckInModal.CALLBACK_ID, new CheckInSubmission(service, modalOpener));
    routes.appHomeOpened(
        new AppHomeOpenedListener(afterAck, foundation.store(), home, foundation.clock()));
  }
}
