package io.rapport.report;

import io.rapport.slack.views.SlackText;
import io.rapport.command.CommandArgs;
import io.rapport.command.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a manager asked {@code /relationship-report} for: whose accounts ({@link Kind}), named how
 * ({@code target}: a user id, channel id, team or account name — or, once resolved, a team or
 * account id) and over how many weeks. Parsing does no I/O.
 *
 * @param kind the shape of the scope
 * @param target the user id, channel id, name or id; empty for {@link Kind#DEFAULT}
 * @param weeks the length of the period, 1 to {@link #MAX_WEEKS}
 */
public record ReportScope(Kind kind, String target, int weeks) {
  public static final int DEFAULT_WEEKS = 8;
  public static final int MAX_WEEKS = 26;
  public static final String USAGE =
      "Usage: `/relationship-report [@rep | #channel | team NAME | account NAME] [weeks=N]`"
          + " — e.g. `/relationship-report team \"Enterprise East\" weeks=12`. Without a scope you"
          + " get your teams over the last " + DEFAULT_WEEKS + " weeks.";

  /** The shapes of scope. */
  public enum Kind {
    /** The requester's teams (every team for an admin). */
    DEFAULT,
    /** One rep's accounts. */
    REP,
    /** The team whose channel this is. */
    CHANNEL,
    /** One team, by name (or id once resolved). */
    TEAM,
    /** One account, by name (or id once resolved). */
    ACCOUNT
  }

  public ReportScope {
    target = target == null ? "" : target;
    if (weeks < 1 || weeks > MAX_WEEKS) {
      throw new IllegalArgumentException("weeks must be 1 to " + MAX_WEEKS);
    }
  }

  /** Parses the text of the command. */
  public static ReportScope parse(CommandArgs args) throws UsageException {
    int weeks = DEFAULT_WEEKS;
    boolean weeksSeen = false;
    List<CommandArgs.Arg> rest = new ArrayList<>();
    for (CommandArgs.Arg a : args.all()) {
      String v = a.value().toLowerCase(Locale.ROOT);
      if (!a.quoted() && v.startsWith("weeks=")) {
        if (weeksSeen) {
          throw new UsageException("`weeks=` is given twice. " + USAGE);
        }
        weeksSeen = true;
        weeks = parseWeeks(a.value().substring("weeks=".length()));
      } else {
        rest.add(a);
      }
    }
    if (rest.isEmpty()) {
      return new ReportScope(Kind.DEFAULT, "", weeks);
    }
    CommandArgs.Arg first = rest.get(0);
    if (first.userId().isPresent() || first.channelId().isPresent()) {
      if (rest.size() > 1) {
        throw new UsageException("Give one scope at a time. " + USAGE);
      }
      return first.userId().isPresent()
          ? new ReportScope(Kind.REP, first.userId().get(), weeks)
          : new ReportScope(Kind.CHANNEL, first.channelId().get(), weeks);
    }
    Kind kind = first.is("team") ? Kind.TEAM : first.is("account") ? Kind.ACCOUNT : null;
    if (kind == null) {
      throw new UsageException("I don't know \"" + SlackText.escape(SlackText.shorten(first.value(), 40)) + "\" as a scope. " + USAGE);
    }
    String name = name(rest.subList(1, rest.size()));
    if (name.isBlank()) {
      throw new UsageException(
          "Which " + kind.name().toLowerCase(Locale.ROOT) + "? Give its name after `"
              + SlackText.escape(SlackText.shorten(first.value(), 40)) + "`. " + USAGE);
    }
    return new ReportScope(kind, name, weeks);
  }

  private static String name(List<CommandArgs.Arg> parts) {
    List<String> words = new ArrayList<>();
    for (CommandArgs.Arg a : parts) {
      words.add(a.value());
    }
    return String.join(" ", words).strip();
  }

  private static int parseWeeks(String text) throws UsageException {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 1 && n <= MAX_WEEKS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "`weeks=` takes a whole number from 1 to " + MAX_WEEKS + ", got \"" + text + "\". " + USAGE);
  }

  public ReportScope withTarget(Kind newKind, String newTarget) {
    return new ReportScope(newKind, newTarget, weeks);
  }

  public ReportScope withWeeks(int newWeeks) {
    return new ReportScope(kind, target, newWeeks);
  }

  /** A compact form for button values and modal metadata: {@code kind:target:weeks}. */
  public String encode() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + target + ":" + weeks;
  }

  /** Reads {@link #encode()}'s form; a damaged value is an {@link IllegalArgumentException}. */
  public static ReportScope decode(String value) {
    if (value == null) {
      throw new IllegalArgumentException("no report scope");
    }
    int first = value.indexOf(':');
    int last = value.lastIndexOf(':');
    if (first < 0 || last <= first) {
      throw new IllegalArgumentException("not a report scope: " + value);
    }
    Kind kind = Kind.valueOf(value.substring(0, first).toUpperCase(Locale.ROOT));
    return new ReportScope(kind, value.substring(first + 1, last), Integer.parseInt(value.substring(last + 1)));
  }
}
