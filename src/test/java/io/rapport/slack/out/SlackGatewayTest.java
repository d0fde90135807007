package io.rapport.slack.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.slack.api.RequestConfigurator;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The gateway's budgets, adaptation to 429s, lanes' deadlines and the SDK-shaped client, on a
 * virtual clock (nothing sleeps).
 */
class SlackGatewayTest {
  static final long SECOND = 1_000_000_000L;
  final SlackCallsTest.VirtualTicker ticker = new SlackCallsTest.VirtualTicker();

  /** A workspace budget Rapport is not told: a token bucket in virtual time, like Slack's. */
  final class HiddenBudget implements SlackCalls.Call<UsersInfoResponse> {
    final double perSecond;
    final double capacity;
    double tokens;
    long last = ticker.now;
    int accepted;
    int refused;

    HiddenBudget(double perMinute, int burst) {
      this.perSecond = perMinute / 60.0;
      this.capacity = burst;
      this.tokens = burst;
    }

    @Override
    public UsersInfoResponse call(MethodsClient methods) throws SlackApiException {
      tokens = Math.min(capacity, tokens + (ticker.now - last) / 1e9 * perSecond);
      last = ticker.now;
      if (tokens < 1) {
        refused++;
        throw SlackCallsTest.http(429, "1");
      }
      tokens -= 1;
      accepted++;
      return SlackCallsTest.ok();
    }
  }

  @Test
  void anUnknownPostingBudgetIsLearntToAtMostOneRefusalPerTenPosts() throws Exception {
    // Rapport starts at its default 300 posts a minute; the workspace really allows 30.
    SlackCalls calls = new SlackCalls(() -> null, new SlackLimiter(SlackLimits.DEFAULT, ticker), ticker);
    HiddenBudget slack = new HiddenBudget(30, 5);
    long start = ticker.now;
    int refusedAfterFirst100 = 0;
    for (int i = 0; i < 300; i++) {
      if (i == 100) {
        refusedAfterFirst100 = slack.refused;
      }
      calls.call("chat.postMessage", "D" + i, slack);
    }
    int refusedOnceAdapted = slack.refused - refusedAfterFirst100;
    assertThat(slack.accepted).isEqualTo(300);
    assertThat(refusedOnceAdapted).as("429s over the last 200 posts").isLessThanOrEqualTo(20);
    assertThat(slack.refused).as("429s over all 300 posts").isLessThanOrEqualTo(30);
    // The floor: 295 posts beyond the burst at 30 a minute.
    double floorSeconds = (300 - 5) / 0.5;
    double seconds = (ticker.now - start) / 1e9;
    assertThat(seconds / floorSeconds).as("send time over its floor").isLessThan(1.6);
  }

  @Test
  void aPauseOnPostsDoesNotHoldUpAModalOrAHomeTab() throws Exception {
    SlackCalls calls = new SlackCalls(() -> null, new SlackLimiter(SlackLimits.DEFAULT, ticker), ticker);
    calls.limiter().rateLimited("chat.postMessage", Duration.ofSeconds(30));
    long start = ticker.now;
    SlackCallsTest.Script script = new SlackCallsTest().new Script();
    calls.call("views.open", null, script);
    calls.call("views.publish", null, script);
    assertThat(ticker.now).isEqualTo(start);
    assertThat(calls.limiter().pauseRemainingNanos("chat.postMessage")).isEqualTo(30 * SECOND);
  }

  @Test
  void anInteractiveCallGivesUpInsteadOfWaitingPastItsTrigger() {
    SlackCalls calls = new SlackCalls(() -> null, new SlackLimiter(SlackLimits.DEFAULT, ticker), ticker);
    calls.limiter().rateLimited("views.open", Duration.ofSeconds(10));
    long deadline = ticker.now + SlackCalls.TRIGGER_LIFE.toNanos();
    int[] made = {0};
    assertThatThrownBy(() -> calls.callBefore("views.open", null, deadline, false, m -> {
      made[0]++;
      return SlackCallsTest.ok();
    })).isInstanceOfSatisfying(SlackCallException.class,
        e -> assertThat(e.error()).isEqualTo(SlackCalls.GAVE_UP));
    assertThat(made[0]).isZero();
    assertThat(ticker.sleeps).isEmpty();
  }

