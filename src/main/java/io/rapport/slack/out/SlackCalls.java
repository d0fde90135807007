package io.rapport.slack.out;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gateway to the Slack Web API: every call Rapport makes — its own through {@link
 * #call}/{@link #callOnce}, and every {@code MethodsClient} call (Bolt's {@code ctx.client()}
 * included) through {@link GatewayMethods} — waits its turn in the one {@link SlackLimiter}
 * (per-method budgets that adapt to 429s), honours 429 + {@code Retry-After}, retries 5xx,
 * timeouts and Slack-side errors with exponential backoff and jitter (the one retry mechanism;
 * only for calls that are idempotent or keyed), and tells permanent errors ({@code
 * user_not_found}, {@code cannot_dm_bot}, …) apart so they are recorded, not retried.
 *
 * <p>A call on the interactive lane carries a deadline (its trigger's life, see {@link
 * #withDeadline}): no wait — pacing, {@code Retry-After}, backoff — may pass it; the call gives up
 * instead of opening a modal with a dead trigger.
 *
 * <p>The SDK's synchronous client is used underneath (its async client re-queues 429s but has no
 * workspace-wide budget and cannot be driven by a test clock).
 */
public final class SlackCalls {
  private static final Logger LOG = LoggerFactory.getLogger(SlackCalls.class);

