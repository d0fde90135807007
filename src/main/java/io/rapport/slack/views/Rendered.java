package io.rapport.slack.views;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A message as Slack shows it, in the form the outbox keeps and sends: the fallback {@code text}
 * (notifications, screen readers) and the Block Kit blocks as JSON — serialised the way the SDK
 * serialises them itself — so callers outside {@code io.rapport.slack} never hold Block Kit types.
 */
public record Rendered(String text, String blocks) {
  private static final com.google.gson.Gson GSON = GsonFactory.createSnakeCase();

  public static Rendered of(String text, List<LayoutBlock> blocks) {
    return new Rendered(text, blocks == null ? null : GSON.toJson(new ArrayList<>(blocks)));
  }

  /** Block Kit JSON of {@code blocks}. */
  public static String json(List<LayoutBlock> blocks) {
    return GSON.toJson(new ArrayList<>(blocks));
  }
}
