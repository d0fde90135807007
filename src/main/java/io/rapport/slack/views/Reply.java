package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A message Rapport answers with: fallback text plus optional blocks, ephemeral unless it says
 * otherwise.
 */
public record Reply(String text, List<LayoutBlock> blocks, boolean inChannel) {
  public Reply {
    blocks = blocks == null ? List.of() : List.copyOf(blocks);
  }

  /** An ephemeral reply of one markdown section. */
  public static Reply text(String markdown) {
    return new Reply(markdown, List.of(section(s -> s.text(markdownText(markdown)))), false);
  }

  public static Reply blocks(String fallback, List<LayoutBlock> blocks) {
    return new Reply(fallback, blocks, false);
  }

  public Reply toChannel() {
    return new Reply(text, blocks, true);
  }

  public String responseType() {
    return inChannel ? "in_channel" : "ephemeral";
  }
}
