package io.rapport.checkin;

import io.rapport.domain.Account;
import io.rapport.domain.Horizon;
import io.rapport.domain.Tier;
import java.util.Optional;

/**
 * A change to an account's settings ({@code /accounts set NAME terms=30 horizon=season
 * mandated=yes margin=35 tier=key}); empty parts are left alone.
 */
public record AccountChange(
    Optional<Integer> agreedPaymentDays,
    Optional<Horizon> horizon,
    Optional<Boolean> mandated,
    Optional<Optional<Double>> listMarginPct,
    Optional<Tier> tier) {

  public static AccountChange none() {
    return new AccountChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean isEmpty() {
    return agreedPaymentDays.isEmpty() && horizon.isEmpty() && mandated.isEmpty()
        && listMarginPct.isEmpty() && tier.isEmpty();
  }

  /** The account with this change applied; the domain's checks name a field that is out of range. */
  public Account applyTo(Account a) {
    Account out = a;
    if (agreedPaymentDays.isPresent()) {
      out = out.withAgreedPaymentDays(agreedPaymentDays.get());
    }
    if (horizon.isPresent()) {
      out = out.withHorizon(horizon.get());
    }
    if (mandated.isPresent()) {
      out = out.withMandated(mandated.get());
    }
    if (listMarginPct.isPresent()) {
      out = out.withListMarginPct(listMarginPct.get().orElse(null));
    }
    if (tier.isPresent()) {
      out = out.withTier(tier.get());
    }
    return out;
  }
}
