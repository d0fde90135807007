package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.rapport.logs.LogText;
import io.rapport.slack.ReplyRoute;
import io.rapport.slack.views.SlackText;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * Answers a button press, only to the person who pressed it, the way the press's shape allows:
 *
 * <ol>
 *   <li>through its {@code response_url} (buttons on messages), without replacing the message;
 *   <li>without one, with {@code chat.postEphemeral} in the channel the button is in;
 *   <li>a button inside a modal: {@code views.update} of that modal with the answer;
 *   <li>a button on the App Home tab (no channel, no response_url): a direct message from Rapport.
 * </ol>
 */
final class ActionReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ActionReplies.class);

  private ActionReplies() {}

  /** Posts {@code text} (nothing when null) without replacing the message the button is on. */
  static void ephemeral(ActionContext ctx, BlockActionPayload p, String text) {
    answer(ctx, p, text, null, false);
  }

  /**
   * Answers with {@code text} (the notification and fallback text) and optional {@code blocks};
   * {@code replaceOriginal} replaces the pressed message when the answer goes through response_url.
   */
  static void answer(ActionContext ctx, BlockActionPayload p, String text, List<LayoutBlock> blocks,
      boolean replaceOriginal) {
    if (text == null) {
      return;
    }
    String user = p.getUser() == null ? null : p.getUser().getId();
    try {
      if (ReplyRoute.usable(p.getResponseUrl())) {
        ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(replaceOriginal).text(text).blocks(blocks));
        return;
      }
      String channel = p.getChannel() != null ? p.getChannel().getId()
          : p.getContainer() != null ? p.getContainer().getChannelId() : null;
      if (channel != null) {
        var r = ctx.client().chatPostEphemeral(m -> m.channel(channel).user(user).text(text).blocks(blocks));
        note("chat.postEphemeral", r.isOk(), r.getError());
      } else if (p.getView() != null && "modal".equals(p.getView().getType()) && p.getView().getId() != null) {
        var r = ctx.client().viewsUpdate(v -> v.viewId(p.getView().getId()).hash(p.getView().getHash())
            .view(answerModal(text, blocks)));
        note("views.update", r.isOk(), r.getError());
      } else {
        var r = ctx.client().chatPostMessage(m -> m.channel(user).text(text).blocks(blocks));
        note("chat.postMessage", r.isOk(), r.getError());
      }
    } catch (IOException | SlackApiException | RuntimeException e) {
      LOG.warn("Could not answer a button press by {}: {}", LogText.id(user), LogText.failure(e));
      LOG.debug("The failure answering a button press", e);
    }
  }

  private static void note(String method, boolean ok, String error) {
    if (!ok) {
      LOG.info("Answering a button press with {} gave {}", method, LogText.id(error));
    }
  }

  /** A small modal holding the answer, replacing the one the button was in. */
  static View answerModal(String text, List<LayoutBlock> blocks) {
    List<LayoutBlock> shown = blocks != null && !blocks.isEmpty() ? blocks
        : List.of(section(s -> s.text(markdownText(SlackText.shorten(text, 2_900)))));
    return view(v -> v.type("modal").title(viewTitle(t -> t.type("plain_text").text("Rapport")))
        .close(viewClose(c -> c.type("plain_text").text("Close"))).blocks(shown));
  }
}
