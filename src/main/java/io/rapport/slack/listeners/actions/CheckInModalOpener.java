package io.rapport.slack.listeners.actions;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.view.View;
import io.rapport.checkin.CheckInService;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.views.CheckInModal;
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
 * Opens the check-in modal within the trigger's 3 seconds: the first view is built from one cheap
 * database read and the rep's cached time zone; when the zone was not cached yet, it is fetched
 * from Slack afterwards and the modal is updated ({@code views.update}) if that moves the week.
 */
public final class CheckInModalOpener {
  private static final Logger LOG = LoggerFactory.getLogger(CheckInModalOpener.class);
  /** The current week and the four before it (SPEC §5 "Weeks"). */
  public static final int WEEKS_OFFERED = 5;

  private final CheckInService checkIns;
  private final UserTimeZones timeZones;
  private final SlackApi slack;
  private final Clock clock;

  public CheckInModalOpener(CheckInService checkIns, UserTimeZones timeZones, SlackApi slack, Clock clock) {
    this.checkIns = checkIns;
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
    View first = view(workspaceId, account, weeks);
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
    View second = view(workspaceId, account, actual);
    try {
      ViewsUpdateResponse updated = slack.methods().viewsUpdate(r -> r.viewId(opened.getView().getId())
          .hash(opened.getView().getHash()).view(second));
      if (!updated.isOk()) {
        LOG.info("views.update of the check-in modal for {} gave {}", userId, updated.getError());
      }
    } catch (IOException | SlackApiException e) {
      LOG.warn("views.update of the check-in modal for {} failed: {}", userId, e.toString());
    }
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

  private View view(String workspaceId, Account account, List<IsoWeek> weeks) {
    IsoWeek week = weeks.get(0);
    Optional<CheckIn> current = checkIns.find(workspaceId, account.id(), week);
    Optional<CheckIn> previous = checkIns.latestBefore(workspaceId, account.id(), week);
    return CheckInModal.build(account, weeks, current, previous);
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
