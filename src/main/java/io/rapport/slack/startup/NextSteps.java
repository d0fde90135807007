package io.rapport.slack.startup;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Rapport prints once it is running: which workspace it is connected to, and the next step
 * of the setup (the request URL to paste into the Slack app's settings, or Socket Mode when there
 * is no public address). All start-up copy is here.
 */
public final class NextSteps {
  public static final String EVENTS_URL = "https://YOUR-HOST/slack/events";

  /** What each scope is for, so a missing one is named with what stops working. */
  private static final Map<String, String> SCOPE_USE = new TreeMap<>(Map.ofEntries(
      Map.entry("commands", "slash commands"),
      Map.entry("chat:write", "prompts, flags and reports"),
      Map.entry("chat:write.public", "flags in public team channels Rapport was not invited to"),
      Map.entry("channels:read", "checking it can post in a team's public channel"),
      Map.entry("groups:read", "checking it can post in a team's private channel"),
      Map.entry("im:write", "direct messages to reps and managers"),
      Map.entry("im:history", "not re-sending a prompt after a restart"),
      Map.entry("channels:history", "not re-posting a flag after a restart"),
      Map.entry("groups:history", "not re-posting a flag in a private channel after a restart"),
      Map.entry("users:read", "each rep's time zone"),
      Map.entry("files:write", "the report's CSV and chart")));

  private NextSteps() {}

  /** Start-up output in HTTP mode, listening on {@code port}. */
  public static String http(WorkspaceIdentity identity, int port, boolean adminsConfigured) {
    StringBuilder out = new StringBuilder(connected(identity));
    out.append("""
        Next steps:
          1. Slack must reach this machine's port %1$d at a public HTTPS address. The request URL to
             paste into your Slack app's settings is
                 %2$s
             where YOUR-HOST is the public host name of the reverse proxy or tunnel that forwards to
             http://localhost:%1$d (to try Rapport out, `ngrok http %1$d` prints one on its
             "Forwarding https://…" line).
          2. At https://api.slack.com/apps open your app, then:
             - Event Subscriptions: turn it on, paste the request URL and wait for "Verified"
               (if Slack could not verify it when you created the app, press Retry now that
               Rapport is running); Save Changes;
             - Interactivity & Shortcuts, and each command under Slash Commands: the same URL
               (already there if you replaced YOUR-HOST in manifest.yml before creating the app).
          3. Install App → Install (or Reinstall) to Workspace if Slack asks, then type
             /relationship-admin help in Slack.
          No public address? Use Socket Mode instead: in the app's settings turn on Socket Mode,
          create an app-level token with the connections:write scope (Basic Information →
          App-Level Tokens), set SLACK_APP_TOKEN=xapp-… and start Rapport again.
        """.formatted(port, EVENTS_URL));
    adminHint(out, adminsConfigured);
    return out.toString();
  }

  /** Start-up output in Socket Mode. */
  public static String socketMode(WorkspaceIdentity identity, boolean adminsConfigured) {
    StringBuilder out = new StringBuilder(connected(identity));
    out.append("""
        Rapport receives Slack's requests over Socket Mode: no public address or request URL is
        needed. Next step: Install App → Install to Workspace if Slack asks, then type
        /relationship-admin help in Slack.
        """);
    adminHint(out, adminsConfigured);
    return out.toString();
  }

  /** The advice logged when the token lacks scopes Rapport uses. */
  public static String missingScopesAdvice(Set<String> missing) {
    StringBuilder uses = new StringBuilder();
    for (String s : missing) {
      uses.append(uses.isEmpty() ? "" : "; ").append(s).append(" (")
          .append(SCOPE_USE.getOrDefault(s, "used by Rapport")).append(")");
    }
    return "without them these will fail: " + uses + ". Add them at https://api.slack.com/apps →"
        + " your app → OAuth & Permissions → Bot Token Scopes (or paste manifest.yml again under"
        + " App Manifest), then reinstall the app to the workspace: Slack grants new scopes only"
        + " on a reinstall.";
  }

  private static String connected(WorkspaceIdentity identity) {
    String missing = identity.missingScopes(BotScopes.REQUIRED).isEmpty()
        ? ""
        : "Warning: the bot token lacks " + String.join(", ", identity.missingScopes(BotScopes.REQUIRED))
            + " (see the log above for what to do).\n";
    return "Rapport is connected to the Slack workspace \"" + identity.teamName() + "\" ("
        + identity.teamId() + ") as bot user " + identity.botUserId() + ".\n" + missing;
  }

  private static void adminHint(StringBuilder out, boolean adminsConfigured) {
    if (!adminsConfigured) {
      out.append("""
          No admin is set yet: put your Slack member ID (your profile → ⋮ → Copy member ID) in
          RAPPORT_ADMINS and start Rapport again, so you can set up teams.
          """);
    }
  }
}
