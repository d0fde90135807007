package io.rapport.slack.listeners.views;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import io.rapport.domain.Team;
import io.rapport.slack.AfterAck;
import io.rapport.slack.listeners.commands.AccountsCommand;
import io.rapport.command.CommandArgs;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand;
import io.rapport.command.UsageException;
import io.rapport.slack.listeners.commands.admin.RelationshipAdminCommand;
import io.rapport.slack.listeners.events.HomeTabPublisher;
import io.rapport.slack.out.SlackApi;
import io.rapport.slack.views.Reply;
import io.rapport.slack.views.SetupChecklistView;
import io.rapport.store.Store;
import io.rapport.team.SetupProgress.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A setup step's modal was saved: closes it at once; after the ack runs the same command an admin
 * could type ({@code /relationship-admin team "NAME" channel <#C…>}, {@code /accounts add …}), with
 * its rights checks and words, tells the admin the outcome in their DM with Rapport and refreshes
 * their Home tab (the checklist ticks the step, or disappears when setup is done).
 */
public final class SetupStepSubmission implements ViewSubmissionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SetupStepSubmission.class);

  private final AfterAck afterAck;
  private final Store store;
  private final DeferredCommand admin;
  private final DeferredCommand accounts;
  private final SlackApi slack;
  private final HomeTabPublisher home;

  public SetupStepSubmission(AfterAck afterAck, Store store, DeferredCommand admin, DeferredCommand accounts,
      SlackApi slack, HomeTabPublisher home) {
    this.afterAck = afterAck;
    this.store = store;
    this.admin = admin;
    this.accounts = accounts;
    this.slack = slack;
    this.home = home;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    Step step;
    try {
      step = Step.valueOf(p.getView().getPrivateMetadata());
    } catch (IllegalArgumentException | NullPointerException e) {
      return ctx.ack();
    }
    Map<String, ViewState.Value> values = new HashMap<>();
    if (p.getView().getState() != null && p.getView().getState().getValues() != null) {
      p.getView().getState().getValues().forEach((block, byAction) -> {
        ViewState.Value v = byAction.get(SetupChecklistView.INPUT);
        if (v != null) {
          values.put(block, v);
        }
      });
    }
    Map<String, String> errors = missing(step, values);
    if (!errors.isEmpty()) {
      return ctx.ackWithErrors(errors);
    }
    String ws = ctx.getTeamId();
    String user = p.getUser().getId();
    afterAck.run("setup form " + step + " by " + user + " in " + ws, () -> {
      Reply reply = run(ws, user, step, values);
      tell(user, SetupChecklistView.afterStep(step, reply.text()));
      home.publish(ws, user);
    });
    return ctx.ack();
  }

  /** Fields left empty, by block (Slack marks required inputs, but a payload may lack them). */
  private static Map<String, String> missing(Step step, Map<String, ViewState.Value> values) {
    Map<String, String> errors = new HashMap<>();
    if (step != Step.TEAM && step != Step.KEY_ACCOUNTS && selected(values.get(SetupChecklistView.TEAM_BLOCK)) == null) {
      errors.put(SetupChecklistView.TEAM_BLOCK, "Choose a team.");
    }
    ViewState.Value v = values.get(SetupChecklistView.VALUE_BLOCK);
    boolean empty = v == null || (v.getValue() == null || v.getValue().isBlank()) && v.getSelectedUser() == null
        && (v.getSelectedUsers() == null || v.getSelectedUsers().isEmpty()) && v.getSelectedConversation() == null
        && v.getSelectedOption() == null;
    if (empty) {
      errors.put(SetupChecklistView.VALUE_BLOCK, "This is needed.");
    }
    if ((step == Step.SCHEDULE || step == Step.KEY_ACCOUNTS)) {
      ViewState.Value second = values.get(SetupChecklistView.SECOND_BLOCK);
      if (second == null || second.getSelectedTime() == null && second.getSelectedUser() == null) {
        errors.put(SetupChecklistView.SECOND_BLOCK, "This is needed.");
      }
    }
    return errors;
  }

  private static String selected(ViewState.Value v) {
    return v == null || v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
  }

  private Reply run(String ws, String user, Step step, Map<String, ViewState.Value> values) {
    ViewState.Value v = values.get(SetupChecklistView.VALUE_BLOCK);
    if (step == Step.TEAM) {
      return typed(admin, ws, user, RelationshipAdminCommand.COMMAND, "team create " + v.getValue().trim());
    }
    if (step == Step.KEY_ACCOUNTS) {
      String rep = values.get(SetupChecklistView.SECOND_BLOCK).getSelectedUser();
      return typed(accounts, ws, user, AccountsCommand.COMMAND,
          "add " + quoted(v.getValue().trim()) + " <@" + rep + "> key");
    }
    String teamId = selected(values.get(SetupChecklistView.TEAM_BLOCK));
    Team team = store.teams().all(ws).stream().filter(t -> t.id().equals(teamId)).findFirst().orElse(null);
    if (team == null) {
      return Reply.text("That team no longer exists; nothing changed.");
    }
    String name = quoted(team.name());
    String rest = switch (step) {
      case MANAGER -> "manager <@" + v.getSelectedUser() + ">";
      case MEMBERS -> "members add " + v.getSelectedUsers().stream().map(u -> "<@" + u + ">")
          .collect(Collectors.joining(" "));
      case CHANNEL -> "channel <#" + v.getSelectedConversation() + ">";
      case SCHEDULE -> "schedule " + v.getSelectedOption().getValue() + " "
          + values.get(SetupChecklistView.SECOND_BLOCK).getSelectedTime();
      default -> throw new IllegalStateException("not a team step: " + step);
    };
    return typed(admin, ws, user, RelationshipAdminCommand.COMMAND, "team " + name + " " + rest);
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\"", "'") + "\"";
  }

  private static Reply typed(DeferredCommand command, String ws, String user, String name, String text) {
    CommandArgs args;
    try {
      args = CommandArgs.parse(text);
    } catch (UsageException e) {
      return Reply.text(e.getMessage());
    }
    return command.runTyped(new CommandRequest(ws, user, null, name, args, null, null));
  }

  private void tell(String user, String text) {
    try {
      var r = slack.methods().chatPostMessage(m -> m.channel(user).text(text));
      if (!r.isOk()) {
        LOG.warn("Could not tell {} how a setup step went: {}", user, r.getError());
      }
    } catch (Exception e) {
      LOG.warn("Could not tell {} how a setup step went: {}", user, e.toString());
    }
  }
}
