package io.rapport.slack.out;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import io.rapport.away.SlackStatus;
import io.rapport.team.UserProfiles;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** People's time zones and statuses from Slack: one {@code users.info} through the gateway. */
public final class SlackUserProfiles implements UserProfiles {
  private static final Logger LOG = LoggerFactory.getLogger(SlackUserProfiles.class);

  private final SlackApi slack;

  public SlackUserProfiles(SlackApi slack) {
    this.slack = slack;
  }

  @Override
  public Optional<Profile> profileOf(String userId) {
    try {
      UsersInfoResponse r = slack.methods().usersInfo(req -> req.user(userId));
      if (!r.isOk() || r.getUser() == null) {
        LOG.warn("users.info for {} gave no profile ({})", userId, r.getError());
        return Optional.empty();
      }
      var profile = r.getUser().getProfile();
      SlackStatus status = null;
      if (profile != null) {
        Long expiration = profile.getStatusExpiration();
        status = new SlackStatus(profile.getStatusEmoji(), profile.getStatusText(),
            expiration == null ? 0 : expiration);
      }
      return Optional.of(new Profile(r.getUser().getTz(), status));
    } catch (IOException | SlackApiException e) {
      LOG.warn("users.info for {} failed: {}", userId, e.toString());
      return Optional.empty();
    }
  }
}
