package io.rapport.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A stand-in for the Slack Web API for end-to-end tests: a real HTTP server on a free loopback
 * port that records every call and answers the methods Rapport uses with realistic JSON.
 *
 * <p>Point Rapport at {@link #apiUrl()} ({@code SLACK_API_URL}). Script failures with {@link
 * #enqueue(String, Reply)} (the next call of that method gets the reply) or replace a method's
 * behaviour with {@link #handle(String, Function)}. {@link #responseUrl()} gives a {@code
 * response_url} whose posts are recorded in {@link #responses()}; file uploads to the URL from
 * {@code files.getUploadURLExternal} are kept in {@link #uploads()}.
 */
public final class FakeSlack implements AutoCloseable {
  public static final String TEAM_ID = "T0RAPPORT";
  public static final String BOT_USER_ID = "UBOTRAPPORT";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One Web API call as the fake received it. */
  public record Call(String method, Map<String, String> params, JsonNode json, String authorization, long atMillis) {
    /** A parameter from the form body, or a top-level field of a JSON body, as text. */
    public String param(String name) {
      if (params.containsKey(name)) {
        return params.get(name);
      }
      if (json != null && json.has(name)) {
        JsonNode v = json.get(name);
        return v.isValueNode() ? v.asText() : v.toString();
      }
      return null;
    }

    /** A parameter holding JSON (e.g. {@code blocks}, {@code view}), parsed. */
    public JsonNode jsonParam(String name) {
      if (json != null && json.has(name) && !json.get(name).isTextual()) {
        return json.get(name);
      }
      String text = param(name);
      try {
        return text == null ? null : JSON.readTree(text);
      } catch (Exception e) {
        throw new IllegalStateException(name + " is not JSON: " + text, e);
      }
    }
  }

  /** A scripted answer. */
  public record Reply(int status, String body, Map<String, String> headers) {
    public static Reply ok(String json) {
      return new Reply(200, json, Map.of());
    }

    public static Reply error(String error) {
      return new Reply(200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());
    }

    public static Reply rateLimited(int retryAfterSeconds) {
      return new Reply(
          429,
          "{\"ok\":false,\"error\":\"ratelimited\"}",
          Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static Reply status(int status) {
      return new Reply(status, "<html>upstream error</html>", Map.of());
    }
  }

  /** A file uploaded through the external-upload flow. */
  public record Upload(String fileId, byte[] bytes) {}

  private final Server server;
  private final ServerConnector connector;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<JsonNode> responses = new CopyOnWriteArrayList<>();
  private final Map<String, List<JsonNode>> responsesByUrl = new ConcurrentHashMap<>();
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  private final Map<String, Deque<Reply>> queued = new ConcurrentHashMap<>();
  private final Map<String, Function<Call, Reply>> handlers = new ConcurrentHashMap<>();
  private final Map<String, Deque<Reply>> carriedOutThen = new ConcurrentHashMap<>();
  private final Map<String, Deque<Duration>> carriedOutSlowly = new ConcurrentHashMap<>();
  private final Map<String, Function<Call, Duration>> answeredLate = new ConcurrentHashMap<>();
  private final java.util.Set<Call> awaitingAnswer =
      java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  private final java.util.concurrent.ScheduledExecutorService lateAnswers =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-slack-late-answers");
        t.setDaemon(true);
        return t;
      });
  private final Map<String, String> timeZones = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> statuses = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> channelHistory = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong(1_000);
  private final Map<String, ChannelState> channels = new ConcurrentHashMap<>();
  private volatile String teamId = TEAM_ID;
  private volatile java.util.Set<String> grantedScopes = io.rapport.slack.startup.BotScopes.REQUIRED;

  public FakeSlack() {
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return FakeSlack.this.handle(request, response, callback);
      }
    });
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("fake Slack did not start", e);
    }
  }

  /**
   * The workspace the bot token belongs to ({@code auth.test}'s team_id): Rapport serves only
   * requests from it. {@link #TEAM_ID} unless a test binds Rapport to another before it starts.
   */
  public FakeSlack teamId(String id) {
    this.teamId = id;
    return this;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + connector.getLocalPort();
  }

  /** The value for {@code SLACK_API_URL}. */
  public String apiUrl() {
    return baseUrl() + "/api/";
  }

  /** The ts of every message Rapport posted to {@code channel} (a DM is "D" + the user id), oldest first. */
  public List<String> postedTs(String channel) {
    List<String> ts = new ArrayList<>();
    channelHistory.getOrDefault(channel, List.of()).forEach(m -> ts.add(0, m.path("ts").asText()));
    return ts;
  }

  /** A fresh {@code response_url}; what Rapport posts to it lands in {@link #responses()}. */
  public String responseUrl() {
    return baseUrl() + "/response/" + sequence.incrementAndGet();
  }

  /** Sets the Slack time zone {@code users.info} reports for a user (default Europe/London). */
  /** The profile status {@code users.info} reports for the user (expiration in epoch seconds, 0 = none). */
  public FakeSlack userStatus(String userId, String emoji, String text, long expirationEpochSecond) {
    statuses.put(userId, JSON.createObjectNode().put("status_emoji", emoji).put("status_text", text)
        .put("status_expiration", expirationEpochSecond));
    return this;
  }

  public FakeSlack userTimeZone(String userId, String tz) {
    timeZones.put(userId, tz);
    return this;
  }

  /** How a channel looks to Rapport in {@code conversations.info}. */
  public record ChannelState(boolean isPrivate, boolean isMember, boolean isArchived) {}

  /** Describes a channel for {@code conversations.info} (by default: public, Rapport not in it). */
  public FakeSlack channel(String id, ChannelState state) {
    channels.put(id, state);
    return this;
  }

  /** The scopes the bot token was granted ({@code x-oauth-scopes}); by default those Rapport asks for. */
  public FakeSlack grantScopes(java.util.Set<String> scopes) {
    grantedScopes = java.util.Set.copyOf(scopes);
    return this;
  }

  /** The next call of {@code method} gets {@code reply}; several queue up in order. */
  public FakeSlack enqueue(String method, Reply reply) {
    queued.computeIfAbsent(method, m -> new java.util.concurrent.ConcurrentLinkedDeque<>()).add(reply);
    return this;
  }

  /**
   * The next call of {@code method} (after any {@link #enqueue}d ones) is carried out — a post lands
   * in the channel's history — but answered with {@code reply}: a 5xx or timeout after the fact.
   */
  public FakeSlack enqueueAfterCarryingOut(String method, Reply reply) {
    carriedOutThen.computeIfAbsent(method, m -> new java.util.concurrent.ConcurrentLinkedDeque<>()).add(reply);
    return this;
  }

  /**
   * The next call of {@code method} (after any {@link #enqueue}d or {@link #enqueueAfterCarryingOut}
   * ones) is carried out at once — a post lands in the channel's history, a view is published — but
   * its usual answer is sent only after {@code delay}. With a delay longer than Rapport's HTTP read
   * timeout this is a timeout after the fact: Slack did it, Rapport never heard. Several queue up.
   */
  public FakeSlack enqueueSlowAfterCarryingOut(String method, Duration delay) {
    carriedOutSlowly.computeIfAbsent(method, m -> new java.util.concurrent.ConcurrentLinkedDeque<>()).add(delay);
    return this;
  }

  /**
   * Every call of {@code method} (unless scripted otherwise) is carried out at once and answered
   * {@code delay.apply(call)} later (null or zero: at once), like Slack on a slow network: a post is
   * in the channel's history before its sender hears so. {@link #carriedOutAwaitingAnswer()} lists
   * those carried out and not answered yet.
   */
  public FakeSlack answerAfterCarryingOut(String method, Function<Call, Duration> delay) {
    answeredLate.put(method, delay);
    return this;
  }

  /** Calls carried out whose answer has not been sent yet (see {@link #answerAfterCarryingOut}). */
  public List<Call> carriedOutAwaitingAnswer() {
    synchronized (awaitingAnswer) {
      return List.copyOf(awaitingAnswer);
    }
  }

  /** Replaces the answer of {@code method}; return null from the function for the default. */
  public FakeSlack handle(String method, Function<Call, Reply> handler) {
    handlers.put(method, handler);
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  public List<JsonNode> responses() {
    return List.copyOf(responses);
  }

  /** What was posted to one {@code response_url} so far. */
  public List<JsonNode> responsesTo(String responseUrl) {
    return List.copyOf(responsesByUrl.getOrDefault(responseUrl, List.of()));
  }

  /** Waits for the first post to {@code responseUrl}. */
  public JsonNode awaitResponseTo(String responseUrl) {
    awaitTrue(() -> !responsesTo(responseUrl).isEmpty(), Duration.ofSeconds(10),
        "nothing was posted to " + responseUrl);
    return responsesTo(responseUrl).get(0);
  }

  public Map<String, Upload> uploads() {
    return Map.copyOf(uploads);
  }

  public void reset() {
    calls.clear();
    responses.clear();
    responsesByUrl.clear();
    uploads.clear();
    queued.clear();
    handlers.clear();
    carriedOutThen.clear();
    carriedOutSlowly.clear();
    answeredLate.clear();
  }

  /** Waits until {@code count} calls of {@code method} have arrived; fails after {@code timeout}. */
  public List<Call> awaitCalls(String method, int count, Duration timeout) {
    awaitTrue(() -> calls(method).size() >= count, timeout,
        "expected " + count + " call(s) of " + method + ", got " + calls(method).size());
    return calls(method);
  }

  public Call awaitCall(String method) {
    return awaitCalls(method, 1, Duration.ofSeconds(10)).get(0);
  }

  /** Waits for a call of {@code method} matching {@code test}. */
  public Call awaitCall(String method, Predicate<Call> test) {
    awaitTrue(() -> calls(method).stream().anyMatch(test), Duration.ofSeconds(10),
        "no matching call of " + method + " among " + calls(method));
    return calls(method).stream().filter(test).findFirst().orElseThrow();
  }

  /** Waits until {@code count} posts to response URLs have arrived. */
  public List<JsonNode> awaitResponses(int count) {
    return awaitResponses(count, Duration.ofSeconds(10));
  }

  /** Waits up to {@code timeout} until {@code count} posts to response URLs have arrived. */
  public List<JsonNode> awaitResponses(int count, Duration timeout) {
    awaitTrue(() -> responses.size() >= count, timeout,
        "expected " + count + " response_url post(s), got " + responses.size());
    return responses();
  }

  public static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout, String message) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(message);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + message);
      }
    }
  }

  private boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (path.startsWith("/upload/")) {
      ByteBuffer buffer = Content.Source.asByteBuffer(request);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      String fileId = path.substring("/upload/".length());
      uploads.put(fileId, new Upload(fileId, bytes));
      return write(response, callback, Reply.ok("OK - " + bytes.length));
    }
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    if (path.startsWith("/response/")) {
      JsonNode posted = JSON.readTree(body);
      responses.add(posted);
      responsesByUrl.computeIfAbsent(baseUrl() + path, u -> new CopyOnWriteArrayList<>()).add(posted);
      return write(response, callback, Reply.ok("ok"));
    }
    if (!path.startsWith("/api/")) {
      return write(response, callback, Reply.status(404));
    }
    String method = path.substring("/api/".length());
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode json = null;
    if (contentType != null && contentType.startsWith("application/json")) {
      json = body.isEmpty() ? null : JSON.readTree(body);
    } else {
      params.putAll(parseForm(body));
    }
    String query = request.getHttpURI().getQuery();
    if (query != null) {
      params.putAll(parseForm(query));
    }
    Call call = new Call(method, params, json, request.getHeaders().get(HttpHeader.AUTHORIZATION),
        System.currentTimeMillis());
    calls.add(call);
    Deque<Reply> q = queued.get(method);
    Reply scripted = q == null ? null : q.poll();
    if (scripted == null && carriedOutThen.containsKey(method)) {
      Reply late = carriedOutThen.get(method).poll();
      if (late != null) {
        defaultReply(call);
        return write(response, callback, late);
      }
    }
    if (scripted == null && carriedOutSlowly.containsKey(method)) {
      Duration delay = carriedOutSlowly.get(method).poll();
      if (delay != null) {
        Reply answer = defaultReply(call);
        lateAnswers.schedule(() -> write(response, callback, answer), delay.toMillis(),
            java.util.concurrent.TimeUnit.MILLISECONDS);
        return true;
      }
    }
    if (scripted == null && answeredLate.containsKey(method)) {
      Duration delay = answeredLate.get(method).apply(call);
      if (delay != null && !delay.isZero()) {
        Reply answer = defaultReply(call);
        awaitingAnswer.add(call);
        lateAnswers.schedule(() -> {
              awaitingAnswer.remove(call);
              return write(response, callback, answer);
            }, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return true;
      }
    }
    if (scripted == null && handlers.containsKey(method)) {
      scripted = handlers.get(method).apply(call);
    }
    return write(response, callback, scripted != null ? scripted : defaultReply(call));
  }

  private Reply defaultReply(Call call) throws Exception {
    ObjectNode out = JSON.createObjectNode().put("ok", true);
    switch (call.method()) {
      case "auth.test" -> {
        out.put("url", "https://rapport-test.slack.com/").put("team", "Rapport Test")
            .put("user", "rapport").put("team_id", teamId).put("user_id", BOT_USER_ID)
            .put("bot_id", "BRAPPORT");
        // Slack names a token's scopes in this header of every Web API answer.
        return new Reply(200, JSON.writeValueAsString(out),
            Map.of("x-oauth-scopes", String.join(",", new java.util.TreeSet<>(grantedScopes))));
      }
      case "chat.postMessage" -> {
        String channel = call.param("channel");
        String ts = nextTs();
        ObjectNode message = JSON.createObjectNode().put("type", "message").put("ts", ts)
            .put("user", BOT_USER_ID).put("text", call.param("text"));
        if (call.param("thread_ts") != null) {
          message.put("thread_ts", call.param("thread_ts"));
        }
        String metadata = call.param("metadata");
        if (metadata != null) {
          message.set("metadata", JSON.readTree(metadata));
        }
        channelHistory.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(0, message);
        out.put("channel", channel).put("ts", ts).set("message", message);
      }
      case "chat.update" -> out.put("channel", call.param("channel")).put("ts", call.param("ts"));
      case "chat.postEphemeral" -> out.put("message_ts", nextTs());
      case "chat.delete" -> out.put("channel", call.param("channel")).put("ts", call.param("ts"));
      case "conversations.open" -> {
        String users = call.param("users");
        // One person: their DM ("D" + user); several: a group DM ("G" + the users joined by "_").
        String[] people = users == null ? new String[] {"UNKNOWN"} : users.split(",");
        out.putObject("channel").put("id", people.length == 1 ? "D" + people[0] : "G" + String.join("_", people));
      }
      case "conversations.history" -> {
        ArrayNode messages = out.putArray("messages");
        List<ObjectNode> history = channelHistory.getOrDefault(call.param("channel"), List.of());
        history.forEach(messages::add);
        out.put("has_more", false);
      }
      case "conversations.replies" -> {
        // The thread's parent and its replies, oldest first, as Slack lists them.
        ArrayNode messages = out.putArray("messages");
        String thread = call.param("ts");
        List<ObjectNode> history = new ArrayList<>(channelHistory.getOrDefault(call.param("channel"), List.of()));
        java.util.Collections.reverse(history);
        history.stream()
            .filter(m -> m.path("ts").asText().equals(thread) || m.path("thread_ts").asText().equals(thread))
            .forEach(messages::add);
        out.put("has_more", false);
      }
      case "conversations.info" -> {
        // A channel nobody described is public and Rapport was never invited; a private channel
        // Rapport is not in is one Slack does not show it at all.
        String id = call.param("channel");
        ChannelState state = channels.getOrDefault(id, new ChannelState(false, false, false));
        if (state.isPrivate() && !state.isMember()) {
          return Reply.error("channel_not_found");
        }
        out.putObject("channel").put("id", id).put("name", "channel-" + id.toLowerCase())
            .put("is_channel", !state.isPrivate()).put("is_group", state.isPrivate())
            .put("is_private", state.isPrivate()).put("is_member", state.isMember())
            .put("is_archived", state.isArchived());
      }
      case "conversations.join" -> out.putObject("channel").put("id", call.param("channel"));
      case "views.open", "views.update", "views.push", "views.publish" -> {
        ObjectNode view = out.putObject("view");
        view.put("id", call.param("view_id") != null ? call.param("view_id") : "V" + sequence.incrementAndGet());
        view.put("hash", "h" + sequence.incrementAndGet());
      }
      case "users.info" -> {
        String user = call.param("user");
        String tz = timeZones.getOrDefault(user, "Europe/London");
        java.time.ZoneId zone = java.time.ZoneId.of(tz);
        int offset = zone.getRules().getOffset(java.time.Instant.now()).getTotalSeconds();
        out.putObject("user").put("id", user).put("team_id", teamId).put("name", user.toLowerCase())
            .put("real_name", "User " + user).put("tz", tz).put("tz_offset", offset)
            .put("deleted", false).put("is_bot", false);
        ObjectNode profile = ((ObjectNode) out.get("user")).putObject("profile").put("real_name", "User " + user);
        ObjectNode status = statuses.get(user);
        if (status != null) {
          profile.setAll(status);
        }
      }
      case "files.getUploadURLExternal" -> {
        String fileId = "F" + sequence.incrementAndGet();
        out.put("upload_url", baseUrl() + "/upload/" + fileId).put("file_id", fileId);
      }
      case "files.completeUploadExternal" -> {
        ArrayNode files = out.putArray("files");
        JsonNode requested = call.jsonParam("files");
        if (requested != null) {
          for (JsonNode f : requested) {
            files.addObject().put("id", f.path("id").asText()).put("title", f.path("title").asText());
          }
        }
      }
      default -> {
        return Reply.error("unknown_method");
      }
    }
    return Reply.ok(JSON.writeValueAsString(out));
  }

  private String nextTs() {
    long n = sequence.incrementAndGet();
    return (1_700_000_000L + n) + "." + String.format("%06d", n % 1_000_000);
  }

  private static boolean write(Response response, Callback callback, Reply reply) {
    response.setStatus(reply.status());
    reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE,
        reply.body().startsWith("{") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
    Content.Sink.write(response, true, reply.body(), callback);
    return true;
  }

  static Map<String, String> parseForm(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return params;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return params;
  }

  @Override
  public void close() throws Exception {
    lateAnswers.shutdownNow();
    server.stop();
  }

  /** For tests that want to see everything the fake received. */
  @Override
  public String toString() {
    List<String> methods = new ArrayList<>();
    calls.forEach(c -> methods.add(c.method()));
    return "FakeSlack" + methods;
  }
}
