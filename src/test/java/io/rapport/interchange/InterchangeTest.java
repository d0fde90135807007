package io.rapport.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content of a book: one check-in per account and week, in week order, the later one winning. */
class InterchangeTest {
  private static final Account ACME = Account.of("acme", "Acme", "U1");
  private static final Account BETA = Account.of("beta", "Beta", "U2");
  private static final IsoWeek W40 = IsoWeek.parse("2026-W40");
  private static final IsoWeek W41 = IsoWeek.parse("2026-W41");
  private static final IsoWeek W45 = IsoWeek.parse("2026-W45");

  private static CheckIn paid(String account, IsoWeek week, int days) {
    return CheckIn.builder(account, week).paymentDays(days).build();
  }

  @Test
  void aSecondCheckInForTheSameWeekReplacesTheFirstEvenWhenTheyComeInOrder() {
    Interchange data = Interchange.of(List.of(ACME), List.of(paid("acme", W41, 30), paid("acme", W41, 64)));

    assertThat(data.checkIns()).extracting(CheckIn::paymentDays).containsExactly(64);
    assertThat(data.checkInCount()).isEqualTo(1);
  }

  @Test
  void checkInsAreGroupedByAccountInAccountOrderAndSortedByWeek() {
    Interchange data =
        Interchange.of(
            List.of(BETA, ACME),
            List.of(paid("acme", W41, 1), paid("beta", W45, 2), paid("acme", W40, 3), paid("beta", W40, 4)));

    assertThat(data.checkInsByAccount().keySet()).containsExactly("beta", "acme");
    assertThat(data.checkInsByAccount().get("acme")).extracting(CheckIn::week).containsExactly(W40, W41);
    assertThat(data.checkIns()).extracting(CheckIn::paymentDays).containsExactly(4, 2, 3, 1);
    assertThat(data.checkInCount()).isEqualTo(4);
  }

  @Test
  void theLatestWeekIsTheLatestOfAnyAccountNotOfTheLastOne() {
    Interchange data =
        Interchange.of(
            List.of(BETA, ACME, Account.of("quiet", "Quiet", "U3")),
            List.of(paid("beta", W45, 1), paid("acme", W41, 2)));

    assertThat(data.latestWeek()).contains(W45);
    assertThat(Interchange.of(List.of(ACME), List.of()).latestWeek()).isEmpty();
  }

  @Test
  void twoBooksAreEqualOnlyWithTheSameAccountsAndCheckIns() {
    Interchange one = Interchange.of(List.of(ACME), List.of(paid("acme", W41, 30)));
    Interchange same = Interchange.of(List.of(ACME), List.of(paid("acme", W41, 30)));
    Interchange otherCheckIn = Interchange.of(List.of(ACME), List.of(paid("acme", W41, 31)));
    Interchange otherAccount = Interchange.of(List.of(ACME.withRep("U7")), List.of(paid("acme", W41, 30)));

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(one).isNotEqualTo(otherCheckIn).isNotEqualTo(otherAccount).isNotEqualTo("acme");
    assertThat(one.hashCode()).isNotEqualTo(otherCheckIn.hashCode());
    assertThat(one).hasToString("Interchange[1 accounts, 1 check-ins]");
  }

  @Test
  void buildingABookAppliesTheReadersRules() {
    assertThatThrownBy(() -> Interchange.of(List.of(ACME, ACME), List.of()))
        .isInstanceOf(InterchangeException.class)
        .hasMessage("accounts[1] (id \"acme\"): id: duplicate of accounts[0]");
    assertThatThrownBy(() -> Interchange.of(List.of(ACME), List.of(paid("acme", W40, 1), paid("ghost", W41, 2))))
        .isInstanceOf(InterchangeException.class)
        .hasMessage("checkins[1] (account \"ghost\", week 2026-W41): account: no account with id \"ghost\" in \"accounts\"");
  }
}
