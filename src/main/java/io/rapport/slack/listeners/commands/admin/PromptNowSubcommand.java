package io.rapport.slack.listeners.commands.admin;

import io.rapport.slack.views.SlackText;
import io.rapport.domain.Team;
import io.rapport.prompt.PromptNow;
import io.rapport.command.CommandArgs;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand;
import io.rapport.command.UsageException;
import io.rapport.slack.views.Reply;
import io.rapport.team.Refusal;
import io.rapport.team.TeamAdministration;
import java.util.List;
import java.util.Optional;

/** {@code /relationship-admin prompt-now [team NAME]}: this week's prompts, now, exactly once. */
public final class PromptNowSubcommand implements AdminSubcommand {
  static final String USAGE = "prompt-now [team NAME]";

  private final TeamAdministration teams;
  private final PromptNow promptNow;

  public PromptNowSubcommand(TeamAdministration teams, PromptNow promptNow) {
    this.teams = teams;
    this.promptNow = promptNow;
  }

  @Override
  public String name() {
    return "prompt-now";
  }

  @Override
  public List<String> usage() {
    return List.of(USAGE);
  }

  @Override
  public DeferredCommand.Work plan(CommandRequest request) throws UsageException {
    CommandArgs args = request.args();
    if (args.size() == 1) {
      return () -> Reply.text(PromptNow.describe(run(request.workspaceId(), Optional.empty()), Optional.empty()));
    }
    if (args.size() < 3 || !args.get(1).is("team")) {
      throw new UsageException("Usage: `/relationship-admin " + USAGE + "` — e.g. `prompt-now team Enterprise`.");
    }
    String typed = args.rest(2);
    return () -> {
      Team team;
      try {
        team = teams.find(request.workspaceId(), typed);
      } catch (Refusal e) {
        return Reply.text(e.getMessage());
      }
      if (team.paused()) {
        return Reply.text("*" + SlackText.escape(team.name()) + "* is paused, so I sent nothing. Resume it first with"
            + " `/relationship-admin resume team " + SlackText.escape(team.name()) + "`.");
      }
      return Reply.text(PromptNow.describe(run(request.workspaceId(), Optional.of(team)), Optional.of(team)));
    };
  }

  private PromptNow.Result run(String ws, Optional<Team> team) {
    try {
      return promptNow.run(ws, team);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending prompts", e);
    }
  }
}
