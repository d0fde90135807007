package io.rapport.slack.http;

import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty 12 server: graceful shutdown that lets in-flight requests finish, and Rapport's
 * handler.
 */
public final class HttpServer implements AutoCloseable {
  /** Slack's own payloads are small; a modal submission with every field is a few kilobytes. */
  public static final int MAX_REQUEST_BYTES = 1024 * 1024;

  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Server server;
  private final ServerConnector connector;

  public HttpServer(int port, Handler handler) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("http");
    server = new Server(threads);
    connector = new ServerConnector(server);
    connector.setPort(port);
    server.addConnector(connector);
    GracefulHandler graceful = new GracefulHandler();
    // The size limit lives in RapportHandler's bounded read: Jetty's SizeLimitHandler, which wraps
    // every request and response, cost about a third of the ack path's throughput.
    graceful.setHandler(handler);
    server.setHandler(graceful);
    server.setStopTimeout(STOP_TIMEOUT.toMillis());
  }

  public HttpServer start() throws Exception {
    server.start();
    return this;
  }

  /** The port actually bound (useful when started on port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** True once a stop has begun (and until it has finished): new connections are refused. */
  public boolean isStopping() {
    return server.isStopping();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
