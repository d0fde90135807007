package io.rapport.outbox;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One outbox row as stored. */
public record Entry(
    String key,
    String workspaceId,
    String kind,
    String target,
    String text,
    String blocks,
    String state,
    long dueAt,
    Long nextAttemptAt,
    int attempts,
    String leaseOwner,
    Long leaseUntil,
    Long postingSince,
    String channelId,
    String threadTs,
    String messageTs,
    String permalink,
    String lastError,
    long createdAt,
    Long sentAt) {

  public static final String PENDING = "pending";
  public static final String LEASED = "leased";
  public static final String SENT = "sent";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";

  /** The people of a private-conversation target ({@code @U1,U2}); empty for a conversation id. */
  public static Optional<List<String>> people(String target) {
    return target.startsWith("@") ? Optional.of(Arrays.asList(target.substring(1).split(","))) : Optional.empty();
  }

  /** True when a post of this row may have reached Slack and history must be asked first. */
  public boolean mayHaveBeenPosted() {
    return postingSince != null && channelId != null;
  }
}
