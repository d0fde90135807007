package io.rapport.slack.listeners.actions;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.view.View;
import io.rapport.checkin.AccountBook;
import io.rapport.checkin.CheckInService;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.prompt.DueAccounts;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.views.CheckInModal;
import io.rapport.slack.views.CheckInModal.Draft;
import io.rapport.slack.views.CheckInModal.Metadata;
import io.rapport.team.Refusal;
import io.rapport.team.UserTimeZones;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and redraws the check-in modal. Opening happens within the trigger's 3 seconds: the first
 * view is built from a few indexed reads and the rep's cached time zone; when the zone was not
 * cached yet, it is fetched afterwards and the modal is updated ({@code views.update}) if that
 * moves the week. When the account is one of the rep's due key accounts this week, the others
 * still due are offered next in the same modal ("Save &amp; next"), so a rep checks in every
 * account in one sitting.
 */
public final class CheckInModalOpener {
  private static final Logger LOG = LoggerFactory.getLogger(CheckInModalOpener.class);
  /** The current week and the four before it (SPEC §5 "Weeks"). */
  public static final int WEEKS_OFFERED = 5;

  private final CheckInService checkIns;
  private final AccountBook accounts;
  private final DueAccounts dueAccounts;
  private final UserTimeZones timeZones;
  private final SlackApi slack;
  private final Clock clock;

  public CheckInModalOpener(CheckInService checkIns, AccountBook accounts, DueAccounts dueAccounts,
      UserTimeZones timeZones, SlackApi slack, Clock clock) {
    this.checkIns = checkIns;
    this.accounts = accounts;
    this.dueAccounts = dueAccounts;
    this.timeZones = timeZones;
    this.slack = slack;
    this.clock = clock;
  }

  /**
   * Opens the modal for {@code account} (already authorised) with {@code triggerId}; false when
   * Slack would not open it (e.g. the trigger expired).
   */
  public boolean open(String workspaceId, String userId, String triggerId, Account account) {
    Optional<ZoneId> cached = timeZones.cachedZoneOf(workspaceId, userId);
    List<IsoWeek> weeks = weeks(cached.orElse(ZoneOffset.UTC));
    View first = first(workspaceId, userId, account, weeks);
    ViewsOpenResponse opened;
    try {
      opened = slack.methods().viewsOpen(r -> r.triggerId(triggerId).view(first));
    } catch (IOException | SlackApiException e) {
      LOG.warn("views.open for account {} by {} in {} failed: {}", account.id(), userId, workspaceId, e.toString());
      return false;
    }
    if (!opened.isOk()) {
      LOG.warn("views.open for account {} by {} in {} refused: {}", account.id(), userId, workspaceId, opened.getError());
      return false;
    }
    if (cached.isPresent()) {
      return true;
    }
    List<IsoWeek> actual = weeks(timeZones.zoneOf(workspaceId, userId));
    if (actual.equals(weeks) || opened.getView() == null) {
      return true;
    }
    update(userId, opened.getView().getId(), opened.getView().getHash(), first(workspaceId, userId, account, actual));
    return true;
  }

  /** Opens a modal that explains why the check-in cannot be opened. */
  public void refuse(String workspaceId, String userId, String triggerId, String message) {
    try {
      ViewsOpenResponse r = slack.methods().viewsOpen(req -> req.triggerId(triggerId)
          .view(CheckInModal.notice("Check-in", message)));
      if (!r.isOk()) {
        LOG.info("views.open (refusal) for {} in {} gave {}", userId, workspaceId, r.getError());
      }
    } catch (IOException | SlackApiException e) {
      LOG.warn("views.open (refusal) for {} in {} failed: {}", userId, workspaceId, e.toString());
    }
  }

