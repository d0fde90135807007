package io.rapport.slack.listeners.commands;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.response.ResponseTypes;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.util.json.GsonFactory;
import io.rapport.slack.views.HelpView;

/**
 * {@code /relationship-help}: anyone may ask; the answer is ephemeral and needs no I/O. The
 * message never changes, so its JSON is built once rather than on every request.
 */
public final class RelationshipHelpCommand implements SlashCommandHandler {
  public static final String COMMAND = "/relationship-help";

  private final String body =
      asciiJson(GsonFactory.createSnakeCase()
          .toJson(
              SlashCommandResponse.builder()
                  .responseType(ResponseTypes.ephemeral)
                  .text(HelpView.fallbackText())
                  .blocks(HelpView.blocks())
                  .build()));

  /**
   * Escapes every non-ASCII character as a JSON escape such as {@code \\u2014}: the same JSON, but a Latin-1 string that
   * Jetty writes as bytes without re-encoding UTF-16 on every request.
   */
  static String asciiJson(String json) {
    StringBuilder b = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < 128) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    return Response.builder()
        .statusCode(200)
        .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
        .body(body)
        .build();
  }
}
