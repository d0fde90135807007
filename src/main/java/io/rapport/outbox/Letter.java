package io.rapport.outbox;

import java.util.List;
import java.util.Objects;

/**
 * A message to send exactly once, as it is put in the {@link Outbox}: its natural key (the same
 * key never makes a second row), its kind (which {@link Courier} renders it when it is sent), the
 * workspace, where it goes ({@link #conversation} or {@link #privately}) and when it is due. A
 * message that is fixed when written (nothing about it can change before it goes) carries its
 * rendered text and blocks; the others are rendered by their courier at send time.
 */
public record Letter(String key, String workspaceId, String kind, String target, long dueAt, String text,
    String blocks) {

  public Letter {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    if (key.length() > 200) {
      throw new IllegalArgumentException("an outbox key is at most 200 characters: " + key);
    }
  }

  /** A letter rendered by its kind's courier when it is sent. */
  public static Letter of(String key, String workspaceId, String kind, String target, long dueAt) {
    return new Letter(key, workspaceId, kind, target, dueAt, null, null);
  }

  /** The same letter with its rendered content (fallback text and Block Kit JSON). */
  public Letter withContent(String text, String blocks) {
    return new Letter(key, workspaceId, kind, target, dueAt, text, blocks);
  }

  /** The target meaning "Rapport's private conversation with these people" (a DM for one). */
  public static String privately(List<String> userIds) {
    if (userIds.isEmpty()) {
      throw new IllegalArgumentException("a private conversation needs someone in it");
    }
    return "@" + String.join(",", userIds);
  }

  /** The target meaning "this conversation" (a channel, DM or group DM id). */
  public static String conversation(String channelId) {
    return Objects.requireNonNull(channelId, "channelId");
  }
}
