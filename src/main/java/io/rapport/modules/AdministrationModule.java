package io.rapport.modules;

import io.rapport.slack.Routes;
import io.rapport.slack.ChannelAccess;
import io.rapport.slack.listeners.actions.SetupStepAction;
import io.rapport.slack.listeners.commands.RelationshipHelpCommand;
import io.rapport.slack.listeners.commands.admin.AdminSubcommand;
import io.rapport.slack.listeners.commands.admin.AdminsSubcommand;
import io.rapport.slack.listeners.commands.admin.RelationshipAdminCommand;
import io.rapport.slack.listeners.commands.admin.TeamSubcommand;
import io.rapport.slack.listeners.commands.admin.TeamVerb;
import io.rapport.slack.listeners.commands.admin.TeamVerbs;
import io.rapport.slack.listeners.commands.admin.TeamsSubcommand;
import io.rapport.slack.listeners.views.SetupStepSubmission;
import io.rapport.slack.views.SetupChecklistView;
import io.rapport.team.AdminRoster;
import java.util.ArrayList;
import java.util.List;

/**
 * Administration: {@code /relationship-admin} (teams, admins, and the subcommands and team verbs
 * other capabilities contribute), {@code /relationship-help}, and the admin's setup checklist on
 * App Home, whose steps run the same commands an admin could type.
 */
public final class AdministrationModule implements Module {
  private final Foundation foundation;
  private final CheckInsModule checkIns;
  private final AdminRoster admins;
  private final List<TeamVerb> teamVerbs;
  private final List<AdminSubcommand> subcommands;
  private final io.rapport.privacy.Forgetting forgetting;

  /**
   * {@code teamVerbs} follow the standard team verbs (manager, members, channel, schedule) and
   * {@code subcommands} follow {@code team}, {@code teams} and {@code admins}, in the order
   * {@code help} lists them.
   */
  public AdministrationModule(Foundation foundation, CheckInsModule checkIns, List<TeamVerb> teamVerbs,
      List<AdminSubcommand> subcommands) {
    this.foundation = foundation;
    this.checkIns = checkIns;
    this.admins = new AdminRoster(foundation.store(), foundation.config().admins(), foundation.clock());
    this.teamVerbs = List.copyOf(teamVerbs);
    this.subcommands = List.copyOf(subcommands);
    this.forgetting = new io.rapport.privacy.Forgetting(foundation.store(), foundation.access(),
        new io.rapport.slack.out.SlackPostedMessages(foundation.slackApi().calls()), foundation.clock());
  }

  private List<AdminSubcommand> allSubcommands() {
    List<TeamVerb> verbs = new ArrayList<>(TeamVerbs.standard(foundation.teams(),
        new ChannelAccess(foundation.slackApi()::methods, foundation.identity())));
    verbs.addAll(teamVerbs);
    List<AdminSubcommand> all = new ArrayList<>(List.of(
        new TeamSubcommand(foundation.teams(), verbs),
        new TeamsSubcommand(foundation.teams()),
        new AdminsSubcommand(admins)));
    all.addAll(subcommands);
    all.add(new io.rapport.slack.listeners.commands.admin.ForgetSubcommand(forgetting));
    return all;
  }

  @Override
  public void register(Routes routes) {
    var afterAck = foundation.afterAck();
    routes.command(RelationshipHelpCommand.COMMAND, new RelationshipHelpCommand());
    RelationshipAdminCommand adminCommand =
        new RelationshipAdminCommand(afterAck, foundation.access(), allSubcommands());
    routes.command(RelationshipAdminCommand.COMMAND, adminCommand);
    routes.blockAction(io.rapport.slack.views.ForgetMessages.CONFIRM,
        new io.rapport.slack.listeners.actions.ForgetAction(forgetting, afterAck));
    routes.blockAction(SetupStepAction.ACTION_IDS,
        new SetupStepAction(afterAck, foundation.access(), foundation.store(), foundation.slackApi()));
    routes.viewSubmission(SetupChecklistView.CALLBACK_ID,
        new SetupStepSubmission(afterAck, foundation.store(), adminCommand, checkIns.accountsCommand(),
            foundation.slackApi(), checkIns.home()));
  }
}
