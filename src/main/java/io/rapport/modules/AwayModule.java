package io.rapport.modules;

import io.rapport.slack.Routes;
import io.rapport.away.AwayService;
import io.rapport.slack.listeners.actions.AwayButtons;
import io.rapport.slack.listeners.commands.AwayCommands;
import io.rapport.slack.listeners.commands.admin.AdminSubcommand;
import io.rapport.slack.listeners.commands.admin.AwaySubcommand;
import io.rapport.slack.listeners.commands.admin.AwayTeamVerbs;
import io.rapport.slack.listeners.commands.admin.TeamVerb;
import io.rapport.slack.listeners.events.HomeTabPublisher;
import io.rapport.domain.IsoWeek;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Away weeks and team holidays: {@code /checkin away|back}, the admin's {@code away|back @rep},
 * the team holiday verbs, and the "Away" buttons on App Home and prompts. Away weeks are not due
 * (completion excludes them from the moment this module exists).
 */
public final class AwayModule implements Module {
  private final Foundation foundation;
  private final AwayService service;
  private final AwayCommands commands;
  private HomeTabPublisher home;

  public AwayModule(Foundation foundation) {
    this.foundation = foundation;
    this.service = new AwayService(foundation.store(), foundation.access(), foundation.timeZones(),
        foundation.clock());
    foundation.completions().excluding(service::exclusions); // away weeks are not due (docs/PROMPTS.md)
    foundation.completions().movingPast(service::allHolidays); // a holiday moves the check-in time too
    this.commands = new AwayCommands(service, foundation.timeZones(), foundation.slackApi().calls(),
        foundation.clock());
  }

  /** App Home is redrawn after an away button; it is built by the check-ins module, after this one. */
  public AwayModule redrawing(HomeTabPublisher home) {
    this.home = home;
    return this;
  }

  /** Away weeks and holidays (prompts, flags and App Home read them). */
  public AwayService service() {
    return service;
  }

  /** {@code /checkin away|back} (the check-in command hands these words over). */
  public AwayCommands commands() {
    return commands;
  }

  /** The reps away in {@code week}. */
  public Set<String> awayReps(String workspaceId, IsoWeek week) {
    return service.awayReps(workspaceId, week);
  }

  /** {@code /relationship-admin away @rep} and {@code back @rep}. */
  public List<AdminSubcommand> adminSubcommands() {
    return List.of(AwaySubcommand.away(commands), AwaySubcommand.back(commands));
  }

  /** {@code /relationship-admin team NAME holiday|…} verbs. */
  public List<TeamVerb> teamVerbs() {
    return AwayTeamVerbs.all(service);
  }

  @Override
  public void register(Routes routes) {
    Objects.requireNonNull(home, "the away buttons redraw App Home: call redrawing(home) first");
    new AwayButtons(foundation.afterAck(), service, commands, foundation.timeZones(), home).register(routes);
  }
}
