package io.rapport.slack.listeners.commands.admin;

import io.rapport.command.CommandArgs;
import io.rapport.slack.views.SlackText;
import io.rapport.flag.TeamPolicies;
import io.rapport.flag.TeamPolicy;
import io.rapport.insight.PolicyException;
import io.rapport.command.CommandArgs.Arg;
import io.rapport.command.UsageException;
import io.rapport.slack.views.FlagMessages;
import io.rapport.slack.views.PolicyView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /relationship-admin team NAME policy [show | set KEY=VALUE… | reset KEY|all]}: a team's
 * thresholds, shown with their defaults and what each does, changed with validation (a
 * bad value changes nothing), or reset. The team router finds the team and checks admin rights.
 */
public final class PolicyTeamVerb implements TeamVerb {
  private final TeamPolicies policies;
  private final io.rapport.flag.FlagAudiences audiences;

  public PolicyTeamVerb(TeamPolicies policies) {
    this(policies, null);
  }

  /** With {@code audiences}, {@code show} also lists where each pattern's flags go for the team. */
  public PolicyTeamVerb(TeamPolicies policies, io.rapport.flag.FlagAudiences audiences) {
    this.policies = policies;
    this.audiences = audiences;
  }

  @Override
  public String word() {
    return "policy";
  }

  @Override
  public List<String> usage() {
    return List.of("team NAME policy [show | set KEY=VALUE… | reset KEY|all]");
  }

  @Override
  public Change plan(List<Arg> args) throws UsageException {
    String verb = args.isEmpty() ? "show" : args.get(0).value().toLowerCase(Locale.ROOT);
    List<Arg> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    switch (verb) {
      case "show" -> {
        if (!rest.isEmpty()) {
          throw new UsageException("`policy show` takes nothing after it.");
        }
        return (ws, team) -> PolicyView.show(team, policies.policyOf(team), policies.recentFalseAlarms(team, 10),
            audiences == null ? List.of() : audiences.linesOf(team));
      }
      case "set" -> {
        Map<String, String> overrides = assignments(rest);
        return (ws, team) -> {
          try {
            TeamPolicy updated = policies.set(team, overrides);
            return PolicyView.changed(team, updated, new ArrayList<>(overrides.keySet()));
          } catch (PolicyException e) {
            return PolicyView.invalid(team, e.getMessage());
          }
        };
      }
      case "reset" -> {
        if (rest.size() != 1) {
          throw new UsageException("Say which threshold to reset (or `all`), e.g. `policy reset termsDictated.graceDays`.");
        }
        String name = rest.get(0).value();
        return (ws, team) -> {
          try {
            return PolicyView.reset(team, policies.reset(team, name), name);
          } catch (PolicyException e) {
            return PolicyView.invalid(team, e.getMessage());
          }
        };
      }
      default -> throw new UsageException("`policy " + SlackText.escape(cut(args.get(0).value()))
          + "`? Use `policy show`, `policy set NAME=VALUE …` or `policy reset NAME`.");
    }
  }

  static Map<String, String> assignments(List<Arg> args) throws UsageException {
    if (args.isEmpty()) {
      throw new UsageException("Give at least one `NAME=VALUE`, e.g. `policy set termsDictated.graceDays=14`.");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Arg a : args) {
      String v = a.value();
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw new UsageException("`" + SlackText.escape(cut(v)) + "` is not `NAME=VALUE` (no spaces around `=`).");
      }
      String name = v.substring(0, eq).trim();
      if (out.put(name, v.substring(eq + 1).trim()) != null) {
        throw new UsageException("`" + SlackText.escape(cut(name)) + "` is given twice.");
      }
    }
    return out;
  }

  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
