package io.rapport.slack.listeners.events;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import io.rapport.checkin.AccountBook;
import io.rapport.checkin.AccountOverview;
import io.rapport.checkin.AccountStatus;
import io.rapport.away.AwayDao.AwayWeekRow;
import io.rapport.away.AwayService;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.views.AwayMessages;
import java.time.LocalDate;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.views.AppHomeView;
import io.rapport.team.UserTimeZones;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and publishes a user's App Home tab ({@code views.publish}); runs after the ack. */
public final class HomeTabPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(HomeTabPublisher.class);

  private final AccountBook accounts;
  private final AccountOverview overview;
  private final UserTimeZones timeZones;
  private final SlackApi slack;
  private final AwayService away;

  public HomeTabPublisher(AccountBook accounts, AccountOverview overview, UserTimeZones timeZones,
      SlackApi slack, AwayService away) {
    this.away = away;
    this.accounts = accounts;
    this.overview = overview;
    this.timeZones = timeZones;
    this.slack = slack;
  }

  /** The Home tab {@code userId} would see now. */
  public View view(String workspaceId, String userId) {
    IsoWeek week = timeZones.currentWeek(workspaceId, userId);
    List<AccountStatus> own = overview.statuses(workspaceId, accounts.own(workspaceId, userId), week).stream()
        .sorted(AccountOverview.WORST_FIRST).toList();
    List<AwayWeekRow> awayWeeks = away.upcoming(workspaceId, userId, week);
    LocalDate today = away.today(timeZones.zoneOf(workspaceId, userId));
    LocalDate lastDay = awayWeeks.stream().map(r -> LocalDate.parse(r.lastDay())).max(LocalDate::compareTo)
        .orElse(today);
    return AppHomeView.build(week, own, overview.teams(workspaceId, userId, week), AwayMessages.home(
        awayWeeks.stream().map(r -> IsoWeek.parse(r.week())).toList(), lastDay, today, week));
  }

  public void publish(String workspaceId, String userId) {
    View view = view(workspaceId, userId);
    try {
      ViewsPublishResponse r = slack.methods().viewsPublish(req -> req.userId(userId).view(view));
      if (!r.isOk()) {
        LOG.warn("views.publish of App Home for {} in {} gave {}", userId, workspaceId, r.getError());
      }
    } catch (IOException | SlackApiException e) {
      LOG.warn("views.publish of App Home for {} in {} failed: {}", userId, workspaceId, e.toString());
    }
  }
}
