package io.rapport.slack.listeners.commands.admin;

import io.rapport.command.CommandArgs;
import io.rapport.flag.FlagAudiences;
import io.rapport.insight.Audience;
import io.rapport.insight.Pattern;
import io.rapport.command.CommandArgs.Arg;
import io.rapport.command.UsageException;
import io.rapport.slack.views.FlagAudienceView;
import io.rapport.slack.views.SlackText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /relationship-admin team NAME flags team|coaching PATTERN…}: moves patterns between the
 * team's channel and coaching (privately to the rep and the manager) for one team. The team router
 * finds the team and checks admin rights; this verb checks its words (the audience and every
 * pattern id) before anything changes, so a mistake changes nothing.
 */
public final class FlagsTeamVerb implements TeamVerb {
  private final FlagAudiences audiences;

  public FlagsTeamVerb(FlagAudiences audiences) {
    this.audiences = audiences;
  }

  @Override
  public String word() {
    return "flags";
  }

  @Override
  public List<String> usage() {
    return List.of("team NAME flags team|coaching PATTERN… (e.g. flags team BROKEN_PROMISES)");
  }

  @Override
  public Change plan(List<Arg> args) throws UsageException {
    if (args.isEmpty()) {
      throw new UsageException("Say `team` (the team's channel) or `coaching` (privately to the rep and the"
          + " manager), then the patterns.");
    }
    Optional<Audience> audience = Audience.parse(args.get(0).value()).filter(FlagAudiences.CHOOSABLE::contains);
    if (audience.isEmpty()) {
      throw new UsageException("`" + SlackText.escapeShortened(args.get(0).value(), 40) + "`? Say `team` (the"
          + " team's channel) or `coaching` (privately to the rep and the manager).");
    }
    if (args.size() < 2) {
      throw new UsageException("Name at least one pattern, e.g. `QUOTA_PRESSURE`. The patterns: " + ids() + ".");
    }
    LinkedHashSet<Pattern> patterns = new LinkedHashSet<>();
    for (Arg a : args.subList(1, args.size())) {
      patterns.add(pattern(a.value()));
    }
    List<Pattern> chosen = new ArrayList<>(patterns);
    return (ws, team) -> FlagAudienceView.moved(team, audience.get(), audiences.move(team, audience.get(), chosen));
  }

  private static Pattern pattern(String word) throws UsageException {
    String id = word.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return Pattern.valueOf(id);
    } catch (IllegalArgumentException e) {
      throw new UsageException("`" + SlackText.escapeShortened(word, 40) + "` is not a pattern. The patterns: "
          + ids() + ".");
    }
  }

  private static String ids() {
    List<String> ids = new ArrayList<>();
    for (Pattern p : Pattern.values()) {
      ids.add("`" + p.id() + "`");
    }
    return String.join(", ", ids);
  }
}
