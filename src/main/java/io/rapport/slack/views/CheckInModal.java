package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
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
import com.slack.api.model.block.element.ButtonElement;
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
import io.rapport.domain.WeekWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The check-in modal (SPEC §6, issue 12). The first screen has six inputs — the week, business and
 * social contacts, service hours, discount, and one "did any of these happen?" list — because that
 * is what an ordinary week needs. Ticking an item in the list reveals its follow-up question
 * (payment days when an invoice was paid, promise counts when a promise was broken, …) through
 * {@code views.update}; <b>More details</b> shows every signal. Rarely changing answers (the
 * client's usual manner, the value rating) are pre-filled from the last check-in and say so;
 * events are never copied. {@link #parse} turns a submission into a {@link CheckIn} or into errors
 * keyed by block id for {@code response_action: errors}. Pure: no I/O.
 */
public final class CheckInModal {
  public static final String CALLBACK_ID = "checkin.modal";
  /** The action id of the element inside every plain input block (blocks are told apart by block id). */
  public static final String ACTION = "value";
  /** The "did any of these happen?" checkboxes: ticking one dispatches, so its follow-up appears. */
  public static final String EVENTS_ACTION = "checkin.events";
  /** The "More details" button: every signal in the same modal. */
  public static final String MORE_ACTION = "checkin.more";
  /** "Nothing to report for this account" inside the modal (value: the account id). */
  public static final String NOTHING_ACTION = "checkin.nothing";

  // Block ids are the SPEC §6 field names, so the domain's InvalidFieldException maps to them.
  public static final String WEEK = "week";
  public static final String BUSINESS = "contacts.business";
  public static final String SOCIAL = "contacts.social";
  public static final String SERVICE_HOURS = "serviceHours";
  public static final String UNPAID_HOURS = "unpaidHours";
  public static final String OUTCOME = "outcome";
  public static final String REVENUE_WON = "revenueWon";
  public static final String DISCOUNT = "discountPct";
  public static final String EVENTS = "events";
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

  /** The items of the events list (option values). */
  public static final String NEW_BUSINESS = "newBusiness";
  public static final String FREEBIES = "freebies";
  public static final String UNPAID = "unpaidWork";
  public static final String INVOICE_PAID = "invoicePaid";
  public static final String PROMISE_BROKEN = "promiseBroken";
  public static final String QUOTA_PRESSURE = "quotaPressure";
  public static final String BILLING_DISPUTE = "billingDispute";
  public static final String INCIDENT = "conductIncident";

  /** The lead's decision: who can read a note, said where it is typed. */
  public static final String NOTE_LABEL = "Note (only you, your manager and Rapport's admins can read it)";
  /** The value of the value-rating option that means "no rating this week". */
  static final String NO_RATING = "none";
  /** Accounts offered next in one sitting, at most (keeps private_metadata far below 3,000 chars). */
  public static final int MAX_QUEUE = 40;

  private static final ObjectMapper JSON = new ObjectMapper();

  private CheckInModal() {}

  /** One item of the events list and the follow-up blocks it reveals. */
  private record Event(String value, String label, List<String> followUps) {}

  private static final List<Event> EVENT_LIST = List.of(
      new Event(NEW_BUSINESS, "New business: a deal progressed, was won or lost", List.of(OUTCOME, REVENUE_WON)),
      new Event(FREEBIES, "We gave products or services away", List.of()),
      new Event(UNPAID, "Some of the service work was unpaid", List.of(UNPAID_HOURS)),
      new Event(INVOICE_PAID, "The client paid an invoice", List.of(PAYMENT_DAYS)),
      new Event(PROMISE_BROKEN, "A promise was broken (by them or by us)", List.of(BROKEN_BY_CLIENT, BROKEN_BY_US)),
      new Event(QUOTA_PRESSURE, "I pushed this account to make a quota or target", List.of()),
      new Event(BILLING_DISPUTE, "Billing dispute: charged twice or misled, or they say so", List.of(NOTE)),
      new Event(INCIDENT, "The client was aggressive or threatening", List.of(CONDUCT)));

  /** Every follow-up block, in the order they appear under the list. */
  private static final List<String> FOLLOW_UPS =
      List.of(OUTCOME, REVENUE_WON, UNPAID_HOURS, PAYMENT_DAYS, BROKEN_BY_CLIENT, BROKEN_BY_US, CONDUCT, NOTE);

  /**
   * What the modal carries in {@code private_metadata}: the account, the weeks offered, the due
   * accounts to offer next in this sitting, whether the details are shown, how many accounts this
   * sitting has saved, and the answers pre-filled from the last check-in (shown on the form, stored
   * when the rep leaves them be).
   */
  public record Metadata(String accountId, List<IsoWeek> weeks, List<String> queue, boolean details, int saved,
      ClientConduct carriedConduct, Integer carriedValue, IsoWeek carriedFrom) {

    public Metadata {
      queue = List.copyOf(queue.size() > MAX_QUEUE ? queue.subList(0, MAX_QUEUE) : queue);
      weeks = List.copyOf(weeks);
    }

    /** A single-account form with nothing pre-filled. */
    public Metadata(String accountId, List<IsoWeek> weeks) {
      this(accountId, weeks, List.of(), false, 0, null, null, null);
    }

    public Metadata withDetails() {
      return new Metadata(accountId, weeks, queue, true, saved, carriedConduct, carriedValue, carriedFrom);
    }

    public String toJson() {
      ObjectNode n = JSON.createObjectNode().put("account", accountId);
      ArrayNode w = n.putArray("weeks");
      weeks.forEach(x -> w.add(x.toString()));
      if (!queue.isEmpty()) {
        ArrayNode q = n.putArray("next");
        queue.forEach(q::add);
      }
      if (details) {
        n.put("details", true);
      }
      if (saved > 0) {
        n.put("saved", saved);
      }
      if (carriedConduct != null) {
        n.put("conduct", carriedConduct.id());
      }
      if (carriedValue != null) {
        n.put("value", carriedValue);
      }
      if (carriedFrom != null) {
        n.put("from", carriedFrom.toString());
      }
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
        List<String> queue = new ArrayList<>();
        for (JsonNode q : n.path("next")) {
          queue.add(q.asText());
        }
        ClientConduct conduct = n.path("conduct").isTextual()
            ? ClientConduct.parse(CONDUCT, n.path("conduct").asText()) : null;
        Integer value = n.path("value").isInt() ? n.path("value").asInt() : null;
        if (value != null && (value < 1 || value > 5)) {
          return Optional.empty();
        }
        IsoWeek from = n.path("from").isTextual() ? IsoWeek.parse(n.path("from").asText()) : null;
        return weeks.isEmpty() ? Optional.empty() : Optional.of(new Metadata(n.path("account").asText(), weeks,
            queue, n.path("details").asBoolean(false), Math.max(0, n.path("saved").asInt(0)), conduct, value, from));
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
   * What the form shows: answers as typed or chosen, by block id, and the ticked events. Built
   * from a check-in being edited, or from the modal's state when it is redrawn (a follow-up
   * revealed, the details opened), so nothing the rep typed is lost.
   */
  public record Draft(Map<String, String> answers, Set<String> ticked) {
    public static Draft empty() {
      return new Draft(Map.of(), Set.of());
    }

    /** The answers of an existing check-in, for an edit. */
    public static Draft of(CheckIn c) {
      Map<String, String> a = new LinkedHashMap<>();
      Set<String> t = new LinkedHashSet<>();
      a.put(WEEK, c.week().toString());
      if (c.contacts() != null) {
        if (c.contacts().business() != null) {
          a.put(BUSINESS, Integer.toString(c.contacts().business()));
        }
        if (c.contacts().social() != null) {
          a.put(SOCIAL, Integer.toString(c.contacts().social()));
        }
      }
      putNumber(a, SERVICE_HOURS, c.serviceHours());
      putNumber(a, DISCOUNT, c.discountPct());
      if ((c.outcome() != null && c.outcome() != Outcome.NONE) || (c.revenueWon() != null && c.revenueWon() > 0)) {
        t.add(NEW_BUSINESS);
      }
      if (c.outcome() != null) {
        a.put(OUTCOME, c.outcome().id());
      }
      putNumber(a, REVENUE_WON, c.revenueWon());
      if (Boolean.TRUE.equals(c.freebies())) {
        t.add(FREEBIES);
      }
      if (c.unpaidHours() != null && c.unpaidHours() > 0) {
        t.add(UNPAID);
      }
      putNumber(a, UNPAID_HOURS, c.unpaidHours());
      if (c.paymentDays() != null) {
        t.add(INVOICE_PAID);
      }
      putNumber(a, PAYMENT_DAYS, c.paymentDays());
      if (c.promisesBrokenByClient() != null || c.promisesBrokenByUs() != null) {
        t.add(PROMISE_BROKEN);
      }
      putNumber(a, BROKEN_BY_CLIENT, c.promisesBrokenByClient());
      putNumber(a, BROKEN_BY_US, c.promisesBrokenByUs());
      if (Boolean.TRUE.equals(c.quotaPressure())) {
        t.add(QUOTA_PRESSURE);
      }
      if (Boolean.TRUE.equals(c.billingDispute())) {
        t.add(BILLING_DISPUTE);
      }
      if (c.clientConduct() != null) {
        a.put(CONDUCT, c.clientConduct().id());
        if (c.clientConduct().compareTo(ClientConduct.AGGRESSIVE) >= 0) {
          t.add(INCIDENT);
        }
      }
      if (c.valueRating() != null) {
        a.put(VALUE_RATING, c.valueRating().toString());
      }
      if (c.note() != null) {
        a.put(NOTE, c.note());
      }
      return new Draft(a, t);
    }

    /** What the rep has entered so far, read from the modal's state. */
    public static Draft fromState(Map<String, Map<String, ViewState.Value>> state) {
      Map<String, String> a = new LinkedHashMap<>();
      Set<String> t = new LinkedHashSet<>();
      if (state != null) {
        for (var block : state.entrySet()) {
          ViewState.Value v = first(block.getValue());
          if (v == null) {
            continue;
          }
          if (block.getKey().equals(EVENTS)) {
            if (v.getSelectedOptions() != null) {
              v.getSelectedOptions().forEach(o -> t.add(o.getValue()));
            }
          } else if (v.getSelectedOption() != null) {
            a.put(block.getKey(), v.getSelectedOption().getValue());
          } else if (v.getValue() != null) {
            a.put(block.getKey(), v.getValue());
          }
        }
      }
      return new Draft(a, t);
    }

    String get(String block) {
      String v = answers.get(block);
      return v == null || v.isBlank() ? null : v;
    }

    private static void putNumber(Map<String, String> a, String block, Number n) {
      if (n != null) {
        a.put(block, number(n));
      }
    }
  }

  /** Everything the modal for one account shows. */
  public record Form(Account account, Metadata metadata, IsoWeek current, Draft draft, boolean editing,
      Optional<CheckIn> previous) {}

  /**
   * The first modal for {@code account}: {@code weeks} offered newest first (the first is the
   * default and the rep's current week); {@code existing} (that week's check-in) opens the details
   * for an edit; {@code previous} (the last check-in before) pre-fills the client's usual manner
   * and the value rating, and gives the hints; {@code queue} are the due accounts offered next.
   */
  public static View build(Account account, List<IsoWeek> weeks, Optional<CheckIn> existing,
      Optional<CheckIn> previous, List<String> queue, int saved) {
    ClientConduct conduct = null;
    Integer value = null;
    IsoWeek from = null;
    if (existing.isEmpty() && previous.isPresent()) {
      CheckIn last = previous.get();
      // The client's usual manner carries over; an aggressive or threatening week is an incident
      // (an event), never copied.
      if (last.clientConduct() != null && last.clientConduct().compareTo(ClientConduct.AGGRESSIVE) < 0) {
        conduct = last.clientConduct();
      }
      value = last.valueRating();
      from = conduct != null || value != null ? last.week() : null;
    }
    Metadata metadata = new Metadata(account.id(), weeks, queue, existing.isPresent(), saved, conduct, value, from);
    Draft draft = existing.map(Draft::of).orElse(Draft.empty());
    return build(new Form(account, metadata, weeks.get(0), draft, existing.isPresent(), previous));
  }

  /** The same for a single account (no sitting). */
  public static View build(Account account, List<IsoWeek> weeks, Optional<CheckIn> existing, Optional<CheckIn> previous) {
    return build(account, weeks, existing, previous, List.of(), 0);
  }

  /** The modal redrawn from {@code form} (after a tick or "More details"); typed answers stay. */
  public static View build(Form form) {
    Metadata m = form.metadata();
    Draft d = form.draft();
    Account account = form.account();
    CheckIn last = form.previous().orElse(null);
    List<LayoutBlock> blocks = new ArrayList<>();
    String name = "*" + SlackText.escape(account.name()) + "*";
    String intro = form.editing()
        ? name + " — you already checked in for " + WeekWords.relative(weekOf(d, m), form.current())
            + "; saving again updates it."
        : name + " — leave empty whatever didn't happen this week; an empty field means not reported.";
    blocks.add(section(s -> s.text(markdownText(intro))));
    String carried = carriedLine(m, form.current());
    if (carried != null) {
      blocks.add(context(c -> c.elements(List.of(markdownText(carried)))));
    }
    blocks.add(weekInput(m.weeks(), form.current(), d.get(WEEK)));
    blocks.add(numberInput(BUSINESS, "Business meetings and calls", false, null, d.get(BUSINESS),
        last == null || last.contacts() == null ? null : last.contacts().business()));
    blocks.add(numberInput(SOCIAL, "Social contacts: coffees, lunches, events", false, null, d.get(SOCIAL),
        last == null || last.contacts() == null ? null : last.contacts().social()));
    blocks.add(numberInput(SERVICE_HOURS, "Hours spent servicing the account", true, null, d.get(SERVICE_HOURS),
        last == null ? null : last.serviceHours()));
    blocks.add(numberInput(DISCOUNT, "Discount beyond list price (%)", true, "100", d.get(DISCOUNT),
        last == null ? null : last.discountPct()));
    blocks.add(eventsInput(d.ticked()));
    for (String block : FOLLOW_UPS) {
      if (block.equals(NOTE) && m.details()) {
        blocks.add(conductOrValue(VALUE_RATING, form));
      }
      if (m.details() || revealedBy(block, d.ticked())) {
        blocks.add(followUp(block, form));
      }
    }
    List<com.slack.api.model.block.element.BlockElement> buttons = new ArrayList<>();
    if (!m.details()) {
      buttons.add(button(b -> b.actionId(MORE_ACTION).text(plainText("More details")).value(account.id())));
    }
    if (!form.editing()) {
      buttons.add(ButtonElement.builder().actionId(NOTHING_ACTION).text(plainText("Nothing to report for this account"))
          .value(account.id()).build());
    }
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.blockId("checkin_actions").elements(buttons)));
    }
    int position = m.saved() + 1;
    int total = m.saved() + 1 + m.queue().size();
    String title = total > 1 ? "Check-in " + position + " of " + total : "Check-in";
    String submit = form.editing() ? "Update" : m.queue().isEmpty() ? "Save" : "Save & next";
    return view(v -> v.type("modal")
        .callbackId(CALLBACK_ID)
        .title(viewTitle(t -> t.type("plain_text").text(title)))
        .submit(viewSubmit(s -> s.type("plain_text").text(submit)))
        .close(viewClose(c -> c.type("plain_text").text(m.saved() > 0 ? "Stop here" : "Cancel")))
        .privateMetadata(m.toJson())
        .blocks(blocks));
  }

  /** A modal that only says something (a refusal, the end of a sitting); no submit button. */
  public static View notice(String title, String markdown) {
    String t = title.length() > 24 ? title.substring(0, 24) : title;
    return view(v -> v.type("modal")
        .callbackId("checkin.notice")
        .title(viewTitle(x -> x.type("plain_text").text(t)))
        .close(viewClose(c -> c.type("plain_text").text("Close")))
        .blocks(List.of(section(s -> s.text(markdownText(markdown))))));
  }

  /** The end of a sitting: every account offered was answered. */
  public static View sittingDone(int saved, IsoWeek week) {
    String accounts = saved == 1 ? "1 account" : saved + " accounts";
    return notice("All done", ":white_check_mark: Saved " + accounts + " for " + WeekWords.relative(week, week)
        + ", and nothing else is due. Thank you!");
  }

  /** After "Nothing to report for this account" when it could not be recorded. */
  public static String nothingNotRecorded() {
    return "I could not record this account as nothing to report: only its rep can,"
        + " and only for a week that has no answer yet. Use *Save* to record a check-in instead.";
  }

  /** Ids of the input blocks of a view (what the rep can type into or choose). */
  public static List<String> inputs(View view) {
    return view.getBlocks().stream().filter(b -> b instanceof InputBlock).map(LayoutBlock::getBlockId).toList();
  }

  private static IsoWeek weekOf(Draft d, Metadata m) {
    String w = d.get(WEEK);
    return m.weeks().stream().filter(x -> x.toString().equals(w)).findFirst().orElse(m.weeks().get(0));
  }

  private static String carriedLine(Metadata m, IsoWeek current) {
    if (m.carriedConduct() == null && m.carriedValue() == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (m.carriedConduct() != null) {
      parts.add("client *" + Conduct.label(m.carriedConduct()).toLowerCase(java.util.Locale.ROOT) + "*");
    }
    if (m.carriedValue() != null) {
      parts.add("value *" + m.carriedValue() + " of 5*");
    }
    String from = m.carriedFrom() == null ? "your last check-in"
        : "your check-in for " + WeekWords.relative(m.carriedFrom(), current);
    return ":leftwards_arrow_with_hook: Pre-filled from " + from + ": " + String.join(", ", parts) + "."
        + (m.details() ? " Change them below if this week was different."
            : " Different this week? Change them under *More details*.");
  }

  private static boolean revealedBy(String block, Set<String> ticked) {
    return EVENT_LIST.stream().anyMatch(e -> ticked.contains(e.value()) && e.followUps().contains(block));
  }

  private static InputBlock weekInput(List<IsoWeek> weeks, IsoWeek current, String chosen) {
    List<OptionObject> options = new ArrayList<>();
    for (IsoWeek w : weeks) {
      options.add(option(weekLabel(w, current), w.toString()));
    }
    OptionObject initial = options.stream().filter(o -> o.getValue().equals(chosen)).findFirst().orElse(options.get(0));
    return InputBlock.builder()
        .blockId(WEEK)
        .label(plainText("Week"))
        .element(StaticSelectElement.builder().actionId(ACTION).options(options).initialOption(initial).build())
        .build();
  }

  /** "This week (23–29 Nov)", "Last week (16–22 Nov)", "Week of 9 Nov". */
  static String weekLabel(IsoWeek w, IsoWeek current) {
    String words = WeekWords.relative(w, current);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static LayoutBlock eventsInput(Set<String> ticked) {
    List<OptionObject> options = EVENT_LIST.stream().map(e -> option(e.label(), e.value())).toList();
    List<OptionObject> initial = options.stream().filter(o -> ticked.contains(o.getValue())).toList();
    CheckboxesElement.CheckboxesElementBuilder e = CheckboxesElement.builder().actionId(EVENTS_ACTION).options(options);
    if (!initial.isEmpty()) {
      e.initialOptions(initial);
    }
    return InputBlock.builder().blockId(EVENTS).label(plainText("Did any of these happen this week?"))
        .optional(true).dispatchAction(true).element(e.build())
        .hint(plainText("Tick what happened; a short follow-up question appears where one is needed.")).build();
  }

  private static LayoutBlock followUp(String block, Form form) {
    Draft d = form.draft();
    Metadata m = form.metadata();
    CheckIn last = form.previous().orElse(null);
    return switch (block) {
      case OUTCOME -> {
        List<OptionObject> options = m.details() ? Outcomes.OPTIONS : Outcomes.OPTIONS.subList(1, 4);
        yield radio(OUTCOME, "How did the new business go?", options, d.get(OUTCOME), null);
      }
      case REVENUE_WON -> numberInput(REVENUE_WON, "Value won this week", true, null, d.get(REVENUE_WON), null);
      case UNPAID_HOURS -> numberInput(UNPAID_HOURS, "…of the service hours, how many were unpaid?", true, null,
          d.get(UNPAID_HOURS), last == null ? null : last.unpaidHours());
      case PAYMENT_DAYS -> numberInput(PAYMENT_DAYS, "Days the client took to pay the invoice", false, "3650",
          d.get(PAYMENT_DAYS), null, "Agreed terms: " + form.account().agreedPaymentDays() + " days");
      case BROKEN_BY_CLIENT -> numberInput(BROKEN_BY_CLIENT, "Promises the client did not keep", false, null,
          d.get(BROKEN_BY_CLIENT), null);
      case BROKEN_BY_US -> numberInput(BROKEN_BY_US, "Promises we did not keep", false, null, d.get(BROKEN_BY_US), null);
      case CONDUCT -> conductOrValue(CONDUCT, form);
      case NOTE -> noteInput(d.get(NOTE));
      default -> throw new IllegalArgumentException(block);
    };
  }

  private static LayoutBlock conductOrValue(String block, Form form) {
    Draft d = form.draft();
    Metadata m = form.metadata();
    String chosen = d.answers().containsKey(block) ? d.get(block) : null;
    String hint = null;
    if (block.equals(CONDUCT) && !m.details()) {
      // Revealed by "aggressive or threatening": ask which, nothing pre-chosen.
      return radio(CONDUCT, "How did the client treat you?", Conduct.OPTIONS.subList(2, 4), chosen, null);
    }
    if (!d.answers().containsKey(block) && !form.editing()) {
      if (block.equals(CONDUCT) && m.carriedConduct() != null) {
        chosen = m.carriedConduct().id();
        hint = "Pre-filled from your last check-in.";
      }
      if (block.equals(VALUE_RATING) && m.carriedValue() != null) {
        chosen = m.carriedValue().toString();
        hint = "Pre-filled from your last check-in.";
      }
    }
    if (block.equals(CONDUCT)) {
      return radio(CONDUCT, "How did the client treat you?", Conduct.OPTIONS, chosen, hint);
    }
    return radio(VALUE_RATING, "Value the relationship creates for both sides (1 = little, 5 = a lot)",
        Rating.OPTIONS, chosen, hint);
  }

  private static LayoutBlock numberInput(String blockId, String label, boolean decimal, String max, String initial,
      Number last) {
    return numberInput(blockId, label, decimal, max, initial, last, null);
  }

  private static LayoutBlock numberInput(String blockId, String label, boolean decimal, String max, String initial,
      Number last, String extraHint) {
    NumberInputElement.NumberInputElementBuilder e = NumberInputElement.builder()
        .actionId(ACTION)
        .decimalAllowed(decimal)
        .minValue("0");
    if (max != null) {
      e.maxValue(max);
    }
    if (initial != null) {
      e.initialValue(initial);
    }
    String hint = last == null ? null : "Last time: " + number(last);
    if (extraHint != null) {
      hint = hint == null ? extraHint : extraHint + " · " + hint;
    }
    return inputBlock(blockId, label, e.build(), hint);
  }

  private static LayoutBlock radio(String blockId, String label, List<OptionObject> options, String initial,
      String hint) {
    RadioButtonsElement.RadioButtonsElementBuilder e = RadioButtonsElement.builder().actionId(ACTION).options(options);
    options.stream().filter(o -> o.getValue().equals(initial)).findFirst().ifPresent(e::initialOption);
    return inputBlock(blockId, label, e.build(), hint);
  }

  private static LayoutBlock noteInput(String initial) {
    PlainTextInputElement.PlainTextInputElementBuilder e = PlainTextInputElement.builder()
        .actionId(ACTION)
        .multiline(true)
        .maxLength(CheckIn.MAX_NOTE_LENGTH);
    if (initial != null) {
      e.initialValue(initial);
    }
    return inputBlock(NOTE, NOTE_LABEL, e.build(), null);
  }

  private static LayoutBlock inputBlock(String blockId, String label, BlockElement element, String hint) {
    InputBlock.InputBlockBuilder b = InputBlock.builder().blockId(blockId).label(plainText(label)).optional(true)
        .element(element);
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
   * (block id → message) for every field that is wrong, using the domain's own range checks. A
   * follow-up that was not shown stores nothing; the pre-filled conduct and value rating are
   * stored unless the rep changed them.
   */
  public static Parsed parse(Map<String, Map<String, ViewState.Value>> values, Metadata metadata) {
    Draft d = Draft.fromState(values);
    Map<String, String> errors = new LinkedHashMap<>();
    CheckIn.Builder b = CheckIn.builder(metadata.accountId(), metadata.weeks().get(0));
    String week = d.get(WEEK);
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
    Integer business = whole(d, BUSINESS, errors);
    Integer social = whole(d, SOCIAL, errors);
    if (business != null || social != null) {
      try {
        // The modal asks for both counts side by side: a rep who fills one and leaves the other
        // blank has none of that kind (an interchange file may instead report only one count).
        b.contacts(new Contacts(business == null ? 0 : business, social == null ? 0 : social));
      } catch (InvalidFieldException e) {
        errors.put(e.field(), sentence(e.reason()));
      }
    }
    boolean sawEvents = values != null && values.containsKey(EVENTS);
    Set<String> ticked = d.ticked();
    b.serviceHours(decimal(d, SERVICE_HOURS, errors));
    b.unpaidHours(decimal(d, UNPAID_HOURS, errors));
    Outcome outcome = choice(d, OUTCOME, errors, t -> Outcome.parse(OUTCOME, t));
    if (outcome == null && ticked.contains(NEW_BUSINESS)) {
      if (values != null && values.containsKey(OUTCOME)) {
        errors.put(OUTCOME, "Choose how the new business went.");
      }
    } else if (outcome == null && sawEvents) {
      outcome = Outcome.NONE; // the rep saw "new business" and did not tick it
    }
    b.outcome(outcome);
    b.revenueWon(decimal(d, REVENUE_WON, errors));
    b.discountPct(decimal(d, DISCOUNT, errors));
    if (sawEvents) {
      b.freebies(ticked.contains(FREEBIES));
      b.quotaPressure(ticked.contains(QUOTA_PRESSURE));
      b.billingDispute(ticked.contains(BILLING_DISPUTE));
    }
    ClientConduct conduct = choice(d, CONDUCT, errors, t -> ClientConduct.parse(CONDUCT, t));
    if (conduct == null && ticked.contains(INCIDENT) && values != null && values.containsKey(CONDUCT)) {
      errors.put(CONDUCT, "Choose how the client treated you.");
    }
    boolean conductShown = values != null && values.containsKey(CONDUCT);
    b.clientConduct(conduct != null || conductShown ? conduct : metadata.carriedConduct());
    b.promisesBrokenByClient(whole(d, BROKEN_BY_CLIENT, errors));
    b.promisesBrokenByUs(whole(d, BROKEN_BY_US, errors));
    b.paymentDays(whole(d, PAYMENT_DAYS, errors));
    boolean valueShown = values != null && values.containsKey(VALUE_RATING);
    String rating = d.get(VALUE_RATING);
    Integer value = null;
    if (rating != null && !rating.equals(NO_RATING)) {
      try {
        value = Integer.valueOf(rating);
      } catch (NumberFormatException e) {
        errors.put(VALUE_RATING, "Choose one of the options.");
      }
    }
    b.valueRating(valueShown ? value : metadata.carriedValue());
    String note = d.get(NOTE);
    b.note(note == null ? null : note.strip());
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

  /** The week chosen in a modal's state, if it is one of those offered. */
  public static Optional<IsoWeek> chosenWeek(Map<String, Map<String, ViewState.Value>> values, Metadata metadata) {
    String week = Draft.fromState(values).get(WEEK);
    return metadata.weeks().stream().filter(x -> x.toString().equals(week)).findFirst();
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

  private static ViewState.Value first(Map<String, ViewState.Value> block) {
    if (block == null || block.isEmpty()) {
      return null;
    }
    ViewState.Value v = block.get(ACTION);
    return v != null ? v : block.values().iterator().next();
  }

  private static Integer whole(Draft d, String block, Map<String, String> errors) {
    String t = d.get(block);
    if (t == null) {
      return null;
    }
    try {
      return Integer.valueOf(t.strip());
    } catch (NumberFormatException e) {
      errors.put(block, "Enter a whole number, like 3.");
      return null;
    }
  }

  private static Double decimal(Draft d, String block, Map<String, String> errors) {
    String t = d.get(block);
    if (t == null) {
      return null;
    }
    try {
      double v = Double.parseDouble(t.strip());
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new NumberFormatException(t);
      }
      return v;
    } catch (NumberFormatException e) {
      errors.put(block, "Enter a number, like 2.5.");
      return null;
    }
  }

  private static <T> T choice(Draft d, String block, Map<String, String> errors, Function<String, T> parse) {
    String s = d.get(block);
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

  /** The 1–5 value scale, and "no rating" (a radio cannot be cleared once chosen). */
  static final class Rating {
    static final List<OptionObject> OPTIONS = List.of(
        option("1", "1"), option("2", "2"), option("3", "3"), option("4", "4"), option("5", "5"),
        option("No rating", NO_RATING));
  }
}
