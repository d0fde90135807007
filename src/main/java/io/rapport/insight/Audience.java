package io.rapport.insight;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who a finding is for. The one table of which pattern goes where by default is {@link #TABLE};
 * a team's admin may move a pattern between {@link #TEAM} and {@link #COACHING} (the flag
 * package keeps those choices), and delivery asks for the result. docs/FLAGS.md gives the reasons
 * for every row.
 */
public enum Audience {
  /**
   * How the client behaves: posted in the team's channel for the team to discuss. Never carries
   * the rep's notes or admissions.
   */
  TEAM,
  /**
   * The rep's own choices or admissions: sent privately to the rep and the team's manager (admins
   * may act on it too), never to a channel.
   */
  COACHING,
  /**
   * Possible misconduct on our side toward the client (charged twice, misled): sent privately to
   * the team's manager only, who looks into it first.
   */
  MANAGER;

  /** Where each pattern goes when nothing about the finding or the team says otherwise. */
  private static final Map<Pattern, Audience> TABLE = new EnumMap<>(Pattern.class);

  static {
    // The client's conduct: the team discusses it.
    TABLE.put(Pattern.TERMS_DICTATED, TEAM);
    TABLE.put(Pattern.ABUSIVE, TEAM);
    TABLE.put(Pattern.BIG_BROTHER, TEAM);
    TABLE.put(Pattern.HOSTAGE, TEAM);
    TABLE.put(Pattern.MASTER_SERVANT, TEAM);
    // Broken promises by the client are a team matter; a finding counting promises broken by us
    // rests on the rep's admission and is coaching (Finding#admitted).
    TABLE.put(Pattern.BROKEN_PROMISES, TEAM);
    // The rep's own choices: coaching.
    TABLE.put(Pattern.QUOTA_PRESSURE, COACHING);
    TABLE.put(Pattern.WORKING_FOR_THE_CLIENT, COACHING);
    TABLE.put(Pattern.FRIENDSHIP_OVER_PROFIT, COACHING);
    TABLE.put(Pattern.PROFESSIONAL_VISITOR, COACHING);
    TABLE.put(Pattern.OVER_SERVICING, COACHING);
    TABLE.put(Pattern.WIN_LOSE, COACHING);
    // Our own conduct toward the client: the manager looks into it first.
    TABLE.put(Pattern.EXPLOITATIVE, MANAGER);
    if (TABLE.size() != Pattern.values().length) {
      throw new ExceptionInInitializerError("every pattern needs an audience");
    }
  }

  /** The stored and typed id, e.g. {@code coaching}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Private audiences never reach a channel. */
  public boolean isPrivate() {
    return this != TEAM;
  }

  /** The audience of {@code id} ({@code team}, {@code coaching}, {@code manager}), any case. */
  public static Optional<Audience> parse(String id) {
    if (id == null) {
      return Optional.empty();
    }
    for (Audience a : values()) {
      if (a.id().equalsIgnoreCase(id.trim())) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The pattern's default audience, from the table. */
  public static Audience defaultOf(Pattern pattern) {
    return TABLE.get(pattern);
  }

  /**
   * The audience of a finding by default: the pattern's, except that a finding resting on what
   * the rep admitted about our own side is never a team matter.
   */
  public static Audience of(Finding finding) {
    Audience byPattern = defaultOf(finding.pattern());
    return finding.admitted() && byPattern == TEAM ? COACHING : byPattern;
  }

  /**
   * The audience of a finding for a team whose admin moved some patterns: the team's choice for
   * the pattern wins (an admin's explicit decision, shown in {@code policy show}); otherwise
   * {@link #of(Finding)}.
   */
  public static Audience of(Finding finding, Map<Pattern, Audience> teamChoices) {
    Audience chosen = teamChoices.get(finding.pattern());
    return chosen != null ? chosen : of(finding);
  }
}