  /** Errors worth trying again: Slack says the fault was on its side or the call was throttled. */
  static final Set<String> TRANSIENT_ERRORS =
      Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited",
          "rate_limited", "team_added_to_org");
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  /** Slack's trigger ids live 3 s; interactive work older than this gives up. */
  public static final Duration TRIGGER_LIFE = Duration.ofMillis(2_500);
  private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

  /** One Web API call. */
  @FunctionalInterface
  public interface Call<T> {
    T call(MethodsClient methods) throws IOException, SlackApiException;
  }

  private final Supplier<MethodsClient> methods;
  private final SlackLimiter limiter;
  private final Ticker ticker;

  public SlackCalls(Supplier<MethodsClient> methods, SlackLimiter limiter, Ticker ticker) {
    this.methods = methods;
    this.limiter = limiter;
    this.ticker = ticker;
  }

  /** The process's one gateway (the limits are those {@code api} was built with). */
  public static SlackCalls of(SlackApi api) {
    return api.calls();
  }

  /**
   * Runs {@code work} with every Slack call in it bounded by {@code deadlineNanos} (ticker time):
   * the interactive lane's trigger life.
   */
  public static void withDeadline(long deadlineNanos, Runnable work) {
    Long before = DEADLINE.get();
    DEADLINE.set(before == null ? deadlineNanos : Math.min(before, deadlineNanos));
    try {
      work.run();
    } finally {
      if (before == null) {
        DEADLINE.remove();
      } else {
        DEADLINE.set(before);
      }
    }
  }

  private static long currentDeadline() {
    Long d = DEADLINE.get();
    return d == null ? Long.MAX_VALUE : d;
  }

  public SlackLimiter limiter() {
    return limiter;
  }

  /**
   * Calls {@code method} until it succeeds, retrying throttling and transient failures.
   *
   * @param channel the channel a {@code chat.postMessage} goes to (for per-channel pacing), else null
   */
  public <T extends SlackApiTextResponse> T call(String method, String channel, Call<T> call)
      throws SlackCallException, InterruptedException {
    return run(method, channel, call, true, currentDeadline());
  }

  /**
   * Calls {@code method} once it is its turn, giving up (a {@link SlackCallException} with error
   * {@code gave_up_deadline}) rather than waiting past {@code deadlineNanos}; retries like {@link
   * #call} when {@code retryTransient}.
   */
  public <T extends SlackApiTextResponse> T callBefore(String method, String channel, long deadlineNanos,
      boolean retryTransient, Call<T> call) throws SlackCallException, InterruptedException {
    return run(method, channel, call, retryTransient, Math.min(deadlineNanos, currentDeadline()));
  }

  /** The gateway's time (ticker nanos), for deadlines. */
  public long now() {
    return ticker.nanoTime();
  }

  /**
   * Like {@link #call} but gives up at the first transient failure, for calls that must not be
   * repeated blindly (a post that may have gone through): 429s — which Slack did not carry out —
   * are still waited out and retried. The caller checks and retries with {@link #backoff(int)}.
   */
  public <T extends SlackApiTextResponse> T callOnce(String method, String channel, Call<T> call)
      throws SlackCallException, InterruptedException {
    return run(method, channel, call, false, currentDeadline());
  }

  private <T extends SlackApiTextResponse> T run(String method, String channel, Call<T> call, boolean retryTransient,
      long deadline) throws SlackCallException, InterruptedException {
    long rateLimitDeadline = Math.min(deadline, ticker.nanoTime() + limiter.limits().rateLimitedFor().toNanos());
    int failures = 0;
    while (true) {
      if (!limiter.awaitTurn(method, channel, deadline)) {
        throw gaveUp(method);
      }
      SlackCallException failure;
      try {
        T response = call.call(methods.get());
        if (response.isOk()) {
          limiter.succeeded(method);
          return response;
        }
        String error = response.getError() == null ? "unknown_error" : response.getError();
        if (error.equals("ratelimited") || error.equals("rate_limited")) {
          throttled(method, DEFAULT_RETRY_AFTER, rateLimitDeadline, null);
          continue;
        }
        boolean permanent = !TRANSIENT_ERRORS.contains(error);
        failure = new SlackCallException(method, error, permanent, !permanent, null).answered(response);
        if (permanent) {
          throw failure;
        }
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
          throttled(method, retryAfter(e), rateLimitDeadline, e);
          continue;
        }
        String error = e.getError() != null && e.getError().getError() != null
            ? e.getError().getError() : "http_" + status;
        boolean permanent = status < 500 && !TRANSIENT_ERRORS.contains(error);
        failure = new SlackCallException(method, error, permanent, !permanent, e);
        if (permanent) {
          throw failure;
        }
      } catch (IOException e) {
        failure = new SlackCallException(method, "io: " + e.getClass().getSimpleName(), false, true, e);
      }
      failures++;
      if (!retryTransient || failures >= limiter.limits().transientAttempts()) {
        throw failure;
      }
      long wait = backoff(failures).toNanos();
      if (ticker.nanoTime() + wait > deadline) {
        throw failure;
      }
      LOG.info("{} failed ({}), try {} of {}", method, failure.error(), failures + 1,
          limiter.limits().transientAttempts());
      ticker.sleepNanos(wait);
    }
  }

  private SlackCallException gaveUp(String method) {
    LOG.warn("{} not called: it could not go before its deadline (a trigger id lives 3 s)", method);
    return new SlackCallException(method, GAVE_UP, false, false, null);
  }

  /** The error of a call given up because it could not be made before its deadline. */
  public static final String GAVE_UP = "gave_up_deadline";

  private void throttled(String method, Duration retryAfter, long deadline, SlackApiException e)
      throws SlackCallException {
    limiter.rateLimited(method, retryAfter);
    if (ticker.nanoTime() + retryAfter.toNanos() > deadline) {
      throw new SlackCallException(method, "ratelimited", false, false, e);
    }
    LOG.debug("{} rate limited; waiting {} s", method, retryAfter.toSeconds());
  }

  /** The wait before try {@code failures + 1}: exponential, capped, with jitter (half fixed, half random). */
  public Duration backoff(int failures) {
    long base = limiter.limits().backoffBase().toNanos();
    long max = limiter.limits().backoffMax().toNanos();
    long exp = Math.min(max, base << Math.min(20, Math.max(0, failures - 1)));
    long half = exp / 2;
    return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  static Duration retryAfter(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    if (header != null) {
      try {
        long seconds = Long.parseLong(header.strip());
        return Duration.ofSeconds(Math.max(0, Math.min(seconds, 3600)));
      } catch (NumberFormatException ignored) {
        // fall through to the default
      }
    }
    return DEFAULT_RETRY_AFTER;
  }
}
