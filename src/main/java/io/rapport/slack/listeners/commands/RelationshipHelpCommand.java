package io.rapport.slack.listeners.commands;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.slack.views.HelpView;

/** {@code /relationship-help}: anyone may ask; the answer is ephemeral and needs no I/O. */
public final class RelationshipHelpCommand implements SlashCommandHandler {
  public static final String COMMAND = "/relationship-help";

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    return ctx.ack(r -> r.responseType("ephemeral").text(HelpView.fallbackText()).blocks(HelpView.blocks()));
  }
}
