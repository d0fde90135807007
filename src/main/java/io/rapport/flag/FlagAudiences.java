package io.rapport.flag;

import io.rapport.domain.Team;
import io.rapport.insight.Audience;
import io.rapport.insight.Finding;
import io.rapport.insight.Pattern;
import io.rapport.store.Store;
import io.rapport.store.TeamAudienceDao;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who each finding of a team is for: the default table of {@link Audience}, with the patterns a
 * team's admin moved between the team channel and coaching ({@code /relationship-admin team NAME
 * flags team|coaching PATTERN…}). A choice applies to flags opened or updated from then on; a flag
 * that became private never goes back to a channel.
 */
public final class FlagAudiences {
  /** The audiences an admin may choose: the channel, or privately to the rep and manager. */
  public static final List<Audience> CHOOSABLE = List.of(Audience.TEAM, Audience.COACHING);

  private final Store store;
  private final Clock clock;

  public FlagAudiences(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  private TeamAudienceDao dao() {
    return store.jdbi().onDemand(TeamAudienceDao.class);
  }

  /** The patterns the team's admin moved, and where to. */
  public Map<Pattern, Audience> choicesOf(Optional<Team> team) {
    Map<Pattern, Audience> out = new EnumMap<>(Pattern.class);
    if (team.isEmpty()) {
      return out;
    }
    for (TeamAudienceDao.Choice c : dao().ofTeam(team.get().workspaceId(), team.get().id())) {
      Optional<Audience> a = Audience.parse(c.audience());
      try {
        a.ifPresent(audience -> out.put(Pattern.valueOf(c.pattern()), audience));
      } catch (IllegalArgumentException unknownPattern) {
        // a pattern of an older version: ignore it
      }
    }
    return out;
  }

  /** The audience of a finding on an account whose home team is {@code team}. */
  public Audience of(Optional<Team> team, Finding finding) {
    return Audience.of(finding, choicesOf(team));
  }

  /** What {@link #move} did: the patterns that moved, and those already there. */
  public record Moved(List<Pattern> changed, List<Pattern> unchanged) {}

  /**
   * Moves {@code patterns} to {@code audience} for the team (one of {@link #CHOOSABLE}); moving a
   * pattern back to its default forgets the choice.
   */
  public Moved move(Team team, Audience audience, List<Pattern> patterns) {
    if (!CHOOSABLE.contains(audience)) {
      throw new IllegalArgumentException("an admin chooses team or coaching, not " + audience.id());
    }
    Map<Pattern, Audience> before = choicesOf(Optional.of(team));
    List<Pattern> changed = new ArrayList<>();
    List<Pattern> unchanged = new ArrayList<>();
    long now = clock.millis();
    store.jdbi().useTransaction(h -> {
      TeamAudienceDao d = h.attach(TeamAudienceDao.class);
      for (Pattern p : patterns) {
        Audience current = before.getOrDefault(p, Audience.defaultOf(p));
        if (current == audience) {
          unchanged.add(p);
          continue;
        }
        d.clear(team.workspaceId(), team.id(), p.id());
        if (Audience.defaultOf(p) != audience) {
          d.insert(team.workspaceId(), team.id(), p.id(), audience.id(), now);
        }
        changed.add(p);
      }
    });
    return new Moved(changed, unchanged);
  }

  /** One pattern's audience for a team, for {@code policy show}. */
  public record Line(Pattern pattern, Audience audience, Audience defaultAudience) {
    public boolean chosen() {
      return audience != defaultAudience;
    }
  }

  /** Every pattern's audience for the team, in the order of {@link Pattern}. */
  public List<Line> linesOf(Team team) {
    Map<Pattern, Audience> choices = choicesOf(Optional.of(team));
    List<Line> lines = new ArrayList<>();
    for (Pattern p : Pattern.values()) {
      lines.add(new Line(p, choices.getOrDefault(p, Audience.defaultOf(p)), Audience.defaultOf(p)));
    }
    return lines;
  }
}