  /** Replaces an open modal's view; false when Slack refused (e.g. the rep changed it meanwhile). */
  public boolean update(String userId, String viewId, String hash, View view) {
    try {
      ViewsUpdateResponse updated = slack.methods().viewsUpdate(r -> {
        r.viewId(viewId).view(view);
        return hash == null ? r : r.hash(hash);
      });
      if (!updated.isOk()) {
        LOG.info("views.update of the check-in modal for {} gave {}", userId, updated.getError());
      }
      return updated.isOk();
    } catch (IOException | SlackApiException e) {
      LOG.warn("views.update of the check-in modal for {} failed: {}", userId, e.toString());
      return false;
    }
  }

  /** The first view for {@code account}: this week's answers for an edit, the others due offered next. */
  View first(String workspaceId, String userId, Account account, List<IsoWeek> weeks) {
    IsoWeek week = weeks.get(0);
    List<String> queue = new ArrayList<>();
    if (account.rep().equals(userId)) {
      List<Account> due = dueAccounts.of(workspaceId, userId, week);
      if (due.stream().anyMatch(a -> a.id().equals(account.id()))) {
        // The accounts after this one in the prompt's order, then those before it.
        int at = 0;
        for (int i = 0; i < due.size(); i++) {
          if (due.get(i).id().equals(account.id())) {
            at = i;
          }
        }
        for (int i = 1; i < due.size(); i++) {
          queue.add(due.get((at + i) % due.size()).id());
        }
      }
    }
    return view(workspaceId, account, weeks, queue, 0);
  }

  private View view(String workspaceId, Account account, List<IsoWeek> weeks, List<String> queue, int saved) {
    IsoWeek week = weeks.get(0);
    Optional<CheckIn> current = checkIns.find(workspaceId, account.id(), week);
    Optional<CheckIn> previous = checkIns.latestBefore(workspaceId, account.id(), week);
    return CheckInModal.build(account, weeks, current, previous, queue, saved);
  }

  /**
   * The modal redrawn with what the rep entered so far ({@code draft}) after a tick in the events
   * list or "More details"; empty when the account is gone or no longer the rep's.
   */
  public Optional<View> redraw(String workspaceId, String userId, Metadata metadata, Draft draft) {
    Account account;
    try {
      account = accounts.byId(workspaceId, userId, metadata.accountId());
    } catch (Refusal r) {
      return Optional.of(CheckInModal.notice("Check-in", r.getMessage()));
    }
    IsoWeek current = metadata.weeks().get(0);
    String chosen = draft.answers().get(CheckInModal.WEEK);
    IsoWeek week = metadata.weeks().stream().filter(w -> w.toString().equals(chosen)).findFirst().orElse(current);
    boolean editing = checkIns.find(workspaceId, account.id(), week).isPresent();
    Optional<CheckIn> previous = checkIns.latestBefore(workspaceId, account.id(), week);
    return Optional.of(CheckInModal.build(new CheckInModal.Form(account, metadata, current, draft, editing, previous)));
  }

  /**
   * After an account of a sitting was saved (or marked "nothing to report"): the next account of
   * {@code queue} that is still due for {@code week}, or the closing notice when none is left.
   */
  public View next(String workspaceId, String userId, List<IsoWeek> weeks, List<String> queue, int saved) {
    IsoWeek week = weeks.get(0);
    List<String> left = new ArrayList<>(queue);
    while (!left.isEmpty()) {
      String id = left.remove(0);
      Account account;
      try {
        account = accounts.byId(workspaceId, userId, id);
      } catch (Refusal r) {
        continue;
      }
      if (checkIns.answered(workspaceId, id, week)) {
        continue;
      }
      return view(workspaceId, account, weeks, left, saved);
    }
    return CheckInModal.sittingDone(saved, week);
  }

  /** The current ISO week in {@code zone} and the weeks before it, newest first. */
  List<IsoWeek> weeks(ZoneId zone) {
    IsoWeek now = IsoWeek.of(LocalDate.ofInstant(clock.instant(), zone));
    List<IsoWeek> weeks = new ArrayList<>(WEEKS_OFFERED);
    for (int i = 0; i < WEEKS_OFFERED; i++) {
      weeks.add(now.minusWeeks(i));
    }
    return weeks;
  }
}
