package io.rapport.slack.listeners.commands;

import io.rapport.command.UsageException;
import io.rapport.command.CommandArgs;
import io.rapport.slack.views.SlackText;
import io.rapport.checkin.AccountBook;
import io.rapport.checkin.AccountChange;
import io.rapport.checkin.AccountOverview;
import io.rapport.domain.Account;
import io.rapport.domain.Horizon;
import io.rapport.domain.InvalidFieldException;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import io.rapport.slack.AfterAck;
import io.rapport.command.CommandArgs.Arg;
import io.rapport.slack.views.AccountLines;
import io.rapport.slack.views.AccountListView;
import io.rapport.slack.views.Reply;
import io.rapport.team.Access;
import io.rapport.team.UserTimeZones;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /accounts}: lists the caller's accounts (a manager's teams', an admin's workspace) with
 * last check-in and open flags; {@code add}, {@code remove} and {@code set} manage them. Every
 * argument is checked before the ack; a mistake gets the usage line saying what was wrong.
 */
public final class AccountsCommand extends DeferredCommand {
  public static final String COMMAND = "/accounts";

  private final AccountBook accounts;
  private final AccountOverview overview;
  private final Access access;
  private final UserTimeZones timeZones;

  public AccountsCommand(AfterAck afterAck, AccountBook accounts, AccountOverview overview, Access access,
      UserTimeZones timeZones) {
    super(afterAck);
    this.accounts = accounts;
    this.overview = overview;
    this.access = access;
    this.timeZones = timeZones;
  }

  @Override
  protected Work plan(CommandRequest request) throws UsageException {
    CommandArgs args = request.args();
    String ws = request.workspaceId();
    String user = request.userId();
    if (args.isEmpty() || (args.size() == 1 && args.get(0).is("list"))) {
      return Politely.run(() -> list(ws, user));
    }
    Arg verb = args.get(0);
    if (verb.is("help")) {
      throw new UsageException("*Usage:*\n" + AccountListView.USAGE);
    }
    if (verb.is("add")) {
      return planAdd(ws, user, args);
    }
    if (verb.is("remove")) {
      String name = name(args, 1, args.size(), "remove");
      return Politely.run(() -> {
        Account removed = accounts.remove(ws, user, name);
        return Reply.text("Removed *" + SlackText.escape(removed.name()) + "*. Its check-ins are kept;"
            + " add it again any time with `/accounts add`.");
      });
    }
    if (verb.is("set")) {
      return planSet(ws, user, args);
    }
    throw usage("I don't know `/accounts " + SlackText.escape(AccountLines.cut(verb.value(), 40)) + "`.");
  }

  private Reply list(String ws, String user) {
    IsoWeek week = timeZones.currentWeek(ws, user);
    List<Account> visible = accounts.visible(ws, user);
    boolean others = visible.stream().anyMatch(a -> !a.rep().equals(user));
    String title = access.isAdmin(ws, user) ? "All accounts" : others ? "Your teams' accounts" : "Your accounts";
    return AccountListView.list(title,
        overview.statuses(ws, visible, week).stream().sorted(AccountOverview.WORST_FIRST).toList(),
        week, others);
  }

  private Work planAdd(String ws, String user, CommandArgs args) throws UsageException {
    int end = args.size();
    String rep = null;
    Tier tier = null;
    while (end > 1) {
      Arg last = args.get(end - 1);
      Optional<String> mention = last.userId();
      if (mention.isPresent() && rep == null) {
        rep = mention.get();
      } else if ((last.is("key") || last.is("standard")) && tier == null) {
        tier = Tier.parse("tier", last.value());
      } else {
        break;
      }
      end--;
    }
    String name = name(args, 1, end, "add");
    checkNoStrayMentions(args, 1, end);
    String forRep = rep;
    Tier asTier = tier == null ? Tier.KEY : tier;
    return Politely.run(() -> {
      Account added = accounts.add(ws, user, name, forRep, asTier);
      return Reply.text("Added *" + SlackText.escape(added.name()) + "* as a " + added.tier().id() + " account"
          + (added.rep().equals(user) ? "" : " for <@" + added.rep() + ">") + "."
          + (added.isKey() ? " It will be in the weekly check-in." : " It is not prompted weekly, but you can"
              + " check it in any time with `/checkin`."));
    });
  }

