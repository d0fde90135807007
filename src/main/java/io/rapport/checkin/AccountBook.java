package io.rapport.checkin;

import io.rapport.domain.DisplayText;
import io.rapport.domain.Account;
import io.rapport.domain.InvalidFieldException;
import io.rapport.domain.NameMatch;
import io.rapport.domain.Names;
import io.rapport.domain.Tier;
import io.rapport.store.AccountDao;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.NotAllowed;
import io.rapport.team.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The key accounts people may see and manage (SPEC §5 {@code /accounts}): a rep their own, a
 * manager their teams', an admin all of the workspace. Names match case-insensitively, a unique
 * prefix is enough; removal is soft so history is kept.
 */
public final class AccountBook {
  private final Store store;
  private final Access access;
  private final Clock clock;

  public AccountBook(Store store, Access access, Clock clock) {
    this.store = store;
    this.access = access;
    this.clock = clock;
  }

  /** The active accounts {@code userId} may see, by name. */
  public List<Account> visible(String workspaceId, String userId) {
    AccountDao accounts = store.accounts();
    if (access.isAdmin(workspaceId, userId)) {
      return accounts.active(workspaceId);
    }
    return accounts.activeOfReps(workspaceId, access.visibleReps(workspaceId, userId));
  }

  /** The caller's own active accounts. */
  public List<Account> own(String workspaceId, String userId) {
    return store.accounts().activeOfRep(workspaceId, userId);
  }

  /**
   * The visible account named {@code typed}. A name that matches none of them gets the uniform
   * {@link NotAllowed#NOT_YOURS}, whether or not someone else has an account by that name;
   * suggestions come only from the accounts the person may see.
   */
  public Account resolve(String workspaceId, String userId, String typed) {
    List<Account> visible = visible(workspaceId, userId);
    NameMatch<Account> match = NameMatch.of(typed, visible, Account::name);
    if (match.found().isPresent()) {
      return match.found().get();
    }
    if (match.isAmbiguous()) {
      throw new Refusal(notFound(match, visible));
    }
    throw new NotAllowed(notFound(match, visible));
  }

  /** The account with {@code id} if {@code userId} may manage it. */
  public Account byId(String workspaceId, String userId, String accountId) {
    Account account = store.accounts().findActive(workspaceId, accountId).orElseThrow(NotAllowed::notYours);
    if (!access.canManageAccount(workspaceId, userId, account)) {
      throw NotAllowed.notYours();
    }
    return account;
  }

  /** Adds a key (or standard) account for {@code repId} (the actor when null). */
  public Account add(String workspaceId, String actorId, String name, String repId, Tier tier) {
    String clean;
    try {
      clean = Names.displayable("name", name);
    } catch (InvalidFieldException e) {
      throw new Refusal("The account name " + e.reason() + ". Nothing was added.");
    }
    String rep = repId == null ? actorId : repId;
    if (!rep.equals(actorId) && !access.isAdmin(workspaceId, actorId)
        && !access.managesRep(workspaceId, actorId, rep)) {
      throw NotAllowed.notYours();
    }
    long now = clock.millis();
    Account account;
    try {
      account = new Account(Names.slug(clean), clean, rep, tier, Account.DEFAULT_PAYMENT_DAYS, null, false, null);
    } catch (InvalidFieldException e) {
      throw new Refusal("The account " + e.getMessage() + ".");
    }
    store.ensureWorkspace(workspaceId, now);
    String key = Names.key(clean);
    return store.jdbi().inTransaction(h -> {
      AccountDao accounts = h.attach(AccountDao.class);
      for (Account existing : accounts.activeByNamePrefix(workspaceId, key)) {
        if (Names.key(existing.name()).equals(key)) {
          throw new Refusal(duplicate(workspaceId, actorId, existing));
        }
      }
      String id = account.id();
      for (int n = 2; accounts.idCount(workspaceId, id) > 0; n++) {
        id = account.id() + "-" + n;
      }
      Account stored = new Account(id, account.name(), account.rep(), account.tier(),
          account.agreedPaymentDays(), account.horizon(), account.mandated(), account.listMarginPct());
      accounts.upsert(workspaceId, stored, now);
      return stored;
    });
  }

  /** Removes (soft-deletes) the named account; its history is kept. */
  public Account remove(String workspaceId, String actorId, String typed) {
    Account account = resolve(workspaceId, actorId, typed);
    store.accounts().remove(workspaceId, account.id(), clock.millis());
    return account;
  }

  /** Changes the named account's settings. */
  public Account update(String workspaceId, String actorId, String typed, AccountChange change) {
    Account account = resolve(workspaceId, actorId, typed);
    Account changed;
    try {
      changed = change.applyTo(account);
    } catch (InvalidFieldException e) {
      throw new Refusal("Nothing changed: " + SettingNames.of(e.field()) + " " + e.reason() + ".");
    }
    store.accounts().upsert(workspaceId, changed, clock.millis());
    return changed;
  }

  /** The refusal of a second account with the same name; its rep is named only to those who may see it. */
  private String duplicate(String workspaceId, String actorId, Account existing) {
    if (existing.rep().equals(actorId)) {
      return "There is already an account called *" + DisplayText.quote(existing.name()) + "* (it is yours).";
    }
    if (access.canManageAccount(workspaceId, actorId, existing)) {
      return "There is already an account called *" + DisplayText.quote(existing.name()) + "* (rep <@"
          + existing.rep() + ">).";
    }
    return "Rapport already keeps an account by that name, so it did not add another. If it should be"
        + " yours, ask your manager or one of Rapport's admins.";
  }

  private static String notFound(NameMatch<Account> match, List<Account> visible) {
    if (visible.isEmpty()) {
      return NotAllowed.NOT_YOURS + " You have no accounts yet: add one with `/accounts add NAME`.";
    }
    String q = "*" + DisplayText.quote(match.query()) + "*";
    if (match.isAmbiguous()) {
      return "More than one of your accounts starts with " + q + ": " + names(match.candidates())
          + ". Type more of the name.";
    }
    if (!match.candidates().isEmpty()) {
      return q + " is not one of your accounts. Did you mean " + names(match.candidates()) + "?";
    }
    return NotAllowed.NOT_YOURS;
  }

  private static String names(List<Account> accounts) {
    return accounts.stream().map(a -> "*" + DisplayText.quote(a.name()) + "*").collect(Collectors.joining(", "));
  }


  /** The words people type in {@code /accounts set} for the domain's field names. */
  static final class SettingNames {
    private SettingNames() {}

    static String of(String field) {
      return switch (field) {
        case "agreedPaymentDays" -> "terms";
        case "listMarginPct" -> "margin";
        default -> field.toLowerCase(Locale.ROOT);
      };
    }
  }
}