  @Test
  void theDeadlineOfTheInteractiveLaneBoundsEveryCallInItsWork() {
    SlackCalls calls = new SlackCalls(() -> null, new SlackLimiter(SlackLimits.DEFAULT, ticker), ticker);
    calls.limiter().rateLimited("views.update", Duration.ofSeconds(5));
    Throwable[] thrown = {null};
    SlackCalls.withDeadline(ticker.now + SlackCalls.TRIGGER_LIFE.toNanos(), () -> {
      try {
        calls.call("views.update", null, m -> SlackCallsTest.ok());
      } catch (Exception e) {
        thrown[0] = e;
      }
    });
    assertThat(thrown[0]).isInstanceOf(SlackCallException.class).hasMessageContaining(SlackCalls.GAVE_UP);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSdkShapedClientRetriesASafeCallAfterA5xxButNotAPost() throws Exception {
    MethodsClient raw = mock(MethodsClient.class);
    ViewsPublishResponse published = new ViewsPublishResponse();
    published.setOk(true);
    when(raw.viewsPublish(any(RequestConfigurator.class)))
        .thenThrow(SlackCallsTest.http(503, null)).thenReturn(published);
    when(raw.chatPostMessage(any(RequestConfigurator.class))).thenThrow(SlackCallsTest.http(502, null));
    SlackCalls calls = new SlackCalls(() -> raw, new SlackLimiter(SlackLimits.DEFAULT, ticker), ticker);
    MethodsClient client = GatewayMethods.wrap(raw, calls);

    assertThat(client.viewsPublish(r -> r.userId("U1")).isOk()).isTrue();
    verify(raw, times(2)).viewsPublish(any(RequestConfigurator.class));
    // A post that may have gone through is not repeated blindly: the SDK's exception comes back.
    assertThatThrownBy(() -> client.chatPostMessage(r -> r.channel("D1").text("hi")))
        .isInstanceOf(SlackApiException.class);
    verify(raw, times(1)).chatPostMessage(any(RequestConfigurator.class));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSdkShapedClientWaitsOutA429AndReturnsSlacksOwnRefusals() throws Exception {
    MethodsClient raw = mock(MethodsClient.class);
    ChatPostMessageResponse notInChannel = new ChatPostMessageResponse();
    notInChannel.setOk(false);
    notInChannel.setError("not_in_channel");
    when(raw.chatPostMessage(any(RequestConfigurator.class)))
        .thenThrow(SlackCallsTest.http(429, "3")).thenReturn(notInChannel);
    SlackCalls calls = new SlackCalls(() -> raw, new SlackLimiter(SlackLimits.DEFAULT, ticker), ticker);
    MethodsClient client = GatewayMethods.wrap(raw, calls);
    long start = ticker.now;
    ChatPostMessageResponse r = client.chatPostMessage(q -> q.channel("C1").text("hi"));
    assertThat(r.isOk()).isFalse();
    assertThat(r.getError()).isEqualTo("not_in_channel");
    assertThat(ticker.now - start).isGreaterThanOrEqualTo(3 * SECOND);
  }

  @Test
  void javaNamesMapToWebApiMethods() {
    assertThat(GatewayMethods.apiMethod("chatPostMessage")).isEqualTo("chat.postMessage");
    assertThat(GatewayMethods.apiMethod("viewsOpen")).isEqualTo("views.open");
    assertThat(GatewayMethods.apiMethod("filesGetUploadURLExternal")).isEqualTo("files.getUploadURLExternal");
    assertThat(MethodTier.of("views.open")).isEqualTo(MethodTier.TIER_4);
    assertThat(MethodTier.of("chat.postMessage")).isEqualTo(MethodTier.POSTING);
  }
}
