package io.rapport.slack.listeners.views;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import io.rapport.flag.FlagService;
import io.rapport.slack.views.FlagMessages;
import io.rapport.store.BoundedWrites;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import io.rapport.logs.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Plan action modal ({@code flag.plan}): checks the fields without I/O (errors go back into
 * the modal), stores the plan in the ack path within {@link BoundedWrites#ACK_PATH} and only then
 * closes the modal; a plan not stored in time, or refused, is answered in the modal. The plan's
 * id is the view id, so a repeated submission stores and posts nothing new. The thread note
 * follows on the background lane.
 */
public final class FlagPlanSubmission implements ViewSubmissionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FlagPlanSubmission.class);

  private final FlagService flags;
  private final Clock clock;

  public FlagPlanSubmission(FlagService flags, Clock clock) {
    this.flags = flags;
    this.clock = clock;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    String workspaceId = ctx.getTeamId();
    String userId = p.getUser().getId();
    String flagId = p.getView().getPrivateMetadata();
    String viewId = p.getView().getId();
    Map<String, Map<String, ViewState.Value>> values =
        p.getView().getState() == null ? Map.of() : p.getView().getState().getValues();
    String action = text(values, FlagMessages.PLAN_ACTION_BLOCK, FlagMessages.PLAN_ACTION);
    ViewState.Value ownerValue = value(values, FlagMessages.PLAN_OWNER_BLOCK, FlagMessages.PLAN_OWNER);
    String owner = ownerValue == null ? null : ownerValue.getSelectedUser();
    ViewState.Value dueValue = value(values, FlagMessages.PLAN_DUE_BLOCK, FlagMessages.PLAN_DUE);
    String dueText = dueValue == null ? null : dueValue.getSelectedDate();

    Map<String, String> errors = new LinkedHashMap<>();
    if (action == null || action.isBlank()) {
      errors.put(FlagMessages.PLAN_ACTION_BLOCK, "Say what will be done.");
    } else if (action.strip().length() > FlagMessages.MAX_ACTION) {
      errors.put(FlagMessages.PLAN_ACTION_BLOCK, "Keep it under " + FlagMessages.MAX_ACTION + " characters.");
    }
    if (owner == null || !owner.matches("[UW][A-Z0-9]+")) {
      errors.put(FlagMessages.PLAN_OWNER_BLOCK, "Choose who owns the plan.");
    }
    LocalDate due = null;
    try {
      due = dueText == null ? null : LocalDate.parse(dueText);
    } catch (DateTimeParseException e) {
      due = null;
    }
    // The earliest date anywhere on Earth right now, so no time zone sees "today" refused.
    LocalDate earliestToday = LocalDate.now(clock.withZone(ZoneOffset.ofHours(-12)));
    if (due == null) {
      errors.put(FlagMessages.PLAN_DUE_BLOCK, "Choose a due date.");
    } else if (due.isBefore(earliestToday)) {
      errors.put(FlagMessages.PLAN_DUE_BLOCK, "The due date is in the past; choose today or a later day.");
    } else if (due.isAfter(earliestToday.plusYears(1))) {
      errors.put(FlagMessages.PLAN_DUE_BLOCK, "Choose a date within a year.");
    }
    if (!errors.isEmpty()) {
      return ctx.ackWithErrors(errors);
    }
    try {
      FlagService.Result r = flags.plan(workspaceId, userId, flagId, viewId, action, owner, due);
      Optional<String> refused = refusal(r);
      if (refused.isPresent()) {
        LOG.info("Plan for flag {} by {} in {} not stored: {}", LogText.id(flagId), userId, workspaceId, r.outcome());
        return ctx.ackWithErrors(Map.of(FlagMessages.PLAN_ACTION_BLOCK, refused.get()));
      }
      return ctx.ack();
    } catch (BoundedWrites.NotWritten e) {
      return ctx.ackWithErrors(Map.of(FlagMessages.PLAN_ACTION_BLOCK, FlagMessages.NOT_SAVED));
    }
  }

  /** What a modal says when the change was refused or the flag is gone; empty when it was stored. */
  static Optional<String> refusal(FlagService.Result r) {
    return switch (r.outcome()) {
      case REFUSED -> Optional.of(FlagMessages.REFUSED_IN_MODAL);
      case NOT_FOUND -> Optional.of(FlagMessages.GONE);
      default -> Optional.empty();
    };
  }

  static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    Map<String, ViewState.Value> b = values == null ? null : values.get(block);
    return b == null ? null : b.get(action);
  }

  static String text(Map<String, Map<String, ViewState.Value>> values, String block, String action) {
    ViewState.Value v = value(values, block, action);
    return v == null ? null : v.getValue();
  }
}
