package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import io.rapport.insight.AccountAnalysis;
import io.rapport.insight.Analyzer;
import io.rapport.insight.BookContext;
import io.rapport.insight.Finding;
import io.rapport.insight.Pattern;
import io.rapport.insight.RepBook;
import io.rapport.insight.Story;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.testing.TestDatabases;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Data from the new check-in flow gives the same findings as before: for each of the 13 patterns,
 * the casebook's story is entered week by week through the new modal (signed HTTP, the fake
 * Slack, a {@link ModalRep} that only uses what is on screen), and the stored check-ins give the
 * same finding — pattern, severity and evidence — as the story's table does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatternsThroughTheModalTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = FakeSlack.TEAM_ID;

  RapportUnderTest rapport;
  int reps;

  @BeforeAll
  void start() throws Exception {
    rapport = RapportUnderTest.startOn(TestDatabases.Kind.SQLITE, MutableClock.at("2026-07-01T12:00:00Z"));
    rapport.rapport().foundation().store().ensureWorkspace(WS, 0);
  }

  @AfterAll
  void stop() throws Exception {
    if (rapport != null) {
      rapport.close();
    }
  }

  /** A story's account, owned by a rep of its own, entered through the modal; returns the finding. */
  Finding enteredThroughTheModal(Account template, BookContext book, String table, Pattern pattern) throws Exception {
    String rep = "UPAT" + (++reps);
    Account account = new Account(template.id(), template.name(), rep, template.tier(), template.agreedPaymentDays(),
        template.horizon(), template.mandated(), template.listMarginPct());
    BookContext repBook = book.repBooks().isEmpty() ? book : new BookContext(
        Map.of(rep, rebook(book.repBooks().values().iterator().next(), rep)), book.discountNormPct());
    Story story = Story.of(account).book(repBook).weeks(table);
    Finding expected = story.finding(pattern).orElseThrow(() -> new AssertionError(pattern + " not in the story"));

    var store = rapport.rapport().foundation().store();
    store.accounts().upsert(WS, account, 0);
    store.users().setTimeZone(WS, rep, "UTC", 0);
    rapport.fake().userTimeZone(rep, "UTC");
    ModalRep person = new ModalRep(rapport, rep);
    for (CheckIn c : story.checkIns()) {
      rapport.clock().set(c.week().monday().plusDays(2).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
      store.users().setTimeZone(WS, rep, "UTC", rapport.clock().millis());
      enter(person, account, c);
      FakeSlack.awaitTrue(() -> store.checkIns().isAnswered(WS, account.id(), c.week().toString()),
          java.time.Duration.ofSeconds(10), "the check-in of " + c.week());
    }
    List<CheckIn> stored = store.checkIns().history(WS, account.id(), "2000-W01");
    assertThat(stored).hasSameSizeAs(story.checkIns());
    AccountAnalysis analysis = new Analyzer().analyze(account, stored, repBook, story.lastWeek());
    Finding actual = analysis.findings().stream().filter(f -> f.pattern() == pattern).findFirst()
        .orElseThrow(() -> new AssertionError(pattern + " not raised from the modal's check-ins: " + analysis));
    assertThat(actual.severity()).isEqualTo(expected.severity());
    assertThat(actual.evidence()).isEqualTo(expected.evidence());
    assertThat(analysis.findings().stream().map(Finding::pattern).toList())
        .isEqualTo(story.analyze().findings().stream().map(Finding::pattern).toList());
    return actual;
  }

  static RepBook rebook(RepBook b, String rep) {
    return new RepBook(rep, b.accounts(), b.checkIns(), b.newBusinessCheckIns(), b.serviceHours());
  }

  /** Enters one week as a rep would, using only what the modal shows. */
  static void enter(ModalRep rep, Account account, CheckIn c) throws Exception {
    rep.openFromMessage(account.id(), "D" + rep.userId(), "1700000000.000001");
    JsonNode meta = JSON.readTree(rep.view().path("private_metadata").asText());
    String carriedConduct = meta.has("conduct") ? meta.path("conduct").asText() : null;
    Integer carriedValue = meta.has("value") ? meta.path("value").asInt() : null;
    ClientConduct conduct = c.clientConduct();
    boolean incident = conduct != null && conduct.compareTo(ClientConduct.AGGRESSIVE) >= 0;
    boolean details = (conduct != null && !incident && !conduct.id().equals(carriedConduct))
        || !Objects.equals(c.valueRating(), carriedValue);
    if (details) {
      rep.click("checkin.more");
    }
    rep.choose("week", c.week().toString());
    if (c.contacts() != null) {
      if (c.contacts().business() > 0 || c.contacts().social() == 0) {
        rep.type("contacts.business", Integer.toString(c.contacts().business()));
      }
      if (c.contacts().social() > 0) {
        rep.type("contacts.social", Integer.toString(c.contacts().social()));
      }
    }
    typeNumber(rep, "serviceHours", c.serviceHours());
    typeNumber(rep, "discountPct", c.discountPct());
    boolean newBusiness = (c.outcome() != null && c.outcome() != Outcome.NONE) || c.revenueWon() != null;
    if (newBusiness) {
      if (!details) {
        rep.tick("newBusiness");
      }
      if (c.outcome() != null) {
        rep.choose("outcome", c.outcome().id());
      }
      typeNumber(rep, "revenueWon", c.revenueWon());
    }
    if (Boolean.TRUE.equals(c.freebies())) {
      rep.tick("freebies");
    }
    if (c.unpaidHours() != null) {
      if (!details) {
        rep.tick("unpaidWork");
      }
      typeNumber(rep, "unpaidHours", c.unpaidHours());
    }
    if (c.paymentDays() != null) {
      if (!details) {
        rep.tick("invoicePaid");
      }
      rep.type("paymentDays", c.paymentDays().toString());
    }
    if (c.promisesBrokenByClient() != null || c.promisesBrokenByUs() != null) {
      if (!details) {
        rep.tick("promiseBroken");
      }
      typeNumber(rep, "promisesBrokenByClient", c.promisesBrokenByClient());
      typeNumber(rep, "promisesBrokenByUs", c.promisesBrokenByUs());
    }
    if (Boolean.TRUE.equals(c.quotaPressure())) {
      rep.tick("quotaPressure");
    }
    if (Boolean.TRUE.equals(c.billingDispute())) {
      rep.tick("billingDispute");
    }
    if (incident) {
      if (!details) {
        rep.tick("conductIncident");
      }
      rep.choose("clientConduct", conduct.id());
    } else if (details && conduct != null) {
      rep.choose("clientConduct", conduct.id());
    }
    if (details && !Objects.equals(c.valueRating(), carriedValue)) {
      rep.choose("valueRating", c.valueRating() == null ? "none" : c.valueRating().toString());
    }
    rep.submit();
  }

  static void typeNumber(ModalRep rep, String block, Number n) {
    if (n != null) {
      double d = n.doubleValue();
      rep.type(block, d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d));
    }
  }

  // ---------------------------------------------------------------- one story per pattern (the casebook's)

  @Test
  void termsDictated() throws Exception {
    enteredThroughTheModal(Account.of("megamart", "MegaMart", "U"), BookContext.empty(), """
        week      biz  outcome     revenue  pay  value
        2026-W32  1    progressed  -        -    4
        2026-W33  1    won         12000    64   4
        2026-W34  1    none        -        -    4
        2026-W35  1    won         9000     71   3
        2026-W36  1    none        -        -    4
        2026-W37  1    won         11000    58   3
        2026-W38  1    none        -        -    3
        2026-W39  1    won         10000    66   3
        """, Pattern.TERMS_DICTATED);
  }

  @Test
  void overServicing() throws Exception {
    BookContext book = new BookContext(Map.of("U", new RepBook("U", 4, 48, 1, 410)), OptionalDouble.empty());
    enteredThroughTheModal(Account.of("old-friend-ltd", "Old Friend Ltd", "U"), book, """
        week      biz  hours  outcome
        2026-W30  2    10     none
        2026-W31  2    12     none
        2026-W32  1    9      none
        2026-W33  2    11     none
        2026-W34  2    10     none
        2026-W35  1    12     none
        2026-W36  2    9      none
        2026-W37  2    10     none
        """, Pattern.OVER_SERVICING);
  }

  @Test
  void quotaPressure() throws Exception {
    enteredThroughTheModal(Account.of("pharma-two", "Pharma Two", "U"), BookContext.empty(), """
        week      quota
        2026-W29  y
        2026-W33  y
        2026-W35  n
        2026-W37  y
        """, Pattern.QUOTA_PRESSURE);
  }

  @Test
  void friendshipOverProfit() throws Exception {
    enteredThroughTheModal(Account.of("bean-bros", "Bean Bros", "U"), BookContext.empty(), """
        week      biz  soc  outcome  revenue
        2026-W30  1    1    won      8000
        2026-W31  1    1    none     -
        2026-W32  1    1    won      7000
        2026-W33  1    1    none     -
        2026-W34  1    1    won      9000
        2026-W35  0    1    none     -
        2026-W36  0    2    none     -
        2026-W37  1    1    none     -
        2026-W38  0    2    none     -
        2026-W39  0    1    none     -
        2026-W40  0    2    none     -
        2026-W41  0    2    none     -
        """, Pattern.FRIENDSHIP_OVER_PROFIT);
  }

  @Test
  void professionalVisitor() throws Exception {
    enteredThroughTheModal(Account.of("cafe-catchups", "Cafe Catchups", "U"), BookContext.empty(), """
        week      biz  soc  outcome
        2026-W34  0    1    none
        2026-W35  0    1    none
        2026-W36  0    2    none
        2026-W37  0    1    none
        2026-W38  0    1    none
        2026-W39  0    1    none
        2026-W40  0    1    none
        2026-W41  0    2    none
        """, Pattern.PROFESSIONAL_VISITOR);
  }

  @Test
  void masterServant() throws Exception {
    enteredThroughTheModal(Account.of("harbour-freight", "Harbour Freight", "U"), BookContext.empty(), """
        week      biz  hours  unpaid  outcome
        2026-W34  1    6      4       none
        2026-W35  1    5      4       none
        2026-W36  1    6      5       none
        2026-W37  1    4      3       none
        2026-W38  1    6      4       none
        2026-W39  1    5      3       none
        """, Pattern.MASTER_SERVANT);
  }

  @Test
  void abusive() throws Exception {
    enteredThroughTheModal(Account.of("shouty-ltd", "Shouty Ltd", "U"), BookContext.empty(), """
        week      conduct
        2026-W34  demanding
        2026-W35  aggressive
        2026-W37  respectful
        2026-W38  aggressive
        2026-W40  aggressive
        """, Pattern.ABUSIVE);
  }

  @Test
  void bigBrother() throws Exception {
    enteredThroughTheModal(Account.of("global-motors", "Global Motors", "U"), BookContext.empty(), """
        week      conduct      disc
        2026-W35  demanding    5
        2026-W37  threatening  15
        2026-W39  demanding    10
        2026-W41  threatening  20
        """, Pattern.BIG_BROTHER);
  }

  @Test
  void winLose() throws Exception {
    enteredThroughTheModal(Account.of("taker-inc", "Taker Inc", "U"), BookContext.empty(), """
        week      disc  free  outcome
        2026-W34  10    n     none
        2026-W35  12    n     none
        2026-W36  0     y     none
        2026-W37  8     n     lost
        2026-W38  10    n     none
        2026-W39  0     y     none
        2026-W40  0     n     none
        2026-W41  0     n     none
        """, Pattern.WIN_LOSE);
  }

  @Test
  void brokenPromises() throws Exception {
    enteredThroughTheModal(Account.of("maybe-next-week", "Maybe Next Week", "U"), BookContext.empty(), """
        week      byClient  byUs
        2026-W33  1         0
        2026-W36  2         0
        2026-W38  0         0
        2026-W39  1         0
        2026-W40  0         1
        """, Pattern.BROKEN_PROMISES);
  }

  @Test
  void exploitative() throws Exception {
    enteredThroughTheModal(Account.of("family-plan", "Family Plan", "U"), BookContext.empty(), """
        week      outcome  revenue  dispute
        2026-W36  won      1200     n
        2026-W38  none     -        y
        2026-W40  none     -        y
        """, Pattern.EXPLOITATIVE);
  }

  @Test
  void workingForTheClient() throws Exception {
    enteredThroughTheModal(Account.of("best-mates", "Best Mates", "U").withListMarginPct(30.0),
        new BookContext(Map.of(), OptionalDouble.of(8)), """
        week      disc  free  outcome  revenue
        2026-W34  25    n     won      10000
        2026-W36  30    n     won      8000
        2026-W37  0     y     none     -
        2026-W39  28    n     won      9000
        """, Pattern.WORKING_FOR_THE_CLIENT);
  }

  @Test
  void hostage() throws Exception {
    enteredThroughTheModal(Account.of("group-sister", "Sister Co", "U").withMandated(true), BookContext.empty(), """
        week      value  conduct
        2026-W34  1      demanding
        2026-W35  2      demanding
        2026-W36  1      respectful
        2026-W38  1      demanding
        2026-W40  2      respectful
        2026-W41  1      demanding
        """, Pattern.HOSTAGE);
  }
}
