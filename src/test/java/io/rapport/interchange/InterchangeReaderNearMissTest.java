package io.rapport.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's answers to files that are almost right: a value one character too long to show in
 * full, a number one past what fits, a field given twice, a record whose name comes after its
 * mistake, and files that name accounts they never list.
 */
class InterchangeReaderNearMissTest {
  private static final String ACME = "{\"id\":\"acme\",\"name\":\"Acme Pty Ltd\",\"rep\":\"U1\"}";

  @TempDir Path dir;

  private static Interchange read(String json) throws IOException {
    return new InterchangeReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String file(String accounts, String checkins) {
    return "{\"accounts\":[" + accounts + "],\"checkins\":[" + checkins + "]}";
  }

  private static String checkIn(String fields) {
    return "{\"account\":\"acme\",\"week\":\"2026-W41\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
  }

  private static CheckIn onlyCheckIn(String fields) throws IOException {
    return read(file(ACME, checkIn(fields))).checkIns().get(0);
  }

  private static InterchangeException rejection(String json) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> read(json));
    assertThat(t).isInstanceOf(InterchangeException.class);
    return (InterchangeException) t;
  }

  private static void assertRejected(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(InterchangeException.class).hasMessage(message);
  }

  @Test
  void everySignalOfAFullCheckInIsReadAsWritten() throws IOException {
    CheckIn c =
        onlyCheckIn(
            "\"rep\":\"U9\",\"contacts\":{\"business\":2,\"social\":1},\"serviceHours\":6.5,\"unpaidHours\":2,"
                + "\"outcome\":\"lost\",\"revenueWon\":12000,\"discountPct\":12.5,\"freebies\":true,"
                + "\"quotaPressure\":false,\"clientConduct\":\"threatening\",\"promisesBrokenByClient\":3,"
                + "\"promisesBrokenByUs\":2,\"paymentDays\":64,\"billingDispute\":true,\"valueRating\":5,"
                + "\"note\":\"asked for a site visit\"");

    assertThat(c.account()).isEqualTo("acme");
    assertThat(c.rep()).isEqualTo("U9");
    assertThat(c.week()).isEqualTo(IsoWeek.parse("2026-W41"));
    assertThat(c.contacts().business()).isEqualTo(2);
    assertThat(c.contacts().social()).isEqualTo(1);
    assertThat(c.serviceHours()).isEqualTo(6.5);
    assertThat(c.unpaidHours()).isEqualTo(2.0);
    assertThat(c.outcome()).isEqualTo(Outcome.LOST);
    assertThat(c.revenueWon()).isEqualTo(12000.0);
    assertThat(c.discountPct()).isEqualTo(12.5);
    assertThat(c.freebies()).isTrue();
    assertThat(c.quotaPressure()).isFalse();
    assertThat(c.clientConduct()).isEqualTo(ClientConduct.THREATENING);
    assertThat(c.promisesBrokenByClient()).isEqualTo(3);
    assertThat(c.promisesBrokenByUs()).isEqualTo(2);
    assertThat(c.paymentDays()).isEqualTo(64);
    assertThat(c.billingDispute()).isTrue();
    assertThat(c.valueRating()).isEqualTo(5);
    assertThat(c.note()).isEqualTo("asked for a site visit");
  }

  @Test
  void nullIsTheSameAsNotAnswered() throws IOException {
    CheckIn c =
        onlyCheckIn(
            "\"rep\":null,\"contacts\":null,\"serviceHours\":null,\"outcome\":null,\"freebies\":null,"
                + "\"quotaPressure\":null,\"paymentDays\":null,\"valueRating\":null,\"note\":null");

    assertThat(c.rep()).isNull();
    assertThat(c.contacts()).isNull();
    assertThat(c.serviceHours()).isNull();
    assertThat(c.outcome()).isNull();
    assertThat(c.freebies()).isNull();
    assertThat(c.quotaPressure()).isNull();
    assertThat(c.paymentDays()).isNull();
    assertThat(c.valueRating()).isNull();
    assertThat(c.note()).isNull();
    assertThat(c).isEqualTo(CheckIn.builder("acme", IsoWeek.parse("2026-W41")).build());
  }

  @Test
  void aWholeNumberOnePastTheLargestIntIsRefusedAndTheLargestIsNot() throws IOException {
    assertRejected(
        file(ACME, checkIn("\"promisesBrokenByClient\":2147483648")),
        "checkins[0] (account \"acme\", week 2026-W41): promisesBrokenByClient: must be a whole number no larger than"
            + " 2147483647, got 2147483648");
    assertThat(onlyCheckIn("\"promisesBrokenByClient\":2147483647").promisesBrokenByClient())
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void numbersMustBeFiniteNumbers() {
    assertRejected(
        file(ACME, checkIn("\"serviceHours\":\"six\"")),
        "checkins[0] (account \"acme\", week 2026-W41): serviceHours: must be a number, got \"six\"");
    assertRejected(
        file(ACME, checkIn("\"revenueWon\":1e400")),
        "checkins[0] (account \"acme\", week 2026-W41): revenueWon: must be a finite number, got 1e400");
    assertRejected(
        file(ACME, checkIn("\"discountPct\":[10]")),
        "checkins[0] (account \"acme\", week 2026-W41): discountPct: must be a number, got an array");
  }

  @Test
  void aWrongValueIsShownInFullUpToFortyCharactersAndCutAfter() {
    String forty = "x".repeat(40);
    String fortyOne = "y".repeat(41);
    assertRejected(
        file(ACME, checkIn("\"paymentDays\":\"" + forty + "\"")),
        "checkins[0] (account \"acme\", week 2026-W41): paymentDays: must be a whole number, got \"" + forty + "\"");
    assertRejected(
        file(ACME, checkIn("\"paymentDays\":\"" + fortyOne + "\"")),
        "checkins[0] (account \"acme\", week 2026-W41): paymentDays: must be a whole number, got \""
            + "y".repeat(39) + "…\"");
  }

  @Test
  void aMistakeInAnAccountIsRefusedNotDefaulted() {
    assertRejected(
        file("{\"id\":\"x\",\"name\":\"X\",\"rep\":\"U1\",\"agreedPaymentDays\":\"thirty\"}", ""),
        "accounts[0] (id \"x\"): agreedPaymentDays: must be a whole number, got \"thirty\"");
    assertRejected(
        file("{\"name\":\"X\",\"owner\":\"U1\",\"id\":\"x\",\"rep\":\"U1\"}", ""),
        "accounts[0] (id \"x\"): owner: unknown field; known fields are id, name, rep, tier, agreedPaymentDays,"
            + " horizon, mandated, listMarginPct");
    assertRejected(
        file("{\"id\":\"x\",\"name\":\"X\",\"rep\":\"U1\",\"mandated\":\"yes\"}", ""),
        "accounts[0] (id \"x\"): mandated: must be true or false, got \"yes\"");
    assertRejected(
        file("{\"id\":\"x\",\"name\":\"X\",\"rep\":7}", ""),
        "accounts[0] (id \"x\"): rep: must be a string, got 7");
  }

  @Test
  void mistakesInsideContactsNameTheInnerField() {
    assertRejected(
        file(ACME, checkIn("\"contacts\":{\"business\":1,\"social\":0,\"email\":4}")),
        "checkins[0] (account \"acme\", week 2026-W41): contacts.email: unknown field; known fields are business, social");
    assertRejected(
        file(ACME, checkIn("\"contacts\":{\"business\":\"two\",\"social\":0}")),
        "checkins[0] (account \"acme\", week 2026-W41): contacts.business: must be a whole number, got \"two\"");
    assertRejected(
        file(ACME, checkIn("\"contacts\":3")),
        "checkins[0] (account \"acme\", week 2026-W41): contacts: must be an object, got 3");
  }

  @Test
  void theFirstMistakeInARecordIsTheOneReported() {
    assertRejected(
        file(ACME, checkIn("\"contacts\":{\"business\":\"two\"},\"paymentDays\":\"sixty\"")),
        "checkins[0] (account \"acme\", week 2026-W41): contacts.business: must be a whole number, got \"two\"");
    assertRejected(
        file(ACME, checkIn("\"paymentDays\":\"sixty\",\"contacts\":{\"business\":\"two\"}")),
        "checkins[0] (account \"acme\", week 2026-W41): paymentDays: must be a whole number, got \"sixty\"");
  }

  @Test
  void aRecordIsNamedByWhateverOfItsAccountAndWeekItHas() {
    InterchangeException noAccount = rejection(file(ACME, "{\"week\":\"2026-W41\"}"));
    assertThat(noAccount.record()).isEqualTo("checkins[0] (week 2026-W41)");
    assertThat(noAccount.field()).isEqualTo("account");

    InterchangeException noWeek = rejection(file(ACME, "{\"account\":\"acme\"}"));
    assertThat(noWeek.record()).isEqualTo("checkins[0] (account \"acme\")");
    assertThat(noWeek.field()).isEqualTo("week");

    InterchangeException neither = rejection(file(ACME, "{\"serviceHours\":2}"));
    assertThat(neither.record()).isEqualTo("checkins[0]");
  }

  @Test
  void aFieldGivenTwiceIsRefusedEvenWhenBothValuesAgree() {
    InterchangeException e = rejection(file(ACME, checkIn("\"contacts\":{\"business\":1,\"social\":1},"
        + "\"contacts\":{\"business\":1,\"social\":1}")));
    assertThat(e.field()).isEqualTo("contacts");
    assertThat(e).hasMessageEndingWith("contacts: appears twice in the record");

    InterchangeException id = rejection(file("{\"id\":\"x\",\"name\":\"X\",\"rep\":\"U1\",\"id\":\"x\"}", ""));
    assertThat(id.field()).isEqualTo("id");
    assertThat(id).hasMessageEndingWith("id: appears twice in the record");
  }

  @Test
  void checkInsForAnAccountNoFileListsAreRefusedWhateverTheSectionOrder() {
    assertRejected(
        "{\"checkins\":[" + checkIn("") + "]}",
        "checkins[0] (account \"acme\", week 2026-W41): account: no account with id \"acme\" in \"accounts\"");
    assertRejected(
        "{\"checkins\":[{\"account\":\"b\",\"week\":\"2026-W40\"},{\"account\":\"a\",\"week\":\"2026-W41\"},"
            + "{\"account\":\"b\",\"week\":\"2026-W42\"}],\"accounts\":[]}",
        "checkins[0] (account \"b\", week 2026-W40): account: no account with id \"b\" in \"accounts\"");
  }

  @Test
  void aSectionGivenTwiceOrNotAsAListIsRefused() {
    assertRejected(
        "{\"accounts\":[],\"accounts\":[]}", "accounts: appears twice in the file");
    assertRejected(
        "{\"accounts\":[],\"checkins\":[],\"checkins\":[]}", "checkins: appears twice in the file");
    assertRejected("{\"accounts\":{}}", "accounts: must be an array, got an object");
    assertRejected("{\"accounts\":\"none\"}", "accounts: must be an array, got a string");
    assertRejected("{\"accounts\":[true]}", "accounts[0]: must be an object, got a boolean");
    assertRejected("{\"accounts\":[null]}", "accounts[0]: must be an object, got null");
    assertRejected("{\"accounts\":[[]]}", "accounts[0]: must be an object, got an array");
    assertRejected("\"accounts\"", "the file must be one JSON object {\"accounts\":[…],\"checkins\":[…]}, but starts with a string");
  }

  @Test
  void aFileWithNeitherSectionIsEmptyNotAnError() throws IOException {
    Interchange data = read("{}");

    assertThat(data.accounts()).isEmpty();
    assertThat(data.checkInCount()).isZero();
    assertThat(data.latestWeek()).isEmpty();
  }

  @Test
  void filesAreReadFromDiskAndAMissingOneIsNamed() throws IOException {
    Path f = dir.resolve("book.json");
    Files.writeString(f, file(ACME, checkIn("\"paymentDays\":40")));

    Interchange data = new InterchangeReader().read(f);
    List<String> streamed = new ArrayList<>();
    new InterchangeReader()
        .read(
            f,
            new InterchangeHandler() {
              @Override
              public void account(int index, Account account) {
                streamed.add(index + " " + account.id());
              }

              @Override
              public void checkIn(int index, CheckIn checkIn) {
                streamed.add(index + " " + checkIn.paymentDays());
              }
            });

    assertThat(data.checkIns()).extracting(CheckIn::paymentDays).containsExactly(40);
    assertThat(streamed).containsExactly("0 acme", "0 40");
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> new InterchangeReader().read(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope.json")
        .hasMessageContaining("no such file");
  }
}
