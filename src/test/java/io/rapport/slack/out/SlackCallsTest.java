package io.rapport.slack.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** Rate limits, Retry-After, backoff and error classes, on a virtual clock (nothing sleeps). */
class SlackCallsTest {
  /** Time that moves only when someone waits. */
  static final class VirtualTicker implements Ticker {
    long now = 1_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      sleeps.add(nanos);
      now += Math.max(0, nanos);
    }
  }

  /** A scripted sequence of Slack answers; records the virtual time of each call. */
  final class Script implements SlackCalls.Call<UsersInfoResponse> {
    final Deque<Object> answers = new ArrayDeque<>();
    final List<Long> calledAt = new ArrayList<>();

    Script then(Object answer) {
      answers.add(answer);
      return this;
    }

    @Override
    public UsersInfoResponse call(com.slack.api.methods.MethodsClient methods) throws java.io.IOException, SlackApiException {
      calledAt.add(ticker.now);
      Object next = answers.isEmpty() ? ok() : answers.poll();
      if (next instanceof SlackApiException e) {
        throw e;
      }
      if (next instanceof java.io.IOException e) {
        throw e;
      }
      return (UsersInfoResponse) next;
    }
  }

  final VirtualTicker ticker = new VirtualTicker();

  SlackCalls calls(SlackLimits limits) {
    return new SlackCalls(() -> null, new SlackLimiter(limits, ticker), ticker);
  }

  static UsersInfoResponse ok() {
    UsersInfoResponse r = new UsersInfoResponse();
    r.setOk(true);
    return r;
  }

  static UsersInfoResponse error(String error) {
    UsersInfoResponse r = new UsersInfoResponse();
    r.setOk(false);
    r.setError(error);
    return r;
  }

  static SlackApiException http(int status, String retryAfter) {
    Response.Builder b = new Response.Builder()
        .request(new Request.Builder().url("https://slack.example/api/users.info").build())
        .protocol(Protocol.HTTP_1_1).code(status).message("status " + status)
        .body(ResponseBody.create("", null));
    if (retryAfter != null) {
      b.header("Retry-After", retryAfter);
    }
    String body = status == 429 ? "{\"ok\":false,\"error\":\"ratelimited\"}" : "<html>oops</html>";
    return new SlackApiException(b.build(), body);
  }

  static final long SECOND = 1_000_000_000L;

  @Test
  void aRateLimitedCallWaitsForRetryAfterAndSucceeds() throws Exception {
    Script script = new Script().then(http(429, "7")).then(ok());
    assertThat(calls(SlackLimits.DEFAULT).call("users.info", null, script).isOk()).isTrue();
    assertThat(script.calledAt).hasSize(2);
    assertThat(script.calledAt.get(1) - script.calledAt.get(0)).isGreaterThanOrEqualTo(7 * SECOND);
  }

  @Test
  void postsToOneChannelAreASecondApartUnlessTheSpacingIsTurnedOff() throws Exception {
    SlackLimiter limiter = new SlackLimiter(SlackLimits.DEFAULT, ticker);
    long start = ticker.now;
    limiter.awaitTurn("chat.postMessage", "C1");
    limiter.awaitTurn("chat.postMessage", "C2");
    assertThat(ticker.now).as("two channels: no wait").isEqualTo(start);
    limiter.awaitTurn("chat.postMessage", "C1");
    assertThat(ticker.now - start).as("the same channel again").isEqualTo(SECOND);

    limiter.spaceChannelPostsBy(Duration.ZERO);
    long later = ticker.now;
    limiter.awaitTurn("chat.postMessage", "C3");
    limiter.awaitTurn("chat.postMessage", "C3");
    assertThat(ticker.now).as("spacing off: posts to one channel go at the budget's pace").isEqualTo(later);
  }

  @Test
  void retryAfterHoldsBackEveryLaterCallOfThatMethodButNotOthers() throws Exception {
    SlackCalls calls = calls(SlackLimits.DEFAULT);
    calls.limiter().rateLimited("chat.update", Duration.ofSeconds(10));
    long start = ticker.now;
    Script other = new Script();
    calls.call("users.info", null, other);
    assertThat(other.calledAt.get(0)).isEqualTo(start);
    Script update = new Script();
    calls.call("chat.update", null, update);
    assertThat(update.calledAt.get(0) - start).isGreaterThanOrEqualTo(10 * SECOND);
  }

  @Test
  void serverErrorsAndTimeoutsAreRetriedWithGrowingJitteredWaits() throws Exception {
    Script script = new Script().then(http(503, null)).then(new java.net.SocketTimeoutException("read"))
        .then(error("internal_error")).then(ok());
    assertThat(calls(SlackLimits.DEFAULT).call("users.info", null, script).isOk()).isTrue();
    assertThat(script.calledAt).hasSize(4);
    // base 500 ms doubling, half fixed and half random: [250, 500], [500, 1000], [1000, 2000] ms
    assertThat(ticker.sleeps).hasSize(3);
    assertThat(ticker.sleeps.get(0)).isBetween(250_000_000L, 500_000_000L);
    assertThat(ticker.sleeps.get(1)).isBetween(500_000_000L, 1_000_000_000L);
    assertThat(ticker.sleeps.get(2)).isBetween(1_000_000_000L, 2_000_000_000L);
  }

  @Test
  void transientFailuresGiveUpAfterTheConfiguredAttempts() {
    Script script = new Script();
    for (int i = 0; i < 10; i++) {
      script.then(http(500, null));
    }
    assertThatThrownBy(() -> calls(SlackLimits.DEFAULT).call("users.info", null, script))
        .isInstanceOfSatisfying(SlackCallException.class, e -> {
          assertThat(e.permanent()).isFalse();
          assertThat(e.uncertain()).isTrue();
          assertThat(e.error()).isEqualTo("http_500");
        });
    assertThat(script.calledAt).hasSize(SlackLimits.DEFAULT.transientAttempts());
  }

  @Test
  void permanentErrorsAreNotRetried() {
    for (String error : List.of("user_not_found", "cannot_dm_bot", "account_inactive", "user_disabled",
        "channel_not_found")) {
      Script script = new Script().then(error(error));
      assertThatThrownBy(() -> calls(SlackLimits.DEFAULT).call("chat.postMessage", "D1", script))
          .isInstanceOfSatisfying(SlackCallException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.error()).isEqualTo(error);
          });
      assertThat(script.calledAt).hasSize(1);
    }
  }

  @Test
  void callOnceLeavesUncertainFailuresToTheCallerButWaitsOutRateLimits() {
    Script script = new Script().then(http(429, "2")).then(http(502, null));
    assertThatThrownBy(() -> calls(SlackLimits.DEFAULT).callOnce("chat.postMessage", "D1", script))
        .isInstanceOfSatisfying(SlackCallException.class, e -> assertThat(e.uncertain()).isTrue());
    assertThat(script.calledAt).hasSize(2);
    assertThat(script.calledAt.get(1) - script.calledAt.get(0)).isGreaterThanOrEqualTo(2 * SECOND);
  }

  @Test
  void postsKeepToTheWorkspaceBudget() throws Exception {
    SlackCalls calls = calls(SlackLimits.DEFAULT.withPostsPerMinute(60, 1));
    Script script = new Script();
    long start = ticker.now;
    for (int i = 0; i < 5; i++) {
      calls.call("chat.postMessage", "D" + i, script);
    }
    // one a second after the first: the fifth goes 4 s after the start, not before
    assertThat(script.calledAt.get(4) - start).isBetween(4 * SECOND - SECOND / 100, 4 * SECOND + SECOND / 10);
  }

  @Test
  void postsToOneChannelGoAboutOncePerSecond() throws Exception {
    SlackCalls calls = calls(SlackLimits.DEFAULT.withPostsPerMinute(60_000, 1000));
    Script script = new Script();
    long start = ticker.now;
    for (int i = 0; i < 3; i++) {
      calls.call("chat.postMessage", "DSAME", script);
    }
    calls.call("chat.postMessage", "DOTHER", script);
    assertThat(script.calledAt.get(1) - start).isEqualTo(SECOND);
    assertThat(script.calledAt.get(2) - start).isEqualTo(2 * SECOND);
    assertThat(script.calledAt.get(3)).isEqualTo(script.calledAt.get(2));
  }
}
