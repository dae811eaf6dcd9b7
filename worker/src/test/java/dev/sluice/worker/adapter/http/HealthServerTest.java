package dev.sluice.worker.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.queue.adapter.memory.InMemoryJobQueue;
import dev.sluice.queue.adapter.system.SystemTime;
import dev.sluice.worker.app.LoopFactory;
import dev.sluice.worker.app.ReceiveGate;
import dev.sluice.worker.app.WorkerProcess;
import dev.sluice.worker.app.WorkerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The probe endpoints answer what the worker's state says, over real HTTP. */
class HealthServerTest {
  @TempDir Path workDir;
  private final HttpClient http = HttpClient.newHttpClient();

  private int get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  @Timeout(30)
  void readinessFollowsReceivesTheBreakerAndTheDrain() throws Exception {
    SystemTime time = new SystemTime();
    InMemoryJobQueue queue = new InMemoryJobQueue(time, time);
    var jobs = queue.create("jobs", queue.create("dlq"), 5);
    var d = WorkerSettings.defaults(List.of(jobs), workDir);
    var settings = new WorkerSettings(d.queues(), d.priorityWeights(), 1, 5, Duration.ofSeconds(30),
        Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMillis(200),
        Duration.ofMillis(200), Duration.ofMillis(500), workDir, d.resourceClass());
    AtomicReference<Optional<String>> gateReason = new AtomicReference<>(Optional.empty());
    ReceiveGate gate = gateReason::get;
    var process = new WorkerProcess(new LoopFactory(settings, queue, null, null, time, time, gate),
        settings, time, time, gate);

    try (HealthServer health = HealthServer.start(0, process, Duration.ofMinutes(1), Duration.ofSeconds(5))) {
      int port = health.port();
      assertThat(get(port, "/readyz")).as("before start").isEqualTo(503);
      process.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (get(port, "/readyz") != 200 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(get(port, "/readyz")).as("after a receive").isEqualTo(200);
      assertThat(get(port, "/livez")).isEqualTo(200);

      gateReason.set(Optional.of("s3 breaker open"));
      assertThat(get(port, "/readyz")).as("breaker open").isEqualTo(503);
      gateReason.set(Optional.empty());

      assertThat(get(port, "/drain")).isEqualTo(200);
      assertThat(process.draining()).isTrue();
      assertThat(get(port, "/readyz")).as("draining").isEqualTo(503);
    }
  }
}
