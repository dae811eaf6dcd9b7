package dev.sluice.enqueuer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.enqueuer.MemoryServer;
import dev.sluice.enqueuer.MemoryWorld;
import dev.sluice.policy.domain.Decision;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP envelope on in-memory adapters: auth, limits, deadline, probes, answer shapes. */
class HttpApiTest {
  static final String REQUEST = """
      {"assetId": "clip-1", "source": {"uri": "s3://media-in/uploads/clip.mp4"},
       "variants": ["h264-720p", "thumb-jpeg"], "target": {"uri": "s3://media-out/renditions/"}}""";

  final MemoryWorld world = new MemoryWorld();
  MemoryServer api;

  MemoryServer api(int rate, long maxBody, Duration timeout) {
    world.upload("clip.mp4", "frames");
    api = new MemoryServer(world, rate, maxBody, timeout);
    return api;
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void aRequestIsAcceptedWith202AndItsRepeatWith200() throws Exception {
    api(100, 1 << 20, Duration.ofSeconds(10));
    MemoryServer.Reply first = api.post("/v1/jobs", REQUEST);
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(first.body().path("traceId").asText()).matches("[0-9a-f]{32}");
    assertThat(first.body().path("jobs")).hasSize(2);
    assertThat(first.body().path("jobs").get(0).path("outputUri").asText())
        .startsWith("s3://media-out/renditions/clip-1/h264-720p/").endsWith(".mp4");

    MemoryServer.Reply again = api.post("/v1/jobs", REQUEST);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("jobs").get(0).path("jobId")).isEqualTo(first.body().path("jobs").get(0).path("jobId"));
    assertThat(again.body().path("jobs").get(0).path("deduplicated").asBoolean()).isTrue();
  }

  @Test
  void everyV1RouteNeedsOneOfTheBearerTokens() throws Exception {
    api(100, 1 << 20, Duration.ofSeconds(10));
    for (String auth : new String[] {null, "Bearer wrong", "Basic dGVzdC10b2tlbi0x", "Bearer ", "test-token-1"}) {
      for (String route : List.of("/v1/jobs", "/v1/jobs:batch")) {
        MemoryServer.Reply reply = api.post(route, REQUEST, auth);
        assertThat(reply.status()).as(route + " with " + auth).isEqualTo(401);
        assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sluice\"");
        assertThat(reply.body().path("error").asText()).isEqualTo("unauthorized");
      }
    }
    assertThat(api.post("/v1/jobs", REQUEST, "bearer test-token-2").status()).isEqualTo(202);
    assertThat(world.messages(world.normal)).hasSize(2);
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413() throws Exception {
    api(100, 64, Duration.ofSeconds(10));
    MemoryServer.Reply reply = api.post("/v1/jobs", REQUEST);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.body().path("message").asText()).contains("SLUICE_MAX_BODY_BYTES");
  }

  @Test
  void aRequestPastItsDeadlineIsAnswered503WithRetryAfter() throws Exception {
    world.policy = request -> {
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Decision.Admit("r1");
    };
    api(100, 1 << 20, Duration.ofMillis(200));
    long start = System.nanoTime();
    MemoryServer.Reply reply = api.post("/v1/jobs", REQUEST);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body().path("error").asText()).isEqualTo("timeout");
    assertThat(reply.raw().headers().firstValue("Retry-After")).hasValue("5");
  }

  @Test
  void aTenantOverItsRateGets429WithRetryAfterWhileOthersGoOn() throws Exception {
    api(1, 1 << 20, Duration.ofSeconds(10));
    String acme = REQUEST.replace("\"assetId\"", "\"tenant\": \"acme\", \"assetId\"");
    int limited = 0;
    for (int i = 0; i < 6; i++) {
      MemoryServer.Reply reply = api.post("/v1/jobs", acme);
      if (reply.status() == 429) {
        limited++;
        assertThat(reply.body().path("message").asText()).contains("Tenant 'acme'", "1 requests per second");
        assertThat(Long.parseLong(reply.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
      }
    }
    assertThat(limited).isGreaterThanOrEqualTo(2);
    assertThat(api.post("/v1/jobs", REQUEST.replace("\"assetId\"", "\"tenant\": \"other\", \"assetId\"")).status())
        .isIn(200, 202);
  }

  @Test
  void anIncomingTraceparentMakesTheRequestPartOfTheCallersTrace() throws Exception {
    api(100, 1 << 20, Duration.ofSeconds(10));
    HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri("/v1/jobs"))
        .header("Authorization", "Bearer " + MemoryServer.TOKEN)
        .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
        .POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(reply.body()).contains("\"traceId\":\"0af7651916cd43dd8448eb211c80319c\"");
    assertThat(world.messages(world.normal)).allSatisfy(m ->
        assertThat(m.attributes().get("traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-"));
  }

  @Test
  void aBatchThatIsNotABatchIsRefusedWhole() throws Exception {
    api(100, 1 << 20, Duration.ofSeconds(10));
    assertThat(api.post("/v1/jobs:batch", "[]").body().path("rule").asText()).isEqualTo("type");
    assertThat(api.post("/v1/jobs:batch", "{}").body().path("rule").asText()).isEqualTo("required");
    assertThat(api.post("/v1/jobs:batch", "{\"jobs\": []}").body().path("rule").asText()).isEqualTo("min_items");
    String many = "{\"jobs\": [" + String.join(",", java.util.Collections.nCopies(101, REQUEST)) + "]}";
    MemoryServer.Reply tooMany = api.post("/v1/jobs:batch", many);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body().path("field").asText()).isEqualTo("jobs");
    assertThat(tooMany.body().path("rule").asText()).isEqualTo("max_items");
    assertThat(world.messages(world.normal)).isEmpty();
  }

  @Test
  void probesAnswerWithoutATokenAndReadinessFollowsTheDependencies() throws Exception {
    api(100, 1 << 20, Duration.ofSeconds(10));
    assertThat(api.get("/healthz").body().path("status").asText()).isEqualTo("ok");
    assertThat(api.get("/readyz").status()).isEqualTo(200);
    api.reachability.set(List.of("queue jobs-normal: UNREACHABLE: connection refused"));
    MemoryServer.Reply notReady = api.get("/readyz");
    assertThat(notReady.status()).isEqualTo(503);
    assertThat(notReady.body().path("problems").get(0).asText()).contains("jobs-normal");
    MemoryServer.Reply metrics = api.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(metrics.raw().body()).contains("port 9464");
    assertThat(api.get("/v2/nothing").status()).isEqualTo(404);
  }
}
