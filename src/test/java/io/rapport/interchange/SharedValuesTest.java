package io.rapport.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Contacts;
import org.junit.jupiter.api.Test;

/**
 * A million check-ins share their small whole numbers and contact counts instead of boxing each
 * one anew, without ever changing a value: the shared range ends exactly at its limits.
 */
class SharedValuesTest {
  @Test
  void wholeNumbersFromZeroTo1024AreShared() {
    SharedValues shared = new SharedValues();
    for (double d : new double[] {0, 1, 40, 1024}) {
      Double first = shared.number(Double.valueOf(d));
      Double again = shared.number(Double.valueOf(d));

      assertThat(again).as("%s", d).isSameAs(first).isEqualTo(d);
    }
  }

  @Test
  void fractionsNegativeZeroAndNumbersFrom1025AreKeptAsGiven() {
    SharedValues shared = new SharedValues();
    shared.number(0.0);
    shared.number(7.0);
    for (double d : new double[] {1025, 7.5, 100_000}) {
      Double given = Double.valueOf(d);
      assertThat(shared.number(given)).as("%s", d).isSameAs(given);
    }
    Double negativeZero = Double.valueOf(-0.0);
    assertThat(shared.number(negativeZero)).isSameAs(negativeZero);
    assertThat(shared.number(null)).isNull();
  }

  @Test
  void contactCountsBelow32AreSharedAndNeverConfused() {
    SharedValues shared = new SharedValues();
    Contacts zeroAndThirtyOne = shared.contacts(0, 31);
    Contacts oneAndZero = shared.contacts(1, 0);
    Contacts thirtyOneAndThirtyOne = shared.contacts(31, 31);

    assertThat(shared.contacts(0, 31)).isSameAs(zeroAndThirtyOne);
    assertThat(shared.contacts(0, 0)).isSameAs(shared.contacts(0, 0));
    assertThat(shared.contacts(1, 0)).isSameAs(oneAndZero).isEqualTo(new Contacts(1, 0));
    assertThat(shared.contacts(31, 31)).isSameAs(thirtyOneAndThirtyOne);
  }

  @Test
  void contactCountsFrom32AreKeptApartAndCorrect() {
    SharedValues shared = new SharedValues();
    assertThat(shared.contacts(0, 32)).isEqualTo(new Contacts(0, 32));
    assertThat(shared.contacts(1, 0)).isEqualTo(new Contacts(1, 0));
    assertThat(shared.contacts(32, 0)).isEqualTo(new Contacts(32, 0));
    assertThat(shared.contacts(32, 32)).isEqualTo(new Contacts(32, 32));
    assertThat(shared.contacts(0, 32)).isNotSameAs(shared.contacts(0, 32));
    assertThat(shared.contacts(32, 0)).isNotSameAs(shared.contacts(32, 0));
  }
}