  private Work planSet(String ws, String user, CommandArgs args) throws UsageException {
    int end = args.size();
    Optional<Integer> terms = Optional.empty();
    Optional<Horizon> horizon = Optional.empty();
    Optional<Boolean> mandated = Optional.empty();
    Optional<Optional<Double>> margin = Optional.empty();
    Optional<Tier> tier = Optional.empty();
    while (end > 1 && !args.get(end - 1).quoted() && args.get(end - 1).value().contains("=")) {
      String setting = args.get(end - 1).value();
      int eq = setting.indexOf('=');
      String key = setting.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = setting.substring(eq + 1);
      if (value.isEmpty()) {
        throw usage("`" + SlackText.escape(AccountLines.cut(setting, 40)) + "` has no value after `=`.");
      }
      try {
        switch (key) {
          case "terms" -> terms = Optional.of(wholeNumber(key, value));
          case "horizon" -> horizon = Optional.of(Horizon.parse("horizon", value));
          case "mandated" -> mandated = Optional.of(yesNo(value));
          case "margin" -> margin = Optional.of(value.equalsIgnoreCase("none") ? Optional.empty()
              : Optional.of(decimal(key, value)));
          case "tier" -> tier = Optional.of(Tier.parse("tier", value));
          default -> throw usage("I don't know the setting `" + SlackText.escape(AccountLines.cut(key, 30))
              + "`; use terms, horizon, mandated, margin or tier.");
        }
      } catch (InvalidFieldException e) {
        throw usage("`" + SlackText.escape(AccountLines.cut(setting, 40)) + "`: " + key + " " + e.reason() + ".");
      }
      end--;
    }
    String name = name(args, 1, end, "set");
    AccountChange change = new AccountChange(terms, horizon, mandated, margin, tier);
    if (change.isEmpty()) {
      throw usage("Say what to change, e.g. `/accounts set \"" + SlackText.escape(AccountLines.cut(name, 40)) + "\" terms=30`.");
    }
    try {
      change.applyTo(Account.of("check", "check", "check"));
    } catch (InvalidFieldException e) {
      String field = e.field().equals("agreedPaymentDays") ? "terms" : e.field().equals("listMarginPct") ? "margin" : e.field();
      throw usage(field + " " + e.reason() + ".");
    }
    return Politely.run(() -> {
      Account a = accounts.update(ws, user, name, change);
      return Reply.text("Updated *" + SlackText.escape(a.name()) + "*: terms " + a.agreedPaymentDays()
          + " days · horizon " + a.horizon().id() + " · " + (a.mandated() ? "mandated" : "not mandated")
          + " · margin " + (a.listMarginPct() == null ? "not set" : AccountLines.number(a.listMarginPct()) + "%")
          + " · " + a.tier().id() + ".");
    });
  }

  /** The account name made of args {@code [from, to)}: one (quoted) argument, or several bare words. */
  private static String name(CommandArgs args, int from, int to, String verb) throws UsageException {
    if (to <= from) {
      throw usage("`/accounts " + verb + "` needs the account's name.");
    }
    String name;
    if (to - from == 1) {
      name = args.get(from).value();
    } else {
      for (int i = from; i < to; i++) {
        if (args.get(i).quoted()) {
          throw usage("Put the whole account name in one pair of quotes, e.g. `\"Acme Pty Ltd\"`.");
        }
      }
      Arg last = args.get(to - 1);
      name = args.text().substring(args.get(from).start(), last.start() + last.value().length());
    }
    name = name.strip();
    if (name.isEmpty()) {
      throw usage("`/accounts " + verb + "` needs the account's name.");
    }
    if (name.length() > Account.MAX_NAME_LENGTH) {
      throw usage("That name is " + name.length() + " characters long; account names have at most "
          + Account.MAX_NAME_LENGTH + ".");
    }
    return name;
  }

  private static void checkNoStrayMentions(CommandArgs args, int from, int to) throws UsageException {
    for (int i = from; i < to; i++) {
      Arg a = args.get(i);
      if (a.userId().isPresent() || a.channelId().isPresent()) {
        throw usage("Give the rep after the name, e.g. `/accounts add \"Acme Pty Ltd\" @rep key`.");
      }
    }
  }

  private static int wholeNumber(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(key, "must be a whole number of days, like 30");
    }
  }

  private static double decimal(String key, String value) {
    try {
      double d = Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException(value);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(key, "must be a percentage like 35, or none");
    }
  }

  private static boolean yesNo(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true", "on" -> true;
      case "no", "n", "false", "off" -> false;
      default -> throw new InvalidFieldException("mandated", "must be yes or no");
    };
  }

  private static UsageException usage(String what) {
    return new UsageException(what + "\n*Usage:*\n" + AccountListView.USAGE);
  }
}
