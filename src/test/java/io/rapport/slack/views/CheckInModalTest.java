package io.rapport.slack.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckInModalTest {
  static final Gson GSON = GsonFactory.createSnakeCase();
  static final IsoWeek W48 = IsoWeek.parse("2026-W48");
  static final List<IsoWeek> WEEKS = List.of(W48, W48.minusWeeks(1), W48.minusWeeks(2), W48.minusWeeks(3), W48.minusWeeks(4));
  static final Account ACME = Account.of("acme", "Acme <Pty> & Co", "UREP");
  static final CheckInModal.Metadata META = new CheckInModal.Metadata("acme", WEEKS);

  final Map<String, Map<String, ViewState.Value>> state = new HashMap<>();

  void text(String block, String value) {
    ViewState.Value v = new ViewState.Value();
    v.setValue(value);
    state.put(block, Map.of(CheckInModal.ACTION, v));
  }

  void select(String block, String value) {
    ViewState.Value v = new ViewState.Value();
    ViewState.SelectedOption o = new ViewState.SelectedOption();
    o.setValue(value);
    v.setSelectedOption(o);
    state.put(block, Map.of(CheckInModal.ACTION, v));
  }

  void tick(String block, String... values) {
    ViewState.Value v = new ViewState.Value();
    v.setSelectedOptions(java.util.Arrays.stream(values).map(x -> {
      ViewState.SelectedOption o = new ViewState.SelectedOption();
      o.setValue(x);
      return o;
    }).toList());
    state.put(block, Map.of(CheckInModal.ACTION, v));
  }

  @Test
  void aFullAnswerBecomesACheckIn() {
    select("week", "2026-W47");
    text("contacts.business", "2");
    text("serviceHours", "7.5");
    text("unpaidHours", "2");
    select("outcome", "won");
    text("revenueWon", "12000");
    text("discountPct", "12.5");
    tick("events", "newBusiness", "freebies", "billingDispute", "conductIncident");
    select("clientConduct", "aggressive");
    text("promisesBrokenByClient", "1");
    text("paymentDays", "64");
    select("valueRating", "2");
    text("note", "  Asked for free advice again  ");
    CheckInModal.Parsed p = CheckInModal.parse(state, META);
    assertThat(p.errors()).isEmpty();
    CheckIn c = p.checkIn().orElseThrow();
    assertThat(c.account()).isEqualTo("acme");
    assertThat(c.week()).isEqualTo(W48.minusWeeks(1));
    assertThat(c.contacts().business()).isEqualTo(2);
    assertThat(c.contacts().social()).isZero();
    assertThat(c.serviceHours()).isEqualTo(7.5);
    assertThat(c.outcome()).isEqualTo(Outcome.WON);
    assertThat(c.freebies()).isTrue();
    assertThat(c.quotaPressure()).isFalse();
    assertThat(c.billingDispute()).isTrue();
    assertThat(c.clientConduct()).isEqualTo(ClientConduct.AGGRESSIVE);
    assertThat(c.promisesBrokenByUs()).isNull();
    assertThat(c.paymentDays()).isEqualTo(64);
    assertThat(c.valueRating()).isEqualTo(2);
    assertThat(c.note()).isEqualTo("Asked for free advice again");
    assertThat(c.rep()).isNull();
  }

  @Test
  void onlyTheWeekIsNeeded() {
    select("week", "2026-W48");
    CheckIn c = CheckInModal.parse(state, META).checkIn().orElseThrow();
    assertThat(c.week()).isEqualTo(W48);
    assertThat(c.serviceHours()).isNull();
    assertThat(c.contacts()).isNull();
  }

  @Test
  void everyWrongFieldIsReportedAtOnceUnderItsBlock() {
    select("week", "2026-W48");
    text("contacts.business", "-2");
    text("serviceHours", "abc");
    text("unpaidHours", "3");
    text("discountPct", "101");
    text("paymentDays", "-1");
    select("valueRating", "9");
    text("note", "x".repeat(CheckIn.MAX_NOTE_LENGTH + 1));
    Map<String, String> errors = CheckInModal.parse(state, META).errors();
    assertThat(errors).containsOnlyKeys("contacts.business", "serviceHours", "unpaidHours", "discountPct",
        "paymentDays", "valueRating", "note");
    assertThat(errors.get("serviceHours")).isEqualTo("Enter a number, like 2.5.");
    assertThat(errors.get("unpaidHours")).startsWith("Must not exceed serviceHours");
    assertThat(errors.get("valueRating")).contains("between 1 and 5");
  }

  @Test
  void aWeekThatWasNotOfferedOrIsMissingIsAnError() {
    select("week", "2025-W01");
    assertThat(CheckInModal.parse(state, META).errors()).containsKey("week");
    state.clear();
    assertThat(CheckInModal.parse(state, META).errors()).containsKey("week");
    assertThat(CheckInModal.parse(null, META).errors()).containsKey("week");
  }

  @Test
  void metadataRoundTripsAndRejectsForeignText() {
    assertThat(CheckInModal.Metadata.parse(META.toJson())).contains(META);
    assertThat(CheckInModal.Metadata.parse("")).isEmpty();
    assertThat(CheckInModal.Metadata.parse("{\"account\":\"a\",\"weeks\":[\"nope\"]}")).isEmpty();
    assertThat(CheckInModal.Metadata.parse("not json")).isEmpty();
  }

  @Test
  void theModalStaysWithinBlockKitLimitsAndEscapesTheName() {
    CheckIn previous = CheckIn.builder("acme", W48.minusWeeks(1)).contacts(1, 3).serviceHours(4).unpaidHours(1)
        .outcome(Outcome.NONE).clientConduct(ClientConduct.DEMANDING).valueRating(3).freebies(true).build();
    CheckIn current = previous.toBuilder().week(W48).note("n".repeat(CheckIn.MAX_NOTE_LENGTH)).build();
    View view = CheckInModal.build(ACME, WEEKS, Optional.of(current), Optional.of(previous));
    JsonObject json = GSON.toJsonTree(view).getAsJsonObject();
    assertThat(json.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(100);
    assertThat(json.getAsJsonObject("title").get("text").getAsString().length()).isLessThanOrEqualTo(24);
    assertThat(json.get("private_metadata").getAsString().length()).isLessThanOrEqualTo(3000);
    assertThat(json.toString()).contains("Acme &lt;Pty&gt; &amp; Co").contains("Last time: 4")
        .contains("saving again updates it");
    for (JsonElement block : json.getAsJsonArray("blocks")) {
      JsonObject b = block.getAsJsonObject();
      if (b.has("label")) {
        assertThat(b.getAsJsonObject("label").get("text").getAsString().length()).isLessThanOrEqualTo(2000);
        assertThat(b.get("block_id").getAsString().length()).isLessThanOrEqualTo(255);
      }
    }
    assertThat(json.toString()).contains("\"initial_value\":\"4\"");
  }

  @Test
  void aFirstCheckInHasNothingFilledInButTheWeek() {
    JsonObject json = GSON.toJsonTree(CheckInModal.build(ACME, WEEKS, Optional.empty(), Optional.empty()))
        .getAsJsonObject();
    assertThat(json.toString()).doesNotContain("initial_value").doesNotContain("initial_options")
        .contains("This week (23–29 Nov)").contains("Last week (16–22 Nov)")
        .contains("Week of 26 Oct");
    assertThat(json.getAsJsonArray("blocks").toString()).as("weeks in words, not ISO")
        .doesNotContainPattern("\"text\":\"[^\"]*\\d{4}-W\\d\\d");
  }

  static List<String> inputs(View view) {
    return CheckInModal.inputs(view);
  }

  @Test
  void theFirstScreenHasAtMostSixInputsAndEveryFollowUpIsOneTickAway() {
    View first = CheckInModal.build(ACME, WEEKS, Optional.empty(), Optional.empty());
    assertThat(inputs(first)).containsExactly("week", "contacts.business", "contacts.social", "serviceHours",
        "discountPct", "events");
    CheckInModal.Metadata m = CheckInModal.Metadata.parse(first.getPrivateMetadata()).orElseThrow();
    java.util.function.Function<java.util.Set<String>, List<String>> ticked = t -> inputs(CheckInModal.build(
        new CheckInModal.Form(ACME, m, W48, new CheckInModal.Draft(Map.of(), t), false, Optional.empty())));
    assertThat(ticked.apply(java.util.Set.of("invoicePaid"))).contains("paymentDays").doesNotContain("promisesBrokenByUs");
    assertThat(ticked.apply(java.util.Set.of("promiseBroken"))).contains("promisesBrokenByClient", "promisesBrokenByUs")
        .doesNotContain("paymentDays");
    assertThat(ticked.apply(java.util.Set.of("newBusiness"))).contains("outcome", "revenueWon");
    assertThat(ticked.apply(java.util.Set.of("unpaidWork"))).contains("unpaidHours");
    assertThat(ticked.apply(java.util.Set.of("billingDispute"))).contains("note");
    assertThat(ticked.apply(java.util.Set.of("conductIncident"))).contains("clientConduct");
    assertThat(ticked.apply(java.util.Set.of("freebies", "quotaPressure"))).hasSize(6);
  }

  @Test
  void moreDetailsShowsEverySignalInTheSameModal() {
    View first = CheckInModal.build(ACME, WEEKS, Optional.empty(), Optional.empty());
    CheckInModal.Metadata m = CheckInModal.Metadata.parse(first.getPrivateMetadata()).orElseThrow().withDetails();
    View details = CheckInModal.build(new CheckInModal.Form(ACME, m, W48, CheckInModal.Draft.empty(), false,
        Optional.empty()));
    assertThat(inputs(details)).contains("week", "contacts.business", "contacts.social", "serviceHours", "unpaidHours",
        "outcome", "revenueWon", "discountPct", "events", "clientConduct", "promisesBrokenByClient",
        "promisesBrokenByUs", "paymentDays", "valueRating", "note");
    assertThat(GSON.toJson(details)).contains(CheckInModal.NOTE_LABEL.replace("'", "\\u0027"))
        .doesNotContain("checkin.more");
  }

  @Test
  void conductAndValueArePrefilledAndSaySoButEventsAreNeverCopied() {
    CheckIn last = CheckIn.builder("acme", W48.minusWeeks(1)).contacts(2, 1).serviceHours(5).discountPct(20.0)
        .freebies(true).quotaPressure(true).outcome(Outcome.WON).revenueWon(5000.0).paymentDays(70)
        .promisesBrokenByClient(2).billingDispute(true).clientConduct(ClientConduct.DEMANDING).valueRating(4).build();
    View first = CheckInModal.build(ACME, WEEKS, Optional.empty(), Optional.of(last));
    String json = GSON.toJson(first);
    assertThat(json).contains("Pre-filled from your check-in for last week (16–22 Nov)").contains("client *demanding*")
        .contains("value *4 of 5*").doesNotContain("initial_value").doesNotContain("initial_options");
    CheckInModal.Metadata m = CheckInModal.Metadata.parse(first.getPrivateMetadata()).orElseThrow();
    select("week", "2026-W48");
    tick("events");
    CheckIn c = CheckInModal.parse(state, m).checkIn().orElseThrow();
    assertThat(c.clientConduct()).isEqualTo(ClientConduct.DEMANDING);
    assertThat(c.valueRating()).isEqualTo(4);
    assertThat(c.discountPct()).isNull();
    assertThat(c.freebies()).isFalse();
    assertThat(c.quotaPressure()).isFalse();
    assertThat(c.billingDispute()).isFalse();
    assertThat(c.outcome()).isEqualTo(Outcome.NONE);
    assertThat(c.revenueWon()).isNull();
    assertThat(c.paymentDays()).isNull();
    assertThat(c.promisesBrokenByClient()).isNull();
    assertThat(c.contacts()).isNull();
    assertThat(c.serviceHours()).isNull();
    // In the details the pre-filled answers are marked, and "No rating" clears the rating.
    View details = CheckInModal.build(new CheckInModal.Form(ACME, m.withDetails(), W48, CheckInModal.Draft.empty(),
        false, Optional.of(last)));
    assertThat(GSON.toJson(details)).contains("Pre-filled from your last check-in.");
    select("valueRating", "none");
    select("clientConduct", "respectful");
    CheckIn changed = CheckInModal.parse(state, m.withDetails()).checkIn().orElseThrow();
    assertThat(changed.valueRating()).isNull();
    assertThat(changed.clientConduct()).isEqualTo(ClientConduct.RESPECTFUL);
  }

  @Test
  void anAggressiveWeekIsAnIncidentAndIsNotCarriedOver() {
    CheckIn last = CheckIn.builder("acme", W48.minusWeeks(1)).clientConduct(ClientConduct.AGGRESSIVE).build();
    View first = CheckInModal.build(ACME, WEEKS, Optional.empty(), Optional.of(last));
    CheckInModal.Metadata m = CheckInModal.Metadata.parse(first.getPrivateMetadata()).orElseThrow();
    assertThat(m.carriedConduct()).isNull();
    select("week", "2026-W48");
    assertThat(CheckInModal.parse(state, m).checkIn().orElseThrow().clientConduct()).isNull();
  }

  @Test
  void aTickedFollowUpLeftEmptyAsksForItsAnswer() {
    select("week", "2026-W48");
    tick("events", "newBusiness", "conductIncident");
    state.put("outcome", Map.of(CheckInModal.ACTION, new ViewState.Value()));
    state.put("clientConduct", Map.of(CheckInModal.ACTION, new ViewState.Value()));
    assertThat(CheckInModal.parse(state, META).errors()).containsOnlyKeys("outcome", "clientConduct");
  }

  @Test
  void aSittingSaysWhereTheRepIsAndSavesAndMovesOn() {
    View view = CheckInModal.build(ACME, WEEKS, Optional.empty(), Optional.empty(), List.of("b", "c"), 1);
    assertThat(view.getTitle().getText()).isEqualTo("Check-in 2 of 4");
    assertThat(view.getSubmit().getText()).isEqualTo("Save & next");
    assertThat(CheckInModal.Metadata.parse(view.getPrivateMetadata()).orElseThrow().queue()).containsExactly("b", "c");
    View last = CheckInModal.build(ACME, WEEKS, Optional.empty(), Optional.empty(), List.of(), 3);
    assertThat(last.getSubmit().getText()).isEqualTo("Save");
    assertThat(last.getClose().getText()).isEqualTo("Stop here");
  }
}
