package io.rapport.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.Horizon;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Tier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterchangeReaderTest {
  private static final String ACME =
      "{\"id\":\"acme\",\"name\":\"Acme Pty Ltd\",\"rep\":\"U1\"}";

  private static Interchange read(String json) throws IOException {
    return new InterchangeReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String file(String accounts, String checkins) {
    return "{\"accounts\":[" + accounts + "],\"checkins\":[" + checkins + "]}";
  }

  private static void assertRejected(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(InterchangeException.class).hasMessage(message);
  }

  @Test
  void aContactsObjectWithOneCountLeavesTheOtherNotReportedNeitherZeroNorAnError() throws IOException {
    Interchange data = read(file(ACME,
        "{\"account\":\"acme\",\"week\":\"2026-W40\",\"contacts\":{\"business\":1}},"
            + "{\"account\":\"acme\",\"week\":\"2026-W41\",\"contacts\":{\"social\":3}},"
            + "{\"account\":\"acme\",\"week\":\"2026-W42\",\"contacts\":{}}"));

    assertThat(data.checkIns().get(0).contacts().business()).isEqualTo(1);
    assertThat(data.checkIns().get(0).contacts().social()).isNull();
    assertThat(data.checkIns().get(1).contacts().business()).isNull();
    assertThat(data.checkIns().get(1).contacts().social()).isEqualTo(3);
    assertThat(data.checkIns().get(2).contacts()).as("an empty object reports nothing").isNull();
  }

  @Test
  void readsAccountsWithDefaultsAndCheckInsWithEverySignal() throws IOException {
    Interchange data =
        read(
            file(
                ACME + ",{\"id\":\"b\",\"name\":\"B\",\"rep\":\"U2\",\"tier\":\"standard\",\"agreedPaymentDays\":45,"
                    + "\"horizon\":\"lifetime\",\"mandated\":true,\"listMarginPct\":22.5}",
                "{\"account\":\"acme\",\"rep\":\"U9\",\"week\":\"2026-W41\",\"contacts\":{\"business\":2,\"social\":1},"
                    + "\"serviceHours\":6.5,\"unpaidHours\":2,\"outcome\":\"won\",\"revenueWon\":12000,"
                    + "\"discountPct\":10,\"freebies\":false,\"quotaPressure\":true,\"clientConduct\":\"demanding\","
                    + "\"promisesBrokenByClient\":1,\"promisesBrokenByUs\":0,\"paymentDays\":64,"
                    + "\"billingDispute\":false,\"valueRating\":4,\"note\":\"ok\"}"));

    assertThat(data.accounts())
        .containsExactly(
            Account.of("acme", "Acme Pty Ltd", "U1"),
            new Account("b", "B", "U2", Tier.STANDARD, 45, Horizon.LIFETIME, true, 22.5));
    CheckIn c = data.checkIns().get(0);
    assertThat(c.week()).isEqualTo(IsoWeek.parse("2026-W41"));
    assertThat(c.contacts().business()).isEqualTo(2);
    assertThat(c.serviceHours()).isEqualTo(6.5);
    assertThat(c.paymentDays()).isEqualTo(64);
    assertThat(c.note()).isEqualTo("ok");
    assertThat(data.latestWeek()).contains(IsoWeek.parse("2026-W41"));
  }

  @Test
  void theLaterCheckInForAnAccountAndWeekWins() throws IOException {
    Interchange data =
        read(
            file(
                ACME,
                "{\"account\":\"acme\",\"week\":\"2026-W41\",\"paymentDays\":30},"
                    + "{\"account\":\"acme\",\"week\":\"2026-W40\",\"paymentDays\":31},"
                    + "{\"account\":\"acme\",\"week\":\"2026-W41\",\"paymentDays\":64}"));

    assertThat(data.checkIns()).extracting(CheckIn::paymentDays).containsExactly(31, 64);
  }

  @Test
  void aByteOrderMarkIsAccepted() throws IOException {
    byte[] body = file(ACME, "").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    Interchange data = new InterchangeReader().read(new ByteArrayInputStream(withBom));

    assertThat(data.accounts()).hasSize(1);
  }

  @Test
  void checkInsMayComeBeforeTheirAccounts() throws IOException {
    Interchange data =
        read("{\"checkins\":[{\"account\":\"acme\",\"week\":\"2026-W41\"}],\"accounts\":[" + ACME + "]}");

    assertThat(data.checkInCount()).isEqualTo(1);
  }

  @Test
  void outOfRangeValuesNameTheRecordAndTheField() {
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W40\"},{\"account\":\"acme\",\"week\":\"2026-W41\",\"discountPct\":150}"),
        "checkins[1] (account \"acme\", week 2026-W41): discountPct: must be between 0 and 100, got 150");
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W41\",\"serviceHours\":2,\"unpaidHours\":3}"),
        "checkins[0] (account \"acme\", week 2026-W41): unpaidHours: must not exceed serviceHours (3 unpaid of 2 service hours)");
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W60\"}"),
        "checkins[0] (account \"acme\", week 2026-W60): week: 2026 has weeks W01 to W53, not W60");
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W41\",\"revenueWon\":-5}"),
        "checkins[0] (account \"acme\", week 2026-W41): revenueWon: must be a number of 0 or more, got -5.0");
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W41\",\"contacts\":{\"business\":-1,\"social\":0}}"),
        "checkins[0] (account \"acme\", week 2026-W41): contacts.business: must be 0 or more, got -1");
    assertRejected(
        file("{\"id\":\"x\",\"name\":\"X\",\"rep\":\"U1\",\"agreedPaymentDays\":-3}", ""),
        "accounts[0] (id \"x\"): agreedPaymentDays: must be between 0 and 365, got -3");
  }

  @Test
  void wrongTypesAndUnknownFieldsNameTheRecordEvenWhenItsIdComesLater() {
    assertRejected(
        file(ACME, "{\"paymentDays\":\"sixty\",\"account\":\"acme\",\"week\":\"2026-W41\"}"),
        "checkins[0] (account \"acme\", week 2026-W41): paymentDays: must be a whole number, got \"sixty\"");
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W41\",\"paymentDays\":60.5}"),
        "checkins[0] (account \"acme\", week 2026-W41): paymentDays: must be a whole number, got 60.5");
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W41\",\"freebies\":\"yes\"}"),
        "checkins[0] (account \"acme\", week 2026-W41): freebies: must be true or false, got \"yes\"");
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W41\",\"mood\":\"great\"}"),
        "checkins[0] (account \"acme\", week 2026-W41): mood: unknown field; known fields are account, rep, week, contacts,"
            + " serviceHours, unpaidHours, outcome, revenueWon, discountPct, freebies, quotaPressure, clientConduct,"
            + " promisesBrokenByClient, promisesBrokenByUs, paymentDays, billingDispute, valueRating, note");
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W41\",\"outcome\":\"maybe\"}"),
        "checkins[0] (account \"acme\", week 2026-W41): outcome: must be one of none, progressed, won, lost, got \"maybe\"");
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W41\",\"note\":\"a\",\"note\":\"b\"}"),
        "checkins[0] (account \"acme\", week 2026-W41): note: appears twice in the record");
    assertRejected(file(ACME, "42"), "checkins[0]: must be an object, got a number");
  }

  @Test
  void duplicateAccountsAndUnknownAccountsAreRefused() {
    assertRejected(
        file(ACME + "," + ACME, ""), "accounts[1] (id \"acme\"): id: duplicate of accounts[0]");
    assertRejected(
        file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W41\"},{\"account\":\"ghost\",\"week\":\"2026-W41\"}"),
        "checkins[1] (account \"ghost\", week 2026-W41): account: no account with id \"ghost\" in \"accounts\"");
    assertRejected(
        "{\"checkins\":[{\"account\":\"acme\",\"week\":\"2026-W41\"},{\"account\":\"ghost\",\"week\":\"2026-W40\"}],"
            + "\"accounts\":[" + ACME + "]}",
        "checkins[1] (account \"ghost\", week 2026-W40): account: no account with id \"ghost\" in \"accounts\"");
    assertRejected(
        file("{\"id\":\"x\",\"rep\":\"U1\"}", ""), "accounts[0] (id \"x\"): name: is required");
  }

  @Test
  void emptyTruncatedAndMalformedFilesAreRefused() {
    assertRejected("", "the file is empty; expected {\"accounts\":[…],\"checkins\":[…]}");
    assertRejected("   \n", "the file is empty; expected {\"accounts\":[…],\"checkins\":[…]}");
    assertRejected("[]", "the file must be one JSON object {\"accounts\":[…],\"checkins\":[…]}, but starts with an array");
    assertRejected(
        "{\"accounts\":[" + ACME + "],\"checkins\":[{\"account\":\"acme\",\"week\":\"2026-W4",
        "checkins[0]: the file ends unexpectedly (truncated?)");
    assertRejected("{\"accounts\":[" + ACME, "accounts[0]: the file ends unexpectedly (truncated?)");
    assertRejected("{\"accounts\":[],\"people\":[]}", "unknown top-level field \"people\"; expected {\"accounts\":[…],\"checkins\":[…]}");
    assertRejected("{\"accounts\":[]} {}", "unexpected content after the end of the top-level object");
    assertThatThrownBy(() -> read("{\"accounts\":[{\"id\":'x'}]}"))
        .isInstanceOf(InterchangeException.class)
        .hasMessageStartingWith("accounts[0]: invalid JSON at line 1, column");
  }

  @Test
  void aHandlerReceivesRecordsInFileOrderWithTheirIndexes() throws IOException {
    List<String> seen = new ArrayList<>();
    new InterchangeReader()
        .read(
            new ByteArrayInputStream(
                file(ACME, "{\"account\":\"acme\",\"week\":\"2026-W41\"},{\"account\":\"acme\",\"week\":\"2026-W40\"}")
                    .getBytes(StandardCharsets.UTF_8)),
            new InterchangeHandler() {
              @Override
              public void account(int index, Account account) {
                seen.add("account " + index + " " + account.id());
              }

              @Override
              public void checkIn(int index, CheckIn checkIn) {
                seen.add("checkin " + index + " " + checkIn.week());
              }
            });

    assertThat(seen).containsExactly("account 0 acme", "checkin 0 2026-W41", "checkin 1 2026-W40");
  }
}
