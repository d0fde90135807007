package io.rapport.flag;

import io.rapport.domain.Flag;
import io.rapport.domain.Team;
import io.rapport.insight.Audience;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a flag's messages go, decided from its audience and its team alone (no I/O): a channel, or
 * a conversation Rapport opens with some people.
 *
 * <ul>
 *   <li>team: the team's channel; without one, the manager's DM;
 *   <li>coaching: one private conversation of the rep, the team's manager and Rapport (the rep
 *       alone while the team has no manager); never a channel;
 *   <li>manager: the manager's DM; never a channel, and waits while the team has no manager.
 * </ul>
 *
 * Without a team nothing is posted yet (the flag waits, as before). An audience that cannot be
 * read is treated as manager-only: a mistake keeps a flag private rather than making it public.
 *
 * @param channelId the channel to post in, or null to open a conversation with {@code users}
 * @param users the people of the conversation to open (besides Rapport)
 */
public record FlagRoute(String channelId, List<String> users) {

  public FlagRoute {
    users = List.copyOf(users);
  }

  /** True when the destination is a conversation with people rather than a channel. */
  public boolean isConversation() {
    return channelId == null;
  }

  public static Optional<FlagRoute> of(Flag flag, Optional<Team> team) {
    if (team.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> manager = team.get().managerId();
    // An audience that cannot be read fails closed: the manager alone, never a channel.
    Audience audience = Audience.parse(flag.audience()).orElse(Audience.MANAGER);
    return switch (audience) {
      case TEAM -> team.get().channelId().map(c -> new FlagRoute(c, List.of()))
          .or(() -> manager.map(m -> new FlagRoute(null, List.of(m))));
      case COACHING -> {
        List<String> users = new ArrayList<>();
        users.add(flag.repId());
        manager.filter(m -> !m.equals(flag.repId())).ifPresent(users::add);
        yield Optional.of(new FlagRoute(null, users));
      }
      case MANAGER -> manager.map(m -> new FlagRoute(null, List.of(m)));
    };
  }
}
