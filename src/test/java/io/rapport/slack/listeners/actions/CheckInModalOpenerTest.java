package io.rapport.slack.listeners.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.slack.api.RequestConfigurator;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.request.views.ViewsUpdateRequest;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.User;
import com.slack.api.model.view.View;
import io.rapport.checkin.CheckInService;
import io.rapport.domain.Account;
import io.rapport.slack.out.SlackApi;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.team.Access;
import io.rapport.team.UserTimeZones;
import io.rapport.testing.MutableClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * The modal opens first, from what is cached, and is corrected afterwards when the rep's Slack
 * time zone (asked only after the modal is open) puts them in another week.
 */
class CheckInModalOpenerTest {
  static final String WS = "T1";
  /** Sunday 20:00 UTC of 2026-W48 is already Monday of 2026-W49 in Auckland. */
  final MutableClock clock = MutableClock.at("2026-11-29T20:00:00Z");
  @TempDir Path dir;

  Store store;
  MethodsClient methods;
  CheckInModalOpener opener;
  final Account acme = Account.of("acme", "Acme", "UREP");

  @BeforeEach
  void setUp() throws Exception {
    store = new Store(Database.open("jdbc:sqlite:" + dir.resolve("t.db")));
    store.ensureWorkspace(WS, clock.millis());
    store.accounts().upsert(WS, acme, clock.millis());
    methods = mock(MethodsClient.class);
    SlackApi slack = mock(SlackApi.class);
    when(slack.methods()).thenReturn(methods);
    ViewsOpenResponse opened = new ViewsOpenResponse();
    opened.setOk(true);
    View view = new View();
    view.setId("V1");
    view.setHash("h1");
    opened.setView(view);
    when(methods.viewsOpen(any(RequestConfigurator.class))).thenReturn(opened);
    ViewsUpdateResponse updated = new ViewsUpdateResponse();
    updated.setOk(true);
    when(methods.viewsUpdate(any(RequestConfigurator.class))).thenReturn(updated);
    UsersInfoResponse info = new UsersInfoResponse();
    info.setOk(true);
    User user = new User();
    user.setId("UREP");
    user.setTz("Pacific/Auckland");
    info.setUser(user);
    when(methods.usersInfo(any(RequestConfigurator.class))).thenReturn(info);
    UserTimeZones zones = new UserTimeZones(store, new io.rapport.slack.out.SlackUserProfiles(slack), clock);
    CheckInService checkIns = new CheckInService(store, new Access(store, Set.of()), clock, List.of(),
        new io.rapport.store.BoundedWrites(store.database(), io.rapport.store.BoundedWrites.ACK_PATH), Runnable::run);
    opener = new CheckInModalOpener(checkIns, new io.rapport.checkin.AccountBook(store, new Access(store, Set.of()), clock),
        new io.rapport.prompt.DueAccounts(store), zones, slack, clock);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static View opened(ArgumentCaptor<RequestConfigurator> c) {
    return ((RequestConfigurator<ViewsOpenRequest.ViewsOpenRequestBuilder>) c.getValue())
        .configure(ViewsOpenRequest.builder()).build().getView();
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void anUncachedZoneIsAskedAfterTheModalIsOpenAndTheWeekIsCorrected() throws Exception {
    assertThat(opener.open(WS, "UREP", "trigger-1", acme)).isTrue();
    InOrder order = inOrder(methods);
    ArgumentCaptor<RequestConfigurator> open = ArgumentCaptor.forClass(RequestConfigurator.class);
    order.verify(methods).viewsOpen(open.capture());
    order.verify(methods).usersInfo(any(RequestConfigurator.class));
    ArgumentCaptor<RequestConfigurator> update = ArgumentCaptor.forClass(RequestConfigurator.class);
    order.verify(methods).viewsUpdate(update.capture());
    ViewsOpenRequest first = ((RequestConfigurator<ViewsOpenRequest.ViewsOpenRequestBuilder>) open.getValue())
        .configure(ViewsOpenRequest.builder()).build();
    assertThat(first.getTriggerId()).isEqualTo("trigger-1");
    assertThat(first.getView().getPrivateMetadata()).contains("\"2026-W48\"").doesNotContain("2026-W49");
    ViewsUpdateRequest second = ((RequestConfigurator<ViewsUpdateRequest.ViewsUpdateRequestBuilder>) update.getValue())
        .configure(ViewsUpdateRequest.builder()).build();
    assertThat(second.getViewId()).isEqualTo("V1");
    assertThat(second.getHash()).isEqualTo("h1");
    assertThat(second.getView().getPrivateMetadata()).startsWith("{\"account\":\"acme\",\"weeks\":[\"2026-W49\"");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aCachedZoneOpensTheRightWeekWithoutAskingSlack() throws Exception {
    store.users().setTimeZone(WS, "UREP", "Pacific/Auckland", clock.millis());
    opener.open(WS, "UREP", "trigger-2", acme);
    ArgumentCaptor<RequestConfigurator> open = ArgumentCaptor.forClass(RequestConfigurator.class);
    verify(methods).viewsOpen(open.capture());
    assertThat(opened(open).getPrivateMetadata()).contains("\"2026-W49\"");
    verify(methods, never()).usersInfo(any(RequestConfigurator.class));
    verify(methods, never()).viewsUpdate(any(RequestConfigurator.class));
  }

  @Test
  void aRefusedOpenIsReportedSoTheCommandCanSaySo() throws Exception {
    ViewsOpenResponse expired = new ViewsOpenResponse();
    expired.setOk(false);
    expired.setError("expired_trigger_id");
    when(methods.viewsOpen(any(RequestConfigurator.class))).thenReturn(expired);
    assertThat(opener.open(WS, "UREP", "old-trigger", acme)).isFalse();
    verify(methods, never()).viewsUpdate(any(RequestConfigurator.class));
  }
}
