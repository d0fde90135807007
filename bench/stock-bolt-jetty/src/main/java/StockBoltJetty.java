import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jetty.SlackAppServer;

/** Slack's stock adapter answering a slash command with a fixed ephemeral reply. */
public class StockBoltJetty {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(args[2]);
    App app = new App(AppConfig.builder().slack(Slack.getInstance(slackConfig))
        .singleTeamBotToken("xoxb-bench").signingSecret(args[1]).build());
    app.command("/relationship-help", (req, ctx) -> ctx.ack(r -> r.responseType("ephemeral").text("ok")));
    new SlackAppServer(app, "/slack/events", port).start();
  }
}
