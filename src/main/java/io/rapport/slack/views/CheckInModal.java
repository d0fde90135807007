package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.NumberInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.Contacts;
import io.rapport.domain.InvalidFieldException;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The check-in modal (SPEC §6): every signal as a quick input — number inputs, radio buttons,
 * checkboxes, a 1–5 scale — with sensible defaults, the week's existing answers pre-filled for an
 * edit, and the previous check-in's answers as hints under the fields. {@link #parse} turns a
 * submission into a {@link CheckIn} or into errors keyed by block id for {@code
 * response_action: errors}, reusing the domain's own checks. Pure: no I/O.
 */
public final class CheckInModal {
  public static final String CALLBACK_ID = "checkin.modal";
  /** The action id of the element inside every input block (blocks are told apart by block id). */
  public static final String ACTION = "value";

  // Block ids are the SPEC §6 field names, so the domain's InvalidFieldException maps to them.
  public static final String WEEK = "week";
  public static final String BUSINESS = "contacts.business";
  public static final String SOCIAL = "contacts.social";
  public static final String SERVICE_HOURS = "serviceHours";
  public static final String UNPAID_HOURS = "unpaidHours";
  public static final String OUTCOME = "outcome";
  public static final String REVENUE_WON = "revenueWon";
  public static final String DISCOUNT = "discountPct";
  public static final String SIGNALS = "signals";
  public static final String CONDUCT = "clientConduct";
  public static final String BROKEN_BY_CLIENT = "promisesBrokenByClient";
  public static final String BROKEN_BY_US = "promisesBrokenByUs";
  public static final String PAYMENT_DAYS = "paymentDays";
  public static final String VALUE_RATING = "valueRating";
  public static final String NOTE = "note";

  /** The block that shows errors about the whole submission (not one field). */
  public static final String FORM_ERROR_BLOCK = WEEK;
  /** Shown in the modal when the check-in could not be stored in time; nothing was stored. */
  public static final String NOT_SAVED = "Couldn't save: please submit again.";

