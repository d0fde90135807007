package io.rapport.slack.listeners.commands.admin;

import io.rapport.slack.views.SlackText;
import io.rapport.domain.Team;
import io.rapport.command.CommandArgs;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand;
import io.rapport.command.UsageException;
import io.rapport.slack.views.Reply;
import io.rapport.store.Store;
import io.rapport.team.Refusal;
import io.rapport.team.TeamAdministration;
import java.util.List;

/**
 * {@code /relationship-admin pause team NAME} and {@code resume team NAME}: a paused team's reps
 * get no scheduled prompts (prompts already sent stay; completion history is kept).
 */
public final class PauseSubcommand implements AdminSubcommand {
  private final Store store;
  private final TeamAdministration teams;
  private final boolean pause;

  private PauseSubcommand(Store store, TeamAdministration teams, boolean pause) {
    this.store = store;
    this.teams = teams;
    this.pause = pause;
  }

  public static PauseSubcommand pause(Store store, TeamAdministration teams) {
    return new PauseSubcommand(store, teams, true);
  }

  public static PauseSubcommand resume(Store store, TeamAdministration teams) {
    return new PauseSubcommand(store, teams, false);
  }

  @Override
  public String name() {
    return pause ? "pause" : "resume";
  }

  @Override
  public List<String> usage() {
    return List.of(name() + " team NAME");
  }

  @Override
  public DeferredCommand.Work plan(CommandRequest request) throws UsageException {
    CommandArgs args = request.args();
    if (args.size() < 3 || !args.get(1).is("team")) {
      throw new UsageException("Usage: `/relationship-admin " + name() + " team NAME` — e.g. `"
          + name() + " team Enterprise`.");
    }
    String typed = args.rest(2);
    return () -> {
      Team team;
      try {
        team = teams.find(request.workspaceId(), typed);
      } catch (Refusal e) {
        return Reply.text(e.getMessage());
      }
      if (team.paused() == pause) {
        return Reply.text("*" + SlackText.escape(team.name()) + "* is already " + (pause ? "paused" : "running") + "; nothing changed.");
      }
      store.teams().setPaused(request.workspaceId(), team.id(), pause);
      return Reply.text(pause
          ? ":double_vertical_bar: Paused *" + SlackText.escape(team.name()) + "*: its reps get no weekly prompts until you"
              + " `/relationship-admin resume team " + SlackText.escape(team.name()) + "`."
          : ":arrow_forward: Resumed *" + SlackText.escape(team.name()) + "*: its reps get their weekly prompt again ("
              + team.schedule().display() + " in each rep's time zone).");
    };
  }
}
