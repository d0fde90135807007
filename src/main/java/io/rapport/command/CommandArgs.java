package io.rapport.command;

import io.rapport.slack.views.SlackText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a slash command split into arguments: whitespace separates them, double quotes
 * (straight or curly) keep a name with spaces together, and escaped mentions ({@code <@U123|name>},
 * {@code <#C123|name>}) are recognised. Only the ids of mentions are trusted; the {@code |name}
 * part is legacy and may be missing or stale.
 */
public final class CommandArgs {
  private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
  private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|[^>]*)?>");
  /** Slack's limit on a command's text is about 4,000 characters; anything longer is refused. */
  public static final int MAX_TEXT = 4000;

  /** One argument and where it started in the text. */
  public record Arg(String value, boolean quoted, int start) {
    public Optional<String> userId() {
      Matcher m = USER.matcher(value);
      return !quoted && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public Optional<String> channelId() {
      Matcher m = CHANNEL.matcher(value);
      return !quoted && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** True when the argument is {@code word} ignoring case (and not quoted). */
    public boolean is(String word) {
      return !quoted && value.equalsIgnoreCase(word);
    }
  }

  private final String text;
  private final List<Arg> args;

  private CommandArgs(String text, List<Arg> args) {
    this.text = text;
    this.args = args;
  }

  public static CommandArgs parse(String text) throws UsageException {
    String t = text == null ? "" : text.strip();
    if (t.length() > MAX_TEXT) {
      throw new UsageException("That is too long (" + t.length() + " characters); keep it under " + MAX_TEXT + ".");
    }
    List<Arg> args = new ArrayList<>();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (isOpeningQuote(c)) {
        int end = i + 1;
        while (end < t.length() && !isClosingQuote(t.charAt(end))) {
          end++;
        }
        if (end >= t.length()) {
          throw new UsageException("A quote is not closed: " + SlackText.escape(t.substring(start, Math.min(t.length(), start + 40))));
        }
        args.add(new Arg(t.substring(i + 1, end).strip(), true, start));
        i = end + 1;
      } else {
        int end = i;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
          end++;
        }
        args.add(new Arg(t.substring(i, end), false, start));
        i = end;
      }
    }
    return new CommandArgs(t, List.copyOf(args));
  }

  private static boolean isOpeningQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D';
  }

  private static boolean isClosingQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D';
  }

  public List<Arg> all() {
    return args;
  }

  public int size() {
    return args.size();
  }

  public boolean isEmpty() {
    return args.isEmpty();
  }

  public Arg get(int index) {
    return args.get(index);
  }

  public Optional<Arg> at(int index) {
    return index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
  }

  /**
   * The text from argument {@code index} to the end, for a name given last without quotes
   * ({@code /checkin Acme Pty Ltd}); a single quoted argument is returned without its quotes.
   */
  public String rest(int index) {
    if (index >= args.size()) {
      return "";
    }
    if (index == args.size() - 1 && args.get(index).quoted()) {
      return args.get(index).value();
    }
    return text.substring(args.get(index).start()).strip();
  }

  /** The whole text as typed (stripped). */
  public String text() {
    return text;
  }
}