  /** A refusal's message as a modal error shows it (plain text: no mrkdwn, no escapes). */
  public static String plainRefusal(String message) {
    return message.replace("*", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  static final String FREEBIES = "freebies";
  static final String QUOTA_PRESSURE = "quotaPressure";
  static final String BILLING_DISPUTE = "billingDispute";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private CheckInModal() {}

  /** What the modal carries in {@code private_metadata}: the account and the weeks offered. */
  public record Metadata(String accountId, List<IsoWeek> weeks) {
    public String toJson() {
      ObjectNode n = JSON.createObjectNode().put("account", accountId);
      ArrayNode w = n.putArray("weeks");
      weeks.forEach(x -> w.add(x.toString()));
      return n.toString();
    }

    /** Parses the metadata, or empty when it is not Rapport's. */
    public static Optional<Metadata> parse(String json) {
      try {
        JsonNode n = JSON.readTree(json == null ? "" : json);
        if (n == null || !n.path("account").isTextual() || !n.path("weeks").isArray()) {
          return Optional.empty();
        }
        List<IsoWeek> weeks = new ArrayList<>();
        for (JsonNode w : n.path("weeks")) {
          weeks.add(IsoWeek.parse(w.asText()));
        }
        return weeks.isEmpty() ? Optional.empty() : Optional.of(new Metadata(n.path("account").asText(), weeks));
      } catch (JsonProcessingException | InvalidFieldException e) {
        return Optional.empty();
      }
    }
  }

  /** The result of parsing a submission: a check-in, or the errors to show beside the fields. */
  public record Parsed(Optional<CheckIn> checkIn, Map<String, String> errors) {
    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /**
   * The modal for {@code account}. {@code weeks} are offered newest first and the first is the
   * default; {@code current} (the default week's existing check-in) is pre-filled for an edit;
   * {@code previous} is shown as hints.
   */
  public static View build(Account account, List<IsoWeek> weeks, Optional<CheckIn> current, Optional<CheckIn> previous) {
    Metadata metadata = new Metadata(account.id(), weeks);
    CheckIn now = current.orElse(null);
    CheckIn last = previous.orElse(null);
    List<LayoutBlock> blocks = new ArrayList<>();
    String intro = "*" + SlackText.escape(account.name()) + "*"
        + (now != null ? " — you already checked in for " + weekLabel(now.week(), weeks)
            + "; submitting again updates it." : " — how did this account go? Everything is optional; leave what"
            + " doesn't apply empty.");
    blocks.add(section(s -> s.text(markdownText(intro))));
    if (last != null) {
      blocks.add(context(c -> c.elements(List.of(markdownText(
          "Hints under the fields show your check-in for " + last.week() + ".")))));
    }
    blocks.add(weekInput(weeks));
    blocks.add(divider());
    blocks.add(numberInput(BUSINESS, "Business meetings and calls", false, null, null,
        now == null || now.contacts() == null ? null : now.contacts().business(),
        last == null || last.contacts() == null ? null : last.contacts().business(), "0"));
    blocks.add(numberInput(SOCIAL, "Social contacts (coffees, lunches, events)", false, null, null,
        now == null || now.contacts() == null ? null : now.contacts().social(),
        last == null || last.contacts() == null ? null : last.contacts().social(), "0"));
    blocks.add(numberInput(SERVICE_HOURS, "Hours spent servicing the account", true, null, null,
        now == null ? null : now.serviceHours(), last == null ? null : last.serviceHours(), "e.g. 4"));
    blocks.add(numberInput(UNPAID_HOURS, "…of those, unpaid (favours, free advice, admin for them)", true, null,
        null, now == null ? null : now.unpaidHours(), last == null ? null : last.unpaidHours(), "0"));
    blocks.add(radio(OUTCOME, "New business this week", Outcomes.OPTIONS,
        now != null && now.outcome() != null ? now.outcome().id() : Outcome.NONE.id(),
        last == null || last.outcome() == null ? null : Outcomes.label(last.outcome())));
    blocks.add(numberInput(REVENUE_WON, "Value won this week", true, null, null,
        now == null ? null : now.revenueWon(), last == null ? null : last.revenueWon(), "0"));
    blocks.add(numberInput(DISCOUNT, "Discount or margin conceded beyond list price (%)", true, "0", "100",
        now == null ? null : now.discountPct(), last == null ? null : last.discountPct(), "0"));
    blocks.add(signals(now, last));
    blocks.add(radio(CONDUCT, "How did the client treat you?", Conduct.OPTIONS,
        now != null && now.clientConduct() != null ? now.clientConduct().id() : ClientConduct.RESPECTFUL.id(),
        last == null || last.clientConduct() == null ? null : Conduct.label(last.clientConduct())));
    blocks.add(numberInput(BROKEN_BY_CLIENT, "Promises the client did not keep", false, null, null,
        now == null ? null : now.promisesBrokenByClient(), last == null ? null : last.promisesBrokenByClient(), "0"));
    blocks.add(numberInput(BROKEN_BY_US, "Promises we did not keep", false, null, null,
        now == null ? null : now.promisesBrokenByUs(), last == null ? null : last.promisesBrokenByUs(), "0"));
    blocks.add(numberInput(PAYMENT_DAYS, "Days the client took to pay the latest invoice", false, "0", "3650",
        now == null ? null : now.paymentDays(), last == null ? null : last.paymentDays(),
        "terms: " + account.agreedPaymentDays() + " days"));
    blocks.add(radio(VALUE_RATING, "Value the relationship creates for both sides (1 = little, 5 = a lot)",
        Rating.OPTIONS, now == null || now.valueRating() == null ? null : now.valueRating().toString(),
        last == null || last.valueRating() == null ? null : last.valueRating().toString()));
    blocks.add(noteInput(now == null ? null : now.note()));
    return view(v -> v.type("modal")
        .callbackId(CALLBACK_ID)
        .title(viewTitle(t -> t.type("plain_text").text("Check-in")))
        .submit(viewSubmit(s -> s.type("plain_text").text(now == null ? "Save" : "Update")))
        .close(viewClose(c -> c.type("plain_text").text("Cancel")))
        .privateMetadata(metadata.toJson())
        .blocks(blocks));
  }

  /** A modal that only explains why the check-in cannot be opened (no submit button). */
  public static View notice(String title, String markdown) {
    String t = title.length() > 24 ? title.substring(0, 24) : title;
    return view(v -> v.type("modal")
        .callbackId("checkin.notice")
        .title(viewTitle(x -> x.type("plain_text").text(t)))
        .close(viewClose(c -> c.type("plain_text").text("Close")))
        .blocks(List.of(section(s -> s.text(markdownText(markdown))))));
  }

  private static InputBlock weekInput(List<IsoWeek> weeks) {
    List<OptionObject> options = new ArrayList<>();
    for (IsoWeek w : weeks) {
      options.add(option(weekLabel(w, weeks), w.toString()));
    }
    return InputBlock.builder()
        .blockId(WEEK)
        .label(plainText("Week"))
        .element(StaticSelectElement.builder().actionId(ACTION).options(options).initialOption(options.get(0)).build())
        .build();
  }

  static String weekLabel(IsoWeek w, List<IsoWeek> weeks) {
    String range = w.monday().format(DAY) + "–" + w.monday().plusDays(6).format(DAY);
    int index = weeks.indexOf(w);
    String name = index == 0 ? "This week" : index == 1 ? "Last week" : "Week " + w.week();
    return name + " (" + w + ", " + range + ")";
  }

  private static LayoutBlock numberInput(String blockId, String label, boolean decimal, String min, String max,
      Number initial, Number hint, String placeholder) {
    NumberInputElement.NumberInputElementBuilder e = NumberInputElement.builder()
        .actionId(ACTION)
        .decimalAllowed(decimal)
        .minValue(min == null ? "0" : min)
        .placeholder(plainText(placeholder));
    if (max != null) {
      e.maxValue(max);
    }
    if (initial != null) {
      e.initialValue(number(initial));
    }
    return inputBlock(blockId, label, e.build(), hint == null ? null : "Last time: " + number(hint));
  }

  private static LayoutBlock radio(String blockId, String label, List<OptionObject> options, String initial, String hint) {
    RadioButtonsElement.RadioButtonsElementBuilder e = RadioButtonsElement.builder().actionId(ACTION).options(options);
    options.stream().filter(o -> o.getValue().equals(initial)).findFirst().ifPresent(e::initialOption);
    return inputBlock(blockId, label, e.build(), hint == null ? null : "Last time: " + hint);
  }

  private static LayoutBlock signals(CheckIn now, CheckIn last) {
    List<OptionObject> options = List.of(
        option("We gave products or services away", FREEBIES),
        option("I pushed this account to make a quota or target", QUOTA_PRESSURE),
        option("Billing dispute: charged twice or misled, or they say so", BILLING_DISPUTE));
    List<OptionObject> initial = new ArrayList<>();
    if (now != null) {
      if (Boolean.TRUE.equals(now.freebies())) {
        initial.add(options.get(0));
      }
      if (Boolean.TRUE.equals(now.quotaPressure())) {
        initial.add(options.get(1));
      }
      if (Boolean.TRUE.equals(now.billingDispute())) {
        initial.add(options.get(2));
      }
    }
    CheckboxesElement.CheckboxesElementBuilder e = CheckboxesElement.builder().actionId(ACTION).options(options);
    if (!initial.isEmpty()) {
      e.initialOptions(initial);
    }
    String hint = null;
    if (last != null) {
      List<String> ticked = new ArrayList<>();
      if (Boolean.TRUE.equals(last.freebies())) {
        ticked.add("gave away");
      }
      if (Boolean.TRUE.equals(last.quotaPressure())) {
        ticked.add("quota push");
      }
      if (Boolean.TRUE.equals(last.billingDispute())) {
        ticked.add("billing dispute");
      }
      hint = "Last time: " + (ticked.isEmpty() ? "none of these" : String.join(", ", ticked));
    }
    return inputBlock(SIGNALS, "This week…", e.build(), hint);
  }

  private static LayoutBlock noteInput(String initial) {
    PlainTextInputElement.PlainTextInputElementBuilder e = PlainTextInputElement.builder()
        .actionId(ACTION)
        .multiline(true)
        .maxLength(CheckIn.MAX_NOTE_LENGTH)
        .placeholder(plainText("Anything your manager should know (optional)"));
    if (initial != null) {
      e.initialValue(initial);
    }
    return inputBlock(NOTE, "Note", e.build(), null);
  }

  private static LayoutBlock inputBlock(String blockId, String label, BlockElement element, String hint) {
    InputBlock.InputBlockBuilder b = InputBlock.builder().blockId(blockId).label(plainText(label)).optional(true).element(element);
    if (hint != null) {
      b.hint(plainText(hint));
    }
    return b.build();
  }

  private static OptionObject option(String text, String value) {
    return OptionObject.builder().text(plainText(text)).value(value).build();
  }

  static String number(Number n) {
    return AccountLines.number(n.doubleValue());
  }

  // ---- parsing a submission ----

  /**
   * Turns the submitted state into a check-in for {@code metadata}'s account, or into errors
   * (block id → message) for every field that is wrong, using the domain's own range checks.
   */
  public static Parsed parse(Map<String, Map<String, ViewState.Value>> values, Metadata metadata) {
    Map<String, Map<String, ViewState.Value>> state = values == null ? Map.of() : values;
    Map<String, String> errors = new LinkedHashMap<>();
    CheckIn.Builder b = CheckIn.builder(metadata.accountId(), metadata.weeks().get(0));
    String week = selected(state, WEEK);
    if (week == null) {
      errors.put(WEEK, "Choose the week this check-in is for.");
    } else {
      Optional<IsoWeek> w = metadata.weeks().stream().filter(x -> x.toString().equals(week)).findFirst();
      if (w.isEmpty()) {
        errors.put(WEEK, "Choose one of the weeks offered.");
      } else {
        b.week(w.get());
      }
    }
    Integer business = whole(state, BUSINESS, errors);
    Integer social = whole(state, SOCIAL, errors);
    if (business != null || social != null) {
      try {
        b.contacts(new Contacts(business == null ? 0 : business, social == null ? 0 : social));
      } catch (InvalidFieldException e) {
        errors.put(e.field(), sentence(e.reason()));
      }
    }
    b.serviceHours(decimal(state, SERVICE_HOURS, errors));
    b.unpaidHours(decimal(state, UNPAID_HOURS, errors));
    b.outcome(choice(state, OUTCOME, errors, t -> Outcome.parse(OUTCOME, t)));
    b.revenueWon(decimal(state, REVENUE_WON, errors));
    b.discountPct(decimal(state, DISCOUNT, errors));
    List<String> ticked = ticked(state, SIGNALS);
    b.freebies(ticked.contains(FREEBIES));
    b.quotaPressure(ticked.contains(QUOTA_PRESSURE));
    b.billingDispute(ticked.contains(BILLING_DISPUTE));
    b.clientConduct(choice(state, CONDUCT, errors, t -> ClientConduct.parse(CONDUCT, t)));
    b.promisesBrokenByClient(whole(state, BROKEN_BY_CLIENT, errors));
    b.promisesBrokenByUs(whole(state, BROKEN_BY_US, errors));
    b.paymentDays(whole(state, PAYMENT_DAYS, errors));
    b.valueRating(choice(state, VALUE_RATING, errors, t -> {
      try {
        return Integer.valueOf(t);
      } catch (NumberFormatException e) {
        throw new InvalidFieldException(VALUE_RATING, "must be 1 to 5");
      }
    }));
    String note = text(state, NOTE);
    b.note(note == null || note.isBlank() ? null : note.strip());
    // The domain reports one broken rule at a time: clear each reported field and ask again, so
    // every wrong field is marked at once.
    for (int i = 0; i < 20; i++) {
      try {
        CheckIn checkIn = b.build();
        return errors.isEmpty() ? new Parsed(Optional.of(checkIn), Map.of()) : new Parsed(Optional.empty(), errors);
      } catch (InvalidFieldException e) {
        String block = e.field();
        errors.putIfAbsent(block, sentence(e.reason()));
        if (!clear(b, block)) {
          break;
        }
      }
    }
    return new Parsed(Optional.empty(), errors);
  }

  private static boolean clear(CheckIn.Builder b, String field) {
    switch (field) {
      case SERVICE_HOURS -> b.serviceHours((Double) null);
      case UNPAID_HOURS -> b.unpaidHours((Double) null);
      case REVENUE_WON -> b.revenueWon((Double) null);
      case DISCOUNT -> b.discountPct((Double) null);
      case BROKEN_BY_CLIENT -> b.promisesBrokenByClient(null);
      case BROKEN_BY_US -> b.promisesBrokenByUs(null);
      case PAYMENT_DAYS -> b.paymentDays(null);
      case VALUE_RATING -> b.valueRating(null);
      case NOTE -> b.note(null);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static String sentence(String reason) {
    return reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
  }

  private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> state, String block) {
    Map<String, ViewState.Value> b = state.get(block);
    return b == null ? null : b.get(ACTION);
  }

  private static String text(Map<String, Map<String, ViewState.Value>> state, String block) {
    ViewState.Value v = value(state, block);
    return v == null ? null : v.getValue();
  }

  private static String selected(Map<String, Map<String, ViewState.Value>> state, String block) {
    ViewState.Value v = value(state, block);
    return v == null || v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
  }

  private static List<String> ticked(Map<String, Map<String, ViewState.Value>> state, String block) {
    ViewState.Value v = value(state, block);
    if (v == null || v.getSelectedOptions() == null) {
      return List.of();
    }
    return v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
  }

  private static Integer whole(Map<String, Map<String, ViewState.Value>> state, String block, Map<String, String> errors) {
    String t = text(state, block);
    if (t == null || t.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(t.strip());
    } catch (NumberFormatException e) {
      errors.put(block, "Enter a whole number, like 3.");
      return null;
    }
  }

  private static Double decimal(Map<String, Map<String, ViewState.Value>> state, String block, Map<String, String> errors) {
    String t = text(state, block);
    if (t == null || t.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(t.strip());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException(t);
      }
      return d;
    } catch (NumberFormatException e) {
      errors.put(block, "Enter a number, like 2.5.");
      return null;
    }
  }

  private static <T> T choice(Map<String, Map<String, ViewState.Value>> state, String block,
      Map<String, String> errors, Function<String, T> parse) {
    String s = selected(state, block);
    if (s == null) {
      return null;
    }
    try {
      return parse.apply(s);
    } catch (InvalidFieldException e) {
      errors.put(block, "Choose one of the options.");
      return null;
    }
  }

  /** Labels for outcomes, in the modal's order. */
  static final class Outcomes {
    static final List<OptionObject> OPTIONS = List.of(
        option("None", Outcome.NONE.id()),
        option("Progressed", Outcome.PROGRESSED.id()),
        option("Won", Outcome.WON.id()),
        option("Lost", Outcome.LOST.id()));

    static String label(Outcome o) {
      return OPTIONS.get(o.ordinal()).getText().getText();
    }
  }

  /** Labels for client conduct, best to worst. */
  static final class Conduct {
    static final List<OptionObject> OPTIONS = List.of(
        option("Respectful", ClientConduct.RESPECTFUL.id()),
        option("Demanding", ClientConduct.DEMANDING.id()),
        option("Aggressive", ClientConduct.AGGRESSIVE.id()),
        option("Threatening", ClientConduct.THREATENING.id()));

    static String label(ClientConduct c) {
      return OPTIONS.get(c.ordinal()).getText().getText();
    }
  }

  /** The 1–5 value scale. */
  static final class Rating {
    static final List<OptionObject> OPTIONS = List.of(
        option("1", "1"), option("2", "2"), option("3", "3"), option("4", "4"), option("5", "5"));
  }
}
