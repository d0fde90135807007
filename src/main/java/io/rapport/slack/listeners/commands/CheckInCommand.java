package io.rapport.slack.listeners.commands;

import io.rapport.command.UsageException;
import io.rapport.slack.views.SlackText;
import io.rapport.checkin.AccountBook;
import io.rapport.checkin.AccountOverview;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.AfterAck;
import io.rapport.slack.listeners.actions.CheckInModalOpener;
import io.rapport.slack.views.AccountLines;
import io.rapport.slack.views.AccountListView;
import io.rapport.slack.views.Reply;
import io.rapport.team.UserTimeZones;

/**
 * {@code /checkin [ACCOUNT]}: with a name, opens the check-in modal straight after the ack (the
 * trigger id lives 3 seconds, so the modal opens before anything slow); without one, offers the
 * caller's accounts. {@code /checkin away …} and {@code /checkin back} go to {@link AwayCommands}.
 */
public final class CheckInCommand extends DeferredCommand {
  public static final String COMMAND = "/checkin";
  static final String USAGE = "Usage: `/checkin ACCOUNT` (a unique start of the name is enough), or"
      + " `/checkin` to choose from your accounts. Away? `/checkin away until DATE`, `/checkin back`.";

  private final AccountBook accounts;
  private final AccountOverview overview;
  private final CheckInModalOpener opener;
  private final UserTimeZones timeZones;
  private final AwayCommands away;

  public CheckInCommand(AfterAck afterAck, AccountBook accounts, AccountOverview overview,
      CheckInModalOpener opener, UserTimeZones timeZones, AwayCommands away) {
    super(afterAck);
    this.away = away;
    this.accounts = accounts;
    this.overview = overview;
    this.opener = opener;
    this.timeZones = timeZones;
  }

  @Override
  protected Work plan(CommandRequest request) throws UsageException {
    String ws = request.workspaceId();
    String user = request.userId();
    if (request.args().isEmpty()) {
      return Politely.run(() -> {
        IsoWeek week = timeZones.currentWeek(ws, user);
        return AccountListView.picker(overview.statuses(ws, accounts.own(ws, user), week).stream()
            .sorted(AccountOverview.DUE_FIRST).toList(), week);
      });
    }
    if (AwayCommands.isAwayCommand(request.args())) {
      return away.self(request);
    }
    if (request.args().size() == 1 && request.args().get(0).is("help")) {
      throw new UsageException(USAGE);
    }
    String name = request.args().rest(0);
    if (name.isBlank()) {
      throw new UsageException("Which account? " + USAGE);
    }
    if (name.length() > Account.MAX_NAME_LENGTH) {
      throw new UsageException("That name is " + name.length() + " characters long; account names have at most "
          + Account.MAX_NAME_LENGTH + ". " + USAGE);
    }
    return Politely.run(() -> {
      Account account = accounts.resolve(ws, user, name);
      return opener.open(ws, user, request.triggerId(), account) ? null
          : Reply.text("Slack did not let me open the check-in form for *" + SlackText.escape(account.name())
              + "* in time. Please run `/checkin` again.");
    });
  }

  /** Opens the modal (its trigger lives 3 s): the interactive lane. */
  @Override
  protected boolean interactive() {
    return true;
  }
}
