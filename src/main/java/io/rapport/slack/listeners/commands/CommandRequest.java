package io.rapport.slack.listeners.commands;

import io.rapport.command.UsageException;
import io.rapport.command.CommandArgs;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

/** What a slash command carries that Rapport uses, with its text already split into arguments. */
public record CommandRequest(
    String workspaceId,
    String userId,
    String channelId,
    String command,
    CommandArgs args,
    String triggerId,
    String responseUrl) {

  static CommandRequest of(SlashCommandPayload p) throws UsageException {
    return new CommandRequest(
        p.getTeamId(),
        p.getUserId(),
        p.getChannelId(),
        p.getCommand(),
        CommandArgs.parse(p.getText()),
        p.getTriggerId(),
        p.getResponseUrl());
  }
}
