package io.rapport.slack.listeners.commands;

import io.rapport.command.UsageException;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.slack.AfterAck;
import io.rapport.logs.LogText;
import io.rapport.slack.ReplyRoute;
import io.rapport.slack.views.Reply;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shape of every slash command that touches the database or Slack: parse the text (no I/O),
 * answer a usage mistake at once, otherwise acknowledge with nothing and do the work after the
 * ack, replying through {@code response_url}. A failure in the work becomes a polite message and a
 * log line naming the command and user; never a stack trace.
 */
public abstract class DeferredCommand implements SlashCommandHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeferredCommand.class);
  public static final String SORRY = io.rapport.command.CommandCopy.SORRY;

  /** The work to run after the ack; returns the reply, or null for none. */
  @FunctionalInterface
  public interface Work {
    Reply run() throws UsageException;
  }

  private final AfterAck afterAck;

  protected DeferredCommand(AfterAck afterAck) {
    this.afterAck = afterAck;
  }

  /**
   * Runs the command as if {@code request} had been typed, on the caller's thread (already after
   * an ack, e.g. from a form that stands for the command): the same checks, rights and words.
   */
  public final Reply runTyped(CommandRequest request) {
    try {
      Reply reply = plan(request).run();
      return reply == null ? Reply.text("Done.") : reply;
    } catch (UsageException e) {
      return Reply.text(e.getMessage());
    } catch (RuntimeException e) {
      failed(request, e);
      return Reply.text(SORRY);
    }
  }

  /** Checks the request without I/O and returns the work to run after the ack. */
  protected abstract Work plan(CommandRequest request) throws UsageException;

  @Override
  public final Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    Work work;
    CommandRequest request;
    try {
      request = CommandRequest.of(req.getPayload());
      work = plan(request);
    } catch (UsageException e) {
      return ctx.ack(r -> r.responseType("ephemeral").text(e.getMessage()));
    }
    String what = request.command() + " by " + request.userId() + " in " + request.workspaceId();
    try {
      if (interactive()) {
        afterAck.interactive(what, () -> respond(ctx, request, work));
      } else {
        afterAck.run(what, () -> respond(ctx, request, work));
      }
    } catch (AfterAck.Busy e) {
      return ctx.ack(r -> r.responseType("ephemeral").text(AfterAck.BUSY));
    }
    return ctx.ack();
  }

  /**
   * True for a command whose work opens a modal or answers a person who is watching (it runs on
   * the interactive lane, never behind background work); false by default.
   */
  protected boolean interactive() {
    return false;
  }

  private void respond(SlashCommandContext ctx, CommandRequest request, Work work) {
    Reply reply;
    try {
      reply = work.run();
    } catch (UsageException e) {
      reply = Reply.text(e.getMessage());
    } catch (RuntimeException e) {
      failed(request, e);
      reply = Reply.text(SORRY);
    }
    if (reply == null) {
      return;
    }
    Reply r = reply;
    try {
      if (ReplyRoute.usable(request.responseUrl())) {
        ctx.respond(res -> res.responseType(r.responseType()).text(r.text()).blocks(r.blocks()));
      } else if (request.channelId() != null) {
        // No usable response_url (Slack always sends one; a hand-made request may not): the
        // same words, to the same person only.
        var posted = ctx.client().chatPostEphemeral(m -> m.channel(request.channelId()).user(request.userId())
            .text(r.text()).blocks(r.blocks()));
        if (!posted.isOk()) {
          LOG.info("Could not answer {} by {} ephemerally: {}", request.command(), request.userId(), posted.getError());
        }
      } else {
        LOG.debug("{} by {} came with no way to answer; the answer was dropped", request.command(), request.userId());
      }
    } catch (IOException | com.slack.api.methods.SlackApiException e) {
      LOG.warn("Could not answer {} by {}: {}", request.command(), request.userId(), LogText.failure(e));
    }
  }

  private static void failed(CommandRequest request, RuntimeException e) {
    LOG.error("{} by {} in {} failed ({})", request.command(), request.userId(), request.workspaceId(),
        LogText.failure(e));
    LOG.debug("The failure of {}", request.command(), e);
  }
}
