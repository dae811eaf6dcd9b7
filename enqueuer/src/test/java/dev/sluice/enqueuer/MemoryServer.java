package dev.sluice.enqueuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.enqueuer.adapter.http.BearerTokens;
import dev.sluice.enqueuer.adapter.http.EnqueuerServer;
import dev.sluice.enqueuer.adapter.http.HttpSettings;
import dev.sluice.enqueuer.adapter.http.JobsEndpoint;
import dev.sluice.enqueuer.adapter.http.ProbeEndpoints;
import dev.sluice.enqueuer.adapter.http.TenantRateLimiter;
import dev.sluice.enqueuer.adapter.memory.SettableReachability;
import dev.sluice.enqueuer.domain.JobRequestRules;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The real HTTP API on 127.0.0.1 over a {@link MemoryWorld}, with a small client for tests. */
public final class MemoryServer implements AutoCloseable {
  public static final String TOKEN = "test-token-1";

  public final MemoryWorld world;
  public final SettableReachability reachability = new SettableReachability();
  public final EnqueuerServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  /** A response as the tests read it. */
  public record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  public MemoryServer(MemoryWorld world, int ratePerSecond, long maxBody, Duration timeout) {
    this.world = world;
    JobsEndpoint jobs = new JobsEndpoint(world.service(), new JobRequestRules(world.catalogue),
        new TenantRateLimiter(ratePerSecond));
    this.server = new EnqueuerServer(new HttpSettings("127.0.0.1", 0, maxBody, timeout, Duration.ofSeconds(5)),
        jobs, new ProbeEndpoints(reachability), new BearerTokens(List.of(TOKEN, "test-token-2")),
        world.telemetry).start();
  }

  public MemoryServer(MemoryWorld world) {
    this(world, 1000, 1 << 20, Duration.ofSeconds(10));
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  public Reply post(String path, String body) throws IOException, InterruptedException {
    return post(path, body, "Bearer " + TOKEN);
  }

  public Reply post(String path, String body, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b.build());
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = mapper.readTree(response.body());
    } catch (IOException notJson) {
      body = mapper.getNodeFactory().textNode(response.body());
    }
    return new Reply(response.statusCode(), body, response);
  }

  @Override
  public void close() {
    server.close();
  }
}
