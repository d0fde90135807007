package io.rapport.slack;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a request's {@code response_url} can carry an answer. Slack sends one with every slash
 * command and with buttons on messages; a button on the App Home tab or in a modal comes without
 * one, and a hand-made request may carry anything. Only an absolute http(s) URL is used; anything
 * else is answered another way the payload allows (an ephemeral message in its channel,
 * {@code views.update} of its modal, or a direct message).
 */
public final class ReplyRoute {
  private ReplyRoute() {}

  public static boolean usable(String responseUrl) {
    if (responseUrl == null || responseUrl.isBlank()) {
      return false;
    }
    try {
      URI uri = new URI(responseUrl);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
