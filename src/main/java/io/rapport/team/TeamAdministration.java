package io.rapport.team;

import io.rapport.domain.InvalidFieldException;
import io.rapport.domain.DisplayText;
import io.rapport.domain.NameMatch;
import io.rapport.domain.Names;
import io.rapport.domain.Team;
import io.rapport.domain.WeeklySchedule;
import io.rapport.store.Store;
import io.rapport.store.TeamDao;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.JdbiException;

/**
 * Teams and their settings, as admins organise them: create, name the manager, add and remove
 * members, set the flag channel and the weekly check-in schedule. Callers check admin rights;
 * every method is scoped to one workspace.
 */
public final class TeamAdministration {
  /** A team with its members, for listings. */
  public record TeamWithMembers(Team team, List<String> members) {}

  /** What a change of membership did. */
  public record MembershipChange(List<String> changed, List<String> unchanged) {}

  private final Store store;
  private final Clock clock;

  public TeamAdministration(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Creates a team; a team with the same name (ignoring case) is refused. */
  public Team create(String workspaceId, String name) {
    if (name == null || name.isBlank()) {
      throw new Refusal("A team needs a name, e.g. `team create \"Sales East\"`.");
    }
    String clean;
    try {
      clean = Names.displayable("name", name);
    } catch (InvalidFieldException e) {
      throw new Refusal("The team name " + e.reason() + ". Nothing was created.");
    }
    if (clean.length() > Team.MAX_NAME_LENGTH) {
      throw new Refusal("That team name is " + clean.length() + " characters long; keep it under "
          + Team.MAX_NAME_LENGTH + ".");
    }
    String key = Names.key(clean);
    long now = clock.millis();
    store.ensureWorkspace(workspaceId, now);
    TeamDao teams = store.teams();
    if (teams.all(workspaceId).stream().anyMatch(t -> Names.key(t.name()).equals(key))) {
      throw new Refusal("There is already a team called *" + DisplayText.quote(clean) + "*.");
    }
    String id = UUID.randomUUID().toString();
    WeeklySchedule s = WeeklySchedule.DEFAULT;
    try {
      teams.insert(workspaceId, id, clean, key, s.day().getValue(), s.time().toString(), now);
    } catch (JdbiException e) {
      if (teams.all(workspaceId).stream().anyMatch(t -> Names.key(t.name()).equals(key))) {
        throw new Refusal("There is already a team called *" + DisplayText.quote(clean) + "*.");
      }
      throw e;
    }
    return teams.find(workspaceId, id).orElseThrow();
  }

  /** The team named {@code typed} (exact name or unique prefix), or a refusal with suggestions. */
  public Team find(String workspaceId, String typed) {
    List<Team> all = store.teams().all(workspaceId);
    NameMatch<Team> match = NameMatch.of(typed, all, Team::name);
    return match.found().orElseThrow(() -> new Refusal(notFound(match, all)));
  }

  private static String notFound(NameMatch<Team> match, List<Team> all) {
    if (all.isEmpty()) {
      return "There are no teams yet. Create one with `/relationship-admin team create NAME`.";
    }
    String q = "*" + DisplayText.quote(match.query()) + "*";
    if (match.isAmbiguous()) {
      return "More than one team starts with " + q + ": " + names(match.candidates())
          + ". Type more of the name.";
    }
    if (!match.candidates().isEmpty()) {
      return "I don't know a team called " + q + ". Did you mean " + names(match.candidates()) + "?";
    }
    return "I don't know a team called " + q + ". Teams: " + names(all.subList(0, Math.min(10, all.size())))
        + (all.size() > 10 ? " and " + (all.size() - 10) + " more" : "") + ".";
  }

  private static String names(List<Team> teams) {
    return teams.stream().map(t -> "*" + DisplayText.quote(t.name()) + "*").collect(Collectors.joining(", "));
  }


  public Team setManager(String workspaceId, Team team, String userId) {
    store.users().ensure(workspaceId, userId, clock.millis());
    store.teams().setManager(workspaceId, team.id(), userId);
    return reload(workspaceId, team);
  }

  public MembershipChange addMembers(String workspaceId, Team team, List<String> userIds) {
    long now = clock.millis();
    return store.jdbi().inTransaction(h -> {
      TeamDao teams = h.attach(TeamDao.class);
      List<String> added = new ArrayList<>();
      List<String> already = new ArrayList<>();
      for (String user : userIds) {
        h.attach(io.rapport.store.UserDao.class).ensure(workspaceId, user, now);
        (teams.addMember(workspaceId, team.id(), user, now) == 1 ? added : already).add(user);
      }
      return new MembershipChange(added, already);
    });
  }

  public MembershipChange removeMembers(String workspaceId, Team team, List<String> userIds) {
    return store.jdbi().inTransaction(h -> {
      TeamDao teams = h.attach(TeamDao.class);
      List<String> removed = new ArrayList<>();
      List<String> notMembers = new ArrayList<>();
      for (String user : userIds) {
        (teams.removeMember(workspaceId, team.id(), user) == 1 ? removed : notMembers).add(user);
      }
      return new MembershipChange(removed, notMembers);
    });
  }

  public Team setChannel(String workspaceId, Team team, String channelId) {
    store.teams().setChannel(workspaceId, team.id(), channelId);
    return reload(workspaceId, team);
  }

  public Team setSchedule(String workspaceId, Team team, WeeklySchedule schedule) {
    store.teams().setSchedule(workspaceId, team.id(), schedule);
    return reload(workspaceId, team);
  }

  /** Every team of the workspace with its members, by name. */
  public List<TeamWithMembers> list(String workspaceId) {
    TeamDao teams = store.teams();
    return teams.all(workspaceId).stream()
        .map(t -> new TeamWithMembers(t, teams.members(workspaceId, t.id())))
        .toList();
  }

  public List<String> members(String workspaceId, Team team) {
    return store.teams().members(workspaceId, team.id());
  }

  private Team reload(String workspaceId, Team team) {
    return store.teams().find(workspaceId, team.id()).orElseThrow();
  }
}
