package dev.sluice.worker.adapter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.worker.app.WorkerProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's probe endpoints on the JDK's built-in HTTP server (a worker serves no other HTTP):
 * {@code /livez} fails when no loop made progress for the liveness timeout; {@code /readyz} fails
 * before the first successful receive, while draining and while an S3 breaker is open;
 * {@code /drain} (GET for a Kubernetes preStop hook, or POST) drains and answers when done.
 */
public final class HealthServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HealthServer.class);

  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  public static HealthServer start(int port, WorkerProcess process, Duration livenessTimeout,
      Duration drainTimeout) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/livez", ex -> answer(ex, process.live(livenessTimeout) ? 200 : 503,
        process.live(livenessTimeout) ? "live" : "no loop made progress for " + livenessTimeout));
    server.createContext("/readyz", ex -> {
      var reason = process.notReady();
      answer(ex, reason.isEmpty() ? 200 : 503, reason.orElse("ready"));
    });
    server.createContext("/drain", ex -> {
      try {
        boolean clean = process.stop(drainTimeout);
        answer(ex, 200, clean ? "drained" : "drain timeout passed; jobs in flight were released");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer(ex, 503, "interrupted while draining");
      }
    });
    server.start();
    log.info("Health endpoints on :{} (/livez, /readyz, /drain)", server.getAddress().getPort());
    return new HealthServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
