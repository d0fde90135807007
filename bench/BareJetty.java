// The ceiling for the ack path: bare Jetty 12 that checks Slack's HMAC signature and answers a
// fixed ephemeral reply. Same Jetty and JVM as Rapport; no Bolt, no parsing beyond the headers.
// Run: java -cp target/rapport.jar bench/BareJetty.java PORT SIGNING_SECRET [REPLY_BODY_FILE]
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

public class BareJetty {
  // The same size of reply as Rapport's /relationship-help when a body file is given, else a tiny one.
  static String REPLY = "{\"response_type\":\"ephemeral\",\"text\":\"ok\"}";

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    if (args.length > 2) {
      REPLY = java.nio.file.Files.readString(java.nio.file.Path.of(args[2]));
    }
    SecretKeySpec key = new SecretKeySpec(args[1].getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        String ts = request.getHeaders().get("X-Slack-Request-Timestamp");
        String sig = request.getHeaders().get("X-Slack-Signature");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        String expected = "v0=" + HexFormat.of().formatHex(
            mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
        if (sig == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sig.getBytes(StandardCharsets.UTF_8))) {
          response.setStatus(401);
          callback.succeeded();
          return true;
        }
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "application/json; charset=utf-8");
        Content.Sink.write(response, true, REPLY, callback);
        return true;
      }
    });
    server.start();
    System.out.println("bare Jetty on " + port);
    server.join();
  }
}
