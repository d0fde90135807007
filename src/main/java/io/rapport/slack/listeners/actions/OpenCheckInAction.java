package io.rapport.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.rapport.checkin.AccountBook;
import io.rapport.domain.Account;
import io.rapport.slack.AfterAck;
import io.rapport.team.Refusal;

/**
 * {@code checkin.open} (value, or selected option, = account id): a Check in button in App Home,
 * the weekly prompt or the {@code /checkin} picker. Acknowledged at once; the modal is opened right
 * after, or a short notice when the account is not the presser's.
 */
public final class OpenCheckInAction implements BlockActionHandler {
  public static final String ACTION_ID = "checkin.open";

  private final AfterAck afterAck;
  private final AccountBook accounts;
  private final CheckInModalOpener opener;

  public OpenCheckInAction(AfterAck afterAck, AccountBook accounts, CheckInModalOpener opener) {
    this.afterAck = afterAck;
    this.accounts = accounts;
    this.opener = opener;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String workspaceId = ctx.getTeamId();
    String userId = p.getUser().getId();
    String triggerId = p.getTriggerId();
    String accountId = p.getActions().stream()
        .filter(a -> ACTION_ID.equals(a.getActionId()))
        .map(a -> a.getValue() != null ? a.getValue()
            : a.getSelectedOption() != null ? a.getSelectedOption().getValue() : null)
        .filter(v -> v != null && !v.isBlank())
        .findFirst().orElse(null);
    if (accountId != null && workspaceId != null) {
      afterAck.interactive("checkin.open " + accountId + " by " + userId + " in " + workspaceId, () -> {
        Account account;
        try {
          account = accounts.byId(workspaceId, userId, accountId);
        } catch (Refusal r) {
          opener.refuse(workspaceId, userId, triggerId, r.getMessage());
          return;
        }
        opener.open(workspaceId, userId, triggerId, account);
      });
    }
    return ctx.ack();
  }
}
