package io.rapport.slack.out;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * A {@link MethodsClient} whose every Web API method goes through the gateway ({@link
 * SlackCalls}): the budget, {@code Retry-After}, the one retry policy and the interactive
 * deadline. It keeps the SDK's contract, so code written against {@code MethodsClient} (Bolt's
 * {@code ctx.client()}, {@code slackApi.methods()}) needs no change: an {@code ok: false} answer is
 * returned as it came, an HTTP failure is thrown as the SDK threw it, after the gateway did what
 * it could.
 *
 * <p>Only calls that are safe to repeat are retried after a 5xx or a timeout ({@link
 * #IDEMPOTENT}); a post or a modal open is tried once (a 429 — which Slack did not carry out — is
 * still waited out), and a post that must arrive exactly once goes through the outbox's keyed
 * protocol instead.
 */
final class GatewayMethods implements InvocationHandler {
  /** Web API methods that may be repeated without a second effect. */
  static final Set<String> IDEMPOTENT = Set.of(
      "views.publish", "views.update", "chat.update", "users.info", "users.list", "users.profile.get",
      "conversations.open", "conversations.history", "conversations.replies", "conversations.info",
      "files.getUploadURLExternal", "team.info");

  private final MethodsClient raw;
  private final SlackCalls gateway;

  private GatewayMethods(MethodsClient raw, SlackCalls gateway) {
    this.raw = raw;
    this.gateway = gateway;
  }

  static MethodsClient wrap(MethodsClient raw, SlackCalls gateway) {
    return (MethodsClient) Proxy.newProxyInstance(MethodsClient.class.getClassLoader(),
        new Class<?>[] {MethodsClient.class}, new GatewayMethods(raw, gateway));
  }

  /** {@code chatPostMessage} → {@code chat.postMessage}; {@code viewsOpen} → {@code views.open}. */
  static String apiMethod(String javaName) {
    int i = 0;
    while (i < javaName.length() && !Character.isUpperCase(javaName.charAt(i))) {
      i++;
    }
    if (i == javaName.length()) {
      return javaName;
    }
    return javaName.substring(0, i) + "." + Character.toLowerCase(javaName.charAt(i)) + javaName.substring(i + 1);
  }

  @Override
  public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
    if (m.getDeclaringClass() == Object.class) {
      return switch (m.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "GatewayMethods(" + raw + ")";
      };
    }
    if (!SlackApiTextResponse.class.isAssignableFrom(m.getReturnType())) {
      return direct(m, args);
    }
    String method = apiMethod(m.getName());
    try {
      return gateway.callBefore(method, null, Long.MAX_VALUE, IDEMPOTENT.contains(method),
          client -> (SlackApiTextResponse) direct(m, args));
    } catch (SlackCallException e) {
      if (e.response() != null) {
        return e.response();
      }
      Throwable cause = e.getCause();
      if (cause instanceof SlackApiException || cause instanceof IOException) {
        throw cause;
      }
      throw new IOException(e.getMessage(), e);
    }
  }

  private Object direct(Method m, Object[] args) throws IOException, SlackApiException {
    try {
      return m.invoke(raw, args);
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      if (t instanceof IOException io) {
        throw io;
      }
      if (t instanceof SlackApiException se) {
        throw se;
      }
      if (t instanceof RuntimeException re) {
        throw re;
      }
      if (t instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(t);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
