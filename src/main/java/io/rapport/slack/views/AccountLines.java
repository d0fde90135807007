package io.rapport.slack.views;

import io.rapport.checkin.AccountStatus;
import io.rapport.domain.IsoWeek;
import io.rapport.insight.Health;

/** How one account reads in a list (App Home, {@code /accounts}, the picker): one short line. */
public final class AccountLines {
  private AccountLines() {}

  /** E.g. ":large_yellow_circle: *Acme* · watch 64 · last check-in 2026-W47 · 1 open flag". */
  public static String line(AccountStatus s, IsoWeek week, boolean showRep) {
    StringBuilder b = new StringBuilder();
    b.append(s.health().map(h -> emoji(h.band())).orElse(":white_circle:")).append(' ').append('*').append(SlackText.escape(s.account().name())).append('*');
    if (!s.account().isKey()) {
      b.append(" (standard)");
    }
    if (showRep) {
      b.append(" · <@").append(s.account().rep()).append('>');
    }
    b.append(" · ").append(s.health().map(h -> h.band().id() + " " + h.score()).orElse("no recent check-ins"));
    b.append(" · ").append(lastCheckIn(s, week));
    s.lastEditedBy().ifPresent(by -> b.append(" (").append(CheckInEditMessage.editedBy(by)).append(')'));
    if (s.openFlags() > 0) {
      b.append(" · :triangular_flag_on_post: ").append(s.openFlags())
          .append(s.openFlags() == 1 ? " open flag" : " open flags");
    }
    return b.toString();
  }

  /** The colour of a health band. */
  public static String emoji(Health.Band band) {
    return switch (band) {
      case HEALTHY -> ":large_green_circle:";
      case AT_RISK -> ":large_yellow_circle:";
      case UNHEALTHY -> ":red_circle:";
    };
  }

  static String lastCheckIn(AccountStatus s, IsoWeek week) {
    if (s.answeredThisWeek()) {
      return ":white_check_mark: checked in this week";
    }
    if (s.lastAnswered().isEmpty()) {
      return s.account().isKey() ? "no check-in yet" : "no check-in yet (not prompted)";
    }
    IsoWeek last = s.lastAnswered().get();
    long ago = last.weeksUntil(week);
    if (ago == 1) {
      return "last check-in last week";
    }
    String on = io.rapport.domain.WeekWords.weekOf(last, week.monday().getYear());
    return "last check-in " + on + (ago > 1 ? " (" + ago + " weeks ago)" : "");
  }

  /** A number without a needless ".0": 30, 2.5. */
  public static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** Cuts {@code s} to {@code max} characters with an ellipsis. */
  public static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
