package io.rapport.slack.out;

import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import io.rapport.domain.Team;
import io.rapport.report.Report;
import io.rapport.report.ReportOutlet;
import io.rapport.slack.views.ReportBlocks;
import io.rapport.slack.views.ShareModal;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports out to Slack: files to DMs and channels, the shared message, the share modal, names. */
public final class SlackReportOutlet implements ReportOutlet {
  private static final Logger LOG = LoggerFactory.getLogger(SlackReportOutlet.class);

  private final SlackApi slack;
  private final FileUpload files;

  public SlackReportOutlet(SlackApi slack) {
    this.slack = slack;
    this.files = new FileUpload(slack);
  }

  @Override
  public void sendToDirectMessages(String userId, File file) throws Failed {
    try {
      String dm = files.directMessageWith(userId);
      files.upload(dm, file.name(), file.title(), file.bytes(), file.comment());
    } catch (FileUpload.UploadException e) {
      throw new Failed(e.getMessage());
    }
  }

  @Override
  public void sendToChannel(String channelId, File file) throws Failed {
    try {
      files.upload(channelId, file.name(), file.title(), file.bytes(), file.comment());
    } catch (FileUpload.UploadException e) {
      throw new Failed(e.getMessage());
    }
  }

  @Override
  public void postToChannel(String channelId, Report report, String footnote) throws Failed {
    try {
      ChatPostMessageResponse r = slack.methods().chatPostMessage(req -> req.channel(channelId)
          .text(ReportBlocks.fallback(report)).blocks(ReportBlocks.forSlack().render(report, null, footnote)));
      if (!r.isOk() && ("not_in_channel".equals(r.getError()) || "channel_not_found".equals(r.getError()))) {
        throw new NotInChannel(channelId);
      }
      if (!r.isOk()) {
        throw new Failed("chat.postMessage failed: " + r.getError());
      }
    } catch (IOException | SlackApiException e) {
      throw new Failed("chat.postMessage failed: " + e.getMessage());
    }
  }

  @Override
  public String nameOf(String userId) {
    try {
      var u = slack.methods().usersInfo(req -> req.user(userId));
      if (u.isOk() && u.getUser() != null) {
        String real = u.getUser().getRealName();
        String display = u.getUser().getProfile() == null ? null : u.getUser().getProfile().getDisplayName();
        return real != null && !real.isBlank() ? real : display != null && !display.isBlank() ? display : userId;
      }
    } catch (IOException | SlackApiException e) {
      LOG.warn("users.info for {} failed: {}", userId, e.toString());
    }
    return userId;
  }

  @Override
  public boolean askWhichTeam(String userId, String triggerId, List<Team> teams, String metadata) {
    try {
      ViewsOpenResponse r = slack.methods().viewsOpen(req -> req.triggerId(triggerId)
          .view(ShareModal.of(teams, metadata)));
      if (!r.isOk()) {
        LOG.warn("views.open for the share modal failed for {}: {}", userId, r.getError());
        return false;
      }
      return true;
    } catch (Exception e) {
      LOG.warn("views.open for the share modal failed for {}: {}", userId, e.toString());
      return false;
    }
  }

  @Override
  public void answerLater(String userId, String replyAddress, String text) {
    try {
      new Responder(slack.slack(), replyAddress)
          .sendToAction(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
    } catch (IOException e) {
      LOG.warn("Could not confirm a shared report to {}: {}", userId, e.toString());
    }
  }
}
