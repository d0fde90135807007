package io.rapport.slack.http;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a slash command's form body into Bolt's {@link SlashCommandPayload}, field for field as
 * the SDK's own {@code SlashCommandPayloadParser} does, without its per-field cost: the SDK
 * compiles a regular expression for every field name (to strip newlines) and URL-decodes every
 * name and value, which made it the largest single item of the ack path in a profile. Here a name
 * or value is decoded only when it holds a {@code %} or {@code +}, and newlines are removed only
 * when there are any. The split rules are the SDK's ({@link String#split}, trailing empty parts
 * dropped, a pair counted only when it has exactly one name and one value), and a malformed escape
 * fails the same way ({@link IllegalArgumentException}); {@code SlashCommandFormTest} compares the
 * two over generated bodies.
 */
final class SlashCommandForm {
  private SlashCommandForm() {}

  static SlashCommandPayload parse(String body) {
    SlashCommandPayload payload = new SlashCommandPayload();
    for (String pair : body.split("\\&")) {
      String[] fields = pair.split("=");
      if (fields.length == 2) {
        set(payload, decoded(withoutNewlines(fields[0].trim())), decoded(fields[1]));
      }
    }
    return payload;
  }

  private static String withoutNewlines(String name) {
    return name.indexOf('\n') < 0 ? name : name.replace("\n", "");
  }

  private static String decoded(String raw) {
    return raw.indexOf('%') < 0 && raw.indexOf('+') < 0 ? raw : URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  private static void set(SlashCommandPayload payload, String name, String value) {
    switch (name) {
      case "token" -> payload.setToken(value);
      case "team_id" -> payload.setTeamId(value);
      case "team_domain" -> payload.setTeamDomain(value);
      case "enterprise_id" -> payload.setEnterpriseId(value);
      case "enterprise_name" -> payload.setEnterpriseName(value);
      case "api_app_id" -> payload.setApiAppId(value);
      case "channel_id" -> payload.setChannelId(value);
      case "channel_name" -> payload.setChannelName(value);
      case "user_id" -> payload.setUserId(value);
      case "user_name" -> payload.setUserName(value);
      case "command" -> payload.setCommand(value);
      case "text" -> payload.setText(value);
      case "response_url" -> payload.setResponseUrl(value);
      case "trigger_id" -> payload.setTriggerId(value);
      case "is_enterprise_install" ->
          payload.setEnterpriseInstall(value.trim().toLowerCase(Locale.ENGLISH).equals("true"));
      default -> { }
    }
  }
}
