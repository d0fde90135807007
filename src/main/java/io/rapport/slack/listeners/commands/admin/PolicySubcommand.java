package io.rapport.slack.listeners.commands.admin;

import io.rapport.domain.Team;
import io.rapport.flag.TeamPolicies;
import io.rapport.flag.TeamPolicy;
import io.rapport.insight.PolicyException;
import io.rapport.slack.listeners.commands.CommandArgs;
import io.rapport.slack.listeners.commands.CommandArgs.Arg;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.slack.listeners.commands.DeferredCommand;
import io.rapport.slack.listeners.commands.UsageException;
import io.rapport.slack.views.FlagMessages;
import io.rapport.slack.views.PolicyView;
import io.rapport.slack.views.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /relationship-admin policy team NAME [show | set KEY=VALUE… | reset KEY|all]}: a team's
 * thresholds, shown with their defaults, changed with validation (a bad value changes nothing),
 * or reset. A team name with spaces is quoted, or given bare when nothing follows it.
 */
public final class PolicySubcommand implements AdminSubcommand {
  public static final String NAME = "policy";
  private static final List<String> VERBS = List.of("show", "set", "reset");

  private final TeamPolicies policies;

  public PolicySubcommand(TeamPolicies policies) {
    this.policies = policies;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> usage() {
    return List.of("policy team NAME [show | set KEY=VALUE… | reset KEY|all]");
  }

  @Override
  public DeferredCommand.Work plan(CommandRequest request) throws UsageException {
    CommandArgs args = request.args();
    if (args.size() < 3 || !args.get(1).is("team")) {
      throw usage("Name the team, e.g. `policy team \"Enterprise East\" show`.");
    }
    int verbAt = -1;
    for (int i = 3; i < args.size(); i++) {
      if (!args.get(i).quoted() && VERBS.contains(args.get(i).value().toLowerCase(Locale.ROOT))) {
        verbAt = i;
        break;
      }
    }
    String teamName;
    if (verbAt < 0) {
      teamName = args.rest(2);
    } else {
      List<String> words = new ArrayList<>();
      for (int i = 2; i < verbAt; i++) {
        words.add(args.get(i).value());
      }
      teamName = String.join(" ", words);
    }
    if (args.size() == 3 && args.get(2).is("show")) {
      throw usage("Name the team before `show`.");
    }
    String verb = verbAt < 0 ? "show" : args.get(verbAt).value().toLowerCase(Locale.ROOT);
    List<Arg> rest = verbAt < 0 ? List.of() : args.all().subList(verbAt + 1, args.size());
    String ws = request.workspaceId();
    return switch (verb) {
      case "show" -> {
        if (!rest.isEmpty()) {
          throw usage("`show` takes nothing after it.");
        }
        yield () -> withTeam(ws, teamName, team -> PolicyView.show(team, policies.policyOf(team)));
      }
      case "set" -> {
        Map<String, String> overrides = parseAssignments(rest);
        yield () -> withTeam(ws, teamName, team -> {
          try {
            TeamPolicy updated = policies.set(team, overrides);
            return PolicyView.changed(team, updated, new ArrayList<>(overrides.keySet()));
          } catch (PolicyException e) {
            return PolicyView.invalid(e.getMessage());
          }
        });
      }
      default -> {
        if (rest.size() != 1) {
          throw usage("Say which threshold to reset (or `all`), e.g. `reset termsDictated.warningWeeks`.");
        }
        String name = rest.get(0).value();
        yield () -> withTeam(ws, teamName, team -> {
          try {
            return PolicyView.reset(team, policies.reset(team, name), name);
          } catch (PolicyException e) {
            return PolicyView.invalid(e.getMessage());
          }
        });
      }
    };
  }

  static Map<String, String> parseAssignments(List<Arg> args) throws UsageException {
    if (args.isEmpty()) {
      throw usage("Give at least one `NAME=VALUE`, e.g. `set termsDictated.warningWeeks=3`.");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Arg a : args) {
      String v = a.value();
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw usage("`" + FlagMessages.escape(v.length() > 60 ? v.substring(0, 60) + "…" : v)
            + "` is not `NAME=VALUE` (no spaces around `=`).");
      }
      String name = v.substring(0, eq).trim();
      if (out.put(name, v.substring(eq + 1).trim()) != null) {
        throw usage("`" + FlagMessages.escape(name) + "` is given twice.");
      }
    }
    return out;
  }

  @FunctionalInterface
  private interface TeamWork {
    Reply run(Team team) throws UsageException;
  }

  private Reply withTeam(String ws, String name, TeamWork work) throws UsageException {
    TeamPolicies.Lookup lookup = policies.find(ws, name);
    if (lookup instanceof TeamPolicies.Found f) {
      return work.run(f.team());
    }
    if (lookup instanceof TeamPolicies.Ambiguous a) {
      return Reply.text("\"" + FlagMessages.escape(name) + "\" matches several teams: "
          + FlagMessages.escape(String.join(", ", a.candidates())) + ". Write more of the name.");
    }
    List<String> names = ((TeamPolicies.NotFound) lookup).teamNames();
    return Reply.text("There is no team called \"" + FlagMessages.escape(name) + "\"."
        + (names.isEmpty() ? " No teams exist yet." : " Teams: " + FlagMessages.escape(String.join(", ", names)) + "."));
  }

  private static UsageException usage(String problem) {
    return new UsageException(problem + "\nUsage: `" + RelationshipAdminCommand.COMMAND
        + " policy team NAME [show | set KEY=VALUE… | reset KEY|all]`");
  }
}
