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
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.BlockCompositions;
import io.rapport.slack.views.SetupChecklistView;
import io.rapport.team.Access;
import io.rapport.team.SetupProgress;
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

  private final Access access;
  private final SetupProgress setup;

  public HomeTabPublisher(AccountBook accounts, AccountOverview overview, UserTimeZones timeZones,
      SlackApi slack, AwayService away, Access access, SetupProgress setup) {
    this.away = away;
    this.accounts = accounts;
    this.overview = overview;
    this.timeZones = timeZones;
    this.slack = slack;
    this.access = access;
    this.setup = setup;
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
    View normal = AppHomeView.build(week, own, overview.teams(workspaceId, userId, week), AwayMessages.home(
        awayWeeks.stream().map(r -> IsoWeek.parse(r.week())).toList(), lastDay, today, week));
    return access.isAdmin(workspaceId, userId) ? withChecklist(normal, setup.of(workspaceId)) : normal;
  }

  /**
   * The admin's setup checklist above the usual Home tab while setup has steps left (the usual
   * blocks cut to stay within Slack's limit, saying so); the usual tab alone once all is done.
   */
  static View withChecklist(View normal, SetupProgress.Progress progress) {
    List<LayoutBlock> checklist = SetupChecklistView.blocks(progress);
    if (checklist.isEmpty()) {
      return normal;
    }
    List<LayoutBlock> blocks = new java.util.ArrayList<>(checklist);
    List<LayoutBlock> rest = normal.getBlocks();
    int room = AppHomeView.MAX_BLOCKS - checklist.size();
    if (rest.size() > room) {
      blocks.addAll(rest.subList(0, room - 1));
      blocks.add(Blocks.context(c -> c.elements(List.of(BlockCompositions.markdownText(
          "…more below the limit of a Home tab: `/accounts` lists every account.")))));
    } else {
      blocks.addAll(rest);
    }
    normal.setBlocks(blocks);
    return normal;
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
