package io.rapport.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.testing.FakeSlack;
import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class HttpServerTest {
  @Test
  void stoppingLetsAnInFlightRequestFinish() throws Exception {
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicReference<String> servedOn = new java.util.concurrent.atomic.AtomicReference<>();
    Handler slow = new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        servedOn.set(Thread.currentThread().getName());
        inHandler.countDown();
        release.await(10, TimeUnit.SECONDS);
        response.setStatus(200);
        Content.Sink.write(response, true, "finished", callback);
        return true;
      }
    };
    HttpServer server = new HttpServer(0, slow).start();
    CompletableFuture<HttpResponse<String>> reply = HttpClient.newHttpClient().sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(server.isStopping()).as("running, not stopping yet").isFalse();
    assertThat(servedOn.get()).as("served by the server's own named pool, recognisable in a thread dump").startsWith("http-");

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // The stop has begun while the request is still in the handler, and waits for it.
    FakeSlack.awaitTrue(server::isStopping, Duration.ofSeconds(10), "the stop to begin");
    assertThat(stopping).isNotDone();
    release.countDown();

    HttpResponse<String> r = reply.get(10, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("finished");
    stopping.get(15, TimeUnit.SECONDS);
  }

  @Test
  void listensOnThePortItIsGiven() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (HttpServer server = new HttpServer(port, RapportHandler.healthOnly(() -> true)).start()) {
      assertThat(server.port()).isEqualTo(port);
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + RapportHandler.HEALTH_PATH)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
    }
  }
}
