package io.rapport.slack.listeners.commands.admin;

import io.rapport.domain.Names;
import io.rapport.domain.Team;
import io.rapport.slack.listeners.commands.UsageException;
import io.rapport.store.Store;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A team named in an admin command (SPEC §5): case-insensitive, an exact name wins, otherwise a
 * unique prefix; an unknown or ambiguous name is answered with the candidates.
 */
final class TeamArgument {
  private static final int MAX_CANDIDATES = 8;

  private TeamArgument() {}

  static Team resolve(Store store, String workspaceId, String typed) throws UsageException {
    String key = Names.key(typed);
    List<Team> all = store.teams().all(workspaceId);
    for (Team t : all) {
      if (Names.key(t.name()).equals(key)) {
        return t;
      }
    }
    List<Team> prefixed = all.stream().filter(t -> Names.key(t.name()).startsWith(key)).toList();
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    if (prefixed.size() > 1) {
      throw new UsageException("More than one team starts with \"" + typed + "\": " + names(prefixed)
          + ". Type more of the name.");
    }
    if (all.isEmpty()) {
      throw new UsageException("There are no teams yet. Create one with `/relationship-admin team create NAME`.");
    }
    throw new UsageException("I don't know a team called \"" + typed + "\". Teams: " + names(all) + ".");
  }

  private static String names(List<Team> teams) {
    String shown = teams.stream().limit(MAX_CANDIDATES).map(t -> "*" + t.name() + "*").collect(Collectors.joining(", "));
    return teams.size() > MAX_CANDIDATES ? shown + " and " + (teams.size() - MAX_CANDIDATES) + " more" : shown;
  }
}
