package io.rapport.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.views.CheckInModal;
import io.rapport.testing.SlackRequests;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A check-in modal's submission as Slack sends it, and how to read Slack's answer to it, for tests
 * that submit many (fault tests): a valid form for one account and week, and the three answers a
 * submission can get.
 */
final class CheckInForms {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the modal showed the rep after pressing Submit. */
  enum Answer {
    /** The modal closed: Rapport said "saved". */
    SAVED,
    /** The modal stayed open with "Couldn't save: please submit again." */
    NOT_SAVED,
    /** Anything else (a refusal, a field error, an HTTP error): never expected in these tests. */
    OTHER
  }

  private CheckInForms() {}

  /** The five weeks a modal opened at {@code now} offers (UTC, the test users' zone). */
  static List<IsoWeek> weeksOfferedAt(Instant now) {
    IsoWeek week = IsoWeek.of(LocalDate.ofInstant(now, ZoneOffset.UTC));
    return List.of(week, week.minusWeeks(1), week.minusWeeks(2), week.minusWeeks(3), week.minusWeeks(4));
  }

  /** Submits a valid check-in of {@code accountId} for {@code week} from modal {@code viewId}. */
  static HttpResponse<String> submit(SlackRequests slack, String rep, String viewId, String accountId,
      List<IsoWeek> weeks, IsoWeek week) {
    return submit(slack, rep, viewId, accountId, weeks, week, 30);
  }

  /** As {@link #submit(SlackRequests, String, String, String, List, IsoWeek)}, paid in {@code paymentDays}. */
  static HttpResponse<String> submit(SlackRequests slack, String rep, String viewId, String accountId,
      List<IsoWeek> weeks, IsoWeek week, int paymentDays) {
    return slack.viewSubmission(rep, CheckInModal.CALLBACK_ID, viewId,
        new CheckInModal.Metadata(accountId, weeks).toJson(), values(week, paymentDays));
  }

  /** How Slack would show the ack of a submission. */
  static Answer answerOf(HttpResponse<String> ack) throws Exception {
    if (ack.statusCode() != 200) {
      return Answer.OTHER;
    }
    if (ack.body().isBlank()) {
      return Answer.SAVED;
    }
    JsonNode body = JSON.readTree(ack.body());
    if (body.path("response_action").asText().equals("errors")
        && body.path("errors").path(CheckInModal.FORM_ERROR_BLOCK).asText().equals(CheckInModal.NOT_SAVED)
        && body.path("errors").size() == 1) {
      return Answer.NOT_SAVED;
    }
    return Answer.OTHER;
  }

  /** The state values of a valid, fully answered form for {@code week}, paid in {@code paymentDays}. */
  static ObjectNode values(IsoWeek week, int paymentDays) {
    ObjectNode values = JSON.createObjectNode();
    choice(values, "week", "static_select", week.toString());
    number(values, "contacts.business", "2");
    number(values, "contacts.social", "1");
    number(values, "serviceHours", "6");
    number(values, "unpaidHours", "1");
    choice(values, "outcome", "radio_buttons", "progressed");
    number(values, "discountPct", "5");
    values.putObject("events").putObject("checkin.events").put("type", "checkboxes").putArray("selected_options");
    choice(values, "clientConduct", "radio_buttons", "respectful");
    number(values, "paymentDays", Integer.toString(paymentDays));
    choice(values, "valueRating", "radio_buttons", "4");
    values.putObject("note").putObject("value").put("type", "plain_text_input").put("value", "Quarterly review");
    return values;
  }

  private static void number(ObjectNode values, String block, String value) {
    values.putObject(block).putObject("value").put("type", "number_input").put("value", value);
  }

  private static void choice(ObjectNode values, String block, String type, String value) {
    ObjectNode v = values.putObject(block).putObject("value").put("type", type);
    v.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text").put("text", value);
  }
}
