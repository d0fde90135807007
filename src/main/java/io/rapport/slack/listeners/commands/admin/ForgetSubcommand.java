package io.rapport.slack.listeners.commands.admin;

import io.rapport.command.CommandArgs;
import io.rapport.command.UsageException;
import io.rapport.privacy.Forgetting;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand;
import io.rapport.slack.views.ForgetMessages;
import io.rapport.slack.views.Reply;
import io.rapport.team.NotAllowed;
import java.util.List;
import java.util.Optional;

/**
 * {@code /relationship-admin forget @person} (admins only): answers, to the admin alone, exactly
 * what would be removed, with a button that does it ({@link ForgetMessages#CONFIRM}).
 */
public final class ForgetSubcommand implements AdminSubcommand {
  private final Forgetting forgetting;

  public ForgetSubcommand(Forgetting forgetting) {
    this.forgetting = forgetting;
  }

  @Override
  public String name() {
    return "forget";
  }

  @Override
  public List<String> usage() {
    return List.of("forget @person");
  }

  @Override
  public DeferredCommand.Work plan(CommandRequest request) throws UsageException {
    CommandArgs args = request.args();
    Optional<String> person = args.size() == 2 ? args.get(1).userId() : Optional.empty();
    if (person.isEmpty()) {
      throw new UsageException(ForgetMessages.USAGE);
    }
    return () -> {
      try {
        return ForgetMessages.confirmation(forgetting.preview(request.workspaceId(), request.userId(), person.get()));
      } catch (NotAllowed e) {
        return Reply.text(NotAllowed.NOT_YOURS);
      }
    };
  }
}
