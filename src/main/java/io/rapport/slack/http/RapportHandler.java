package io.rapport.slack.http;

import io.rapport.logs.LogText;
import io.rapport.slack.http.SlackSignatureVerifier.Verdict;
import io.rapport.store.RequestArrival;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rapport's HTTP surface (SPEC §4) as one Jetty 12 core handler: {@code POST /slack/events} for
 * everything from Slack, {@code GET /healthz}, and 404 for anything else.
 *
 * <p>Every request to {@code /slack/events} is verified here before Bolt sees it; a request that
 * fails gets 401 and reaches no listener, so it changes nothing. The headers and the timestamp's
 * freshness are checked before the body is read; the body is read without holding a thread, within
 * {@link #READ_DEADLINE} (408 after), with at most {@link #MAX_UNVERIFIED_READS} such reads at a
 * time (503 beyond). A body over {@link HttpServer#MAX_REQUEST_BYTES} gets 413, whether it
 * announces its length or arrives chunked.
 */
public final class RapportHandler extends Handler.Abstract {
  public static final String EVENTS_PATH = "/slack/events";
  public static final String HEALTH_PATH = "/healthz";
  private static final Logger LOG = LoggerFactory.getLogger(RapportHandler.class);
  private static final String JSON = "application/json; charset=utf-8";
  private static final String TOO_LARGE = "{\"error\":\"request too large\"}";
  private static final String UNREADABLE = "{\"error\":\"unreadable body\"}";
  private static final String TOO_SLOW = "{\"error\":\"the body did not arrive in time\"}";
  private static final String BUSY = "{\"error\":\"too many requests in flight, try again\"}";
  private static final String FAILED =
      "{\"response_type\":\"ephemeral\",\"text\":\"Sorry, something went wrong on Rapport's side. Please try again in a moment.\"}";
  /** How much of an oversized body is read and discarded before the connection is given up. */
  static final long DRAIN_BYTES = 8L * HttpServer.MAX_REQUEST_BYTES;

  /** How long a client has to send a whole body once its headers are in. */
  public static final Duration READ_DEADLINE = Duration.ofSeconds(5);
  /**
   * How many bodies may be in flight before their signature is checked. Slack's own bodies arrive
   * with their headers, so a permit is held for microseconds; clients that trickle hold one until
   * the deadline, and past this many everyone else gets a quick 503 instead of a wait.
   */
  public static final int MAX_UNVERIFIED_READS = 64;

  private final BoltAdapter bolt;
  private final SlackSignatureVerifier verifier;
  private final BooleanSupplier healthy;
  private final Duration readDeadline;
  private final Semaphore unverifiedReads;
  /** The reads waiting for their body, oldest first. */
  private final java.util.concurrent.ConcurrentLinkedDeque<BodyRead> slowReads =
      new java.util.concurrent.ConcurrentLinkedDeque<>();

  public RapportHandler(BoltAdapter bolt, SlackSignatureVerifier verifier, BooleanSupplier healthy) {
    this(bolt, verifier, healthy, READ_DEADLINE, MAX_UNVERIFIED_READS);
  }

  RapportHandler(BoltAdapter bolt, SlackSignatureVerifier verifier, BooleanSupplier healthy,
      Duration readDeadline, int maxUnverifiedReads) {
    this.bolt = bolt;
    this.verifier = verifier;
    this.healthy = healthy;
    this.readDeadline = readDeadline;
    this.unverifiedReads = new Semaphore(maxUnverifiedReads);
  }

  /** Only {@code /healthz}: for Socket Mode, where Slack's requests do not come over HTTP. */
  public static RapportHandler healthOnly(BooleanSupplier healthy) {
    return new RapportHandler(null, null, healthy);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (EVENTS_PATH.equals(path)) {
      if (bolt == null) {
        reply(response, callback, HttpStatus.NOT_FOUND_404,
            "{\"error\":\"Rapport is in Socket Mode: Slack's requests arrive over the websocket\"}");
      } else if (!HttpMethod.POST.is(method)) {
        reply(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "{\"error\":\"use POST\"}");
      } else {
        slack(request, response, callback);
      }
    } else if (HEALTH_PATH.equals(path) && (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method))) {
      if (healthy.getAsBoolean()) {
        reply(response, callback, HttpStatus.OK_200, "{\"status\":\"ok\"}");
      } else {
        reply(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "{\"status\":\"unavailable\"}");
      }
    } else {
      reply(response, callback, HttpStatus.NOT_FOUND_404, "{\"error\":\"not found\"}");
    }
    return true; // every request gets an answer from this handler, none is passed on
  }

  private void slack(Request request, Response response, Callback callback) {
    String timestamp = request.getHeaders().get("X-Slack-Request-Timestamp");
    String signature = request.getHeaders().get("X-Slack-Signature");
    // Judged before a byte of the body is read: an unsigned or stale request costs nothing.
    Verdict headers = verifier.checkHeaders(timestamp, signature);
    if (headers != Verdict.OK) {
      refuse(request, response, callback, headers);
      return;
    }
    long length = request.getLength();
    if (length > DRAIN_BYTES) {
      replyAndClose(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, TOO_LARGE);
      return;
    }
    new BodyRead(request, response, callback, timestamp, signature, length).start();
  }

  private void refuse(Request request, Response response, Callback callback, Verdict verdict) {
    LOG.warn(
        "Refused a request to {} from {}: {}",
        EVENTS_PATH,
        Request.getRemoteAddr(request),
        verdict.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    reply(response, callback, HttpStatus.UNAUTHORIZED_401, "{\"error\":\"invalid request\"}");
  }

  /**
   * A slot for a body that must be waited for. When all are taken, the read that has waited longest
   * is cut off (408) to make room: a client that trickles can hold a slot only until newer requests
   * need it, while a body that arrives at once (as Slack's do) completes in microseconds. Answers
   * false (the caller then answers 503) only if no slot could be freed.
   */
  private boolean claimSlot(BodyRead read) {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (unverifiedReads.tryAcquire()) {
        read.waiting = true; // before it can be found and cut off, so the slot is given back
        slowReads.add(read);
        return true;
      }
      BodyRead oldest = slowReads.poll();
      if (oldest != null) {
        oldest.expire();
      }
    }
    return false;
  }

  /**
   * One body, read without holding a thread: each chunk that has arrived is taken, and when none
   * has, Jetty is asked to call back when one does ({@code demand}). A body that is there with its
   * headers (Slack's usual case) is read at once with nothing else set up. One that must be waited
   * for first claims one of {@link #MAX_UNVERIFIED_READS} slots ({@link #claimSlot}) and gets a
   * deadline of {@link #READ_DEADLINE} for the whole body; a client still sending when it passes
   * gets 408 and the connection is closed. The slot is returned as soon as the body is in, before
   * the signature is checked.
   */
  private final class BodyRead implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String timestamp;
    private final String signature;
    private final AtomicBoolean finished = new AtomicBoolean();
    private byte[] body;
    private int size;
    private long total;
    private volatile boolean waiting;
    /** Nothing to cancel until the read has to wait for its body. */
    private volatile Scheduler.Task deadline = () -> false;

    BodyRead(Request request, Response response, Callback callback, String timestamp, String signature,
        long length) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.timestamp = timestamp;
      this.signature = signature;
      this.body = new byte[initialCapacity(length)];
    }

    void start() {
      run();
    }

    /** The body is not all there: claim a slot and start the deadline, or answer 503. */
    private boolean startWaiting() {
      if (!claimSlot(this)) {
        finished.set(true);
        replyAndClose(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, BUSY);
        return false;
      }
      deadline = request.getComponents().getScheduler().schedule(this::expire, readDeadline.toMillis(),
          TimeUnit.MILLISECONDS);
      if (finished.get()) { // cut off by a newer read before the deadline was set
        deadline.cancel();
        return false;
      }
      return true;
    }

    /** Takes every chunk available now; asks to be called again when more arrives. */
    @Override
    public void run() {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          if (!waiting && !startWaiting()) {
            return;
          }
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          if (finish()) {
            reply(response, callback, HttpStatus.BAD_REQUEST_400, UNREADABLE);
          }
          return;
        }
        boolean last = chunk.isLast();
        ByteBuffer bytes = chunk.getByteBuffer();
        int n = bytes.remaining();
        total += n;
        if (total <= HttpServer.MAX_REQUEST_BYTES) {
          body = withRoom(body, size + n);
          bytes.get(body, size, n);
          size += n;
        }
        chunk.release();
        if (total > DRAIN_BYTES) {
          if (finish()) {
            replyAndClose(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, TOO_LARGE);
          }
          return;
        }
        if (last) {
          if (finish()) {
            if (total > HttpServer.MAX_REQUEST_BYTES) {
              reply(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, TOO_LARGE);
            } else {
              verified(request, response, callback, timestamp, signature,
                  size == body.length ? body : java.util.Arrays.copyOf(body, size));
            }
          }
          return;
        }
      }
    }

    /** The deadline passed, or a newer read needed the slot: 408, and the connection closed. */
    void expire() {
      if (finish()) {
        LOG.debug("A request to {} from {} did not send its body in time; answered 408",
            EVENTS_PATH, Request.getRemoteAddr(request));
        replyAndClose(response, callback, HttpStatus.REQUEST_TIMEOUT_408, TOO_SLOW);
      }
    }

    /** True for the one caller that ends this read (body complete, failure, deadline or cut off). */
    private boolean finish() {
      if (!finished.compareAndSet(false, true)) {
        return false;
      }
      if (waiting) {
        slowReads.remove(this);
        unverifiedReads.release();
        deadline.cancel();
      }
      return true;
    }
  }

  private void verified(Request request, Response response, Callback callback, String timestamp,
      String signature, byte[] bytes) {
    Verdict verdict = verifier.verify(timestamp, signature, bytes);
    if (verdict != Verdict.OK) {
      refuse(request, response, callback, verdict);
      return;
    }
    Map<String, List<String>> headers = new HashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers
          .computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>(1))
          .add(field.getValue());
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    com.slack.api.bolt.response.Response out;
    try {
      // Writes in the ack path keep to what is left of Slack's 3 s since the request arrived.
      out = RequestArrival.during(request.getBeginNanoTime(),
          () -> bolt.handle(EVENTS_PATH, request.getHttpURI().getQuery(), headers, body, Request.getRemoteAddr(request)));
    } catch (Exception e) {
      // Never a 500 or a stack trace to Slack: one line here (no body: it holds what people typed),
      // the trace at DEBUG for whoever investigates.
      LOG.warn("A verified Slack request could not be handled ({}); answered 200", LogText.failure(e));
      LOG.debug("The failure of a verified Slack request", e);
      reply(response, callback, HttpStatus.OK_200, FAILED);
      return;
    }
    response.setStatus(out.getStatusCode() == null ? 200 : out.getStatusCode());
    if (out.getHeaders() != null) {
      out.getHeaders()
          .forEach((name, values) -> values.forEach(v -> response.getHeaders().add(name, v)));
    }
    if (out.getContentType() != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, out.getContentType());
    }
    write(response, callback, out.getBody() == null ? "" : out.getBody());
  }

  /**
   * The buffer a body starts with: the announced length when it is within the limit, else (chunked,
   * or announced over the limit and read only to be discarded) a few kilobytes that {@link #withRoom}
   * grows. A size hint only; every size gives the same bytes (see docs/TESTING.md).
   */
  static int initialCapacity(long announced) {
    return announced >= 0 && announced <= HttpServer.MAX_REQUEST_BYTES ? (int) announced : 4096;
  }

  /**
   * {@code body} if it holds {@code needed} bytes, else a copy with room for them, at least twice
   * as large (fewer copies for a chunked body) but never over the limit. A size hint only as far as
   * it grows more than needed (see docs/TESTING.md).
   */
  static byte[] withRoom(byte[] body, int needed) {
    return needed <= body.length
        ? body
        : java.util.Arrays.copyOf(body, Math.min(HttpServer.MAX_REQUEST_BYTES, Math.max(needed, body.length * 2)));
  }

  /** A refusal after which the connection is closed: the client may still be sending a body. */
  private static void replyAndClose(Response response, Callback callback, int status, String json) {
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    reply(response, callback, status, json);
  }

  private static void reply(Response response, Callback callback, int status, String json) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    write(response, callback, json);
  }

  /**
   * Encodes the body once into bytes and writes them with a Content-Length, instead of handing
   * Jetty a string it would re-encode on the way out (measured as the hottest spot of the ack path).
   */
  private static void write(Response response, Callback callback, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
