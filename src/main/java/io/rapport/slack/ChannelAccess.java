package io.rapport.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.model.Conversation;
import io.rapport.slack.startup.WorkspaceIdentity;
import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Rapport can post in a channel, asked of Slack with {@code conversations.info} when an
 * admin sets a team's channel: a public channel works without an invite thanks to {@code
 * chat:write.public} (if the token has it), a private one only once Rapport is invited, an
 * archived one never.
 */
public final class ChannelAccess {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelAccess.class);
  static final String POST_WITHOUT_INVITE = "chat:write.public";

  /** Slack's answer in Rapport's words. */
  public enum Verdict {
    /** Rapport is a member: it can post. */
    MEMBER,
    /** Public, Rapport is not a member but {@code chat:write.public} lets it post. */
    PUBLIC_WITHOUT_INVITE,
    /** Public, Rapport is not a member and the token lacks {@code chat:write.public}. */
    PUBLIC_NOT_INVITED,
    /** Private (or unknown to Rapport, which is how Slack shows a private channel it is not in). */
    PRIVATE_NOT_INVITED,
    ARCHIVED,
    /** The token lacks the scope to read the channel; Rapport could not check. */
    CANNOT_CHECK_SCOPE,
    /** Slack did not answer; Rapport could not check. */
    CANNOT_CHECK_UNREACHABLE;

    public boolean canPost() {
      return this == MEMBER || this == PUBLIC_WITHOUT_INVITE;
    }

    /** Slack said for certain that Rapport cannot post there. */
    public boolean cannotPost() {
      return this == PUBLIC_NOT_INVITED || this == PRIVATE_NOT_INVITED || this == ARCHIVED;
    }
  }

  private final Supplier<MethodsClient> methods;
  private final WorkspaceIdentity identity;

  public ChannelAccess(Supplier<MethodsClient> methods, WorkspaceIdentity identity) {
    this.methods = methods;
    this.identity = identity;
  }

  public Verdict check(String channelId) {
    ConversationsInfoResponse r;
    try {
      r = methods.get().conversationsInfo(q -> q.channel(channelId));
    } catch (IOException | SlackApiException e) {
      LOG.warn("Could not check channel {} with Slack: {}", channelId, e.toString());
      return Verdict.CANNOT_CHECK_UNREACHABLE;
    }
    if (!r.isOk()) {
      return switch (r.getError() == null ? "" : r.getError()) {
        case "channel_not_found" -> Verdict.PRIVATE_NOT_INVITED;
        case "missing_scope" -> Verdict.CANNOT_CHECK_SCOPE;
        default -> {
          LOG.warn("Slack answered conversations.info for {} with {}", channelId, r.getError());
          yield Verdict.CANNOT_CHECK_UNREACHABLE;
        }
      };
    }
    Conversation c = r.getChannel();
    if (c.isArchived()) {
      return Verdict.ARCHIVED;
    }
    if (c.isMember()) {
      return Verdict.MEMBER;
    }
    if (c.isPrivate() || c.isGroup() || c.isMpim() || c.isIm()) {
      return Verdict.PRIVATE_NOT_INVITED;
    }
    boolean mayPostUninvited = !identity.scopesKnown() || identity.grantedScopes().contains(POST_WITHOUT_INVITE);
    return mayPostUninvited ? Verdict.PUBLIC_WITHOUT_INVITE : Verdict.PUBLIC_NOT_INVITED;
  }
}
