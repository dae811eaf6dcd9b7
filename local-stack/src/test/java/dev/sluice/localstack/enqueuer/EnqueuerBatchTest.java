package dev.sluice.localstack.enqueuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.contract.domain.Job;
import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.localstack.StackExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/jobs:batch}: entries admitted one by one, sent with SendMessageBatch in tens. */
@ExtendWith(StackExtension.class)
@Timeout(120)
class EnqueuerBatchTest {
  @TempDir Path dir;
  EnqueuerWorld world;
  EnqueuerWorld.Api api;

  @BeforeEach
  void setUp(EmbeddedStack stack) throws Exception {
    world = new EnqueuerWorld(stack, dir);
    api = world.start();
  }

  @AfterEach
  void stop() throws Exception {
    world.close();
  }

  @Test
  void aBatchOf25WithThreeBadEntriesEnqueues22AndExplainsTheOtherThree() throws Exception {
    byte[] bytes = new byte[20_000];
    new Random(11).nextBytes(bytes);
    String source = world.upload("clip.mp4", bytes, true);
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      entries.add(world.request("asset-" + i, source, "thumb-jpeg"));
    }
    entries.set(3, entries.get(3).replace("thumb-jpeg", "thumb-png"));
    entries.set(11, world.request("asset-11", "s3://elsewhere-bucket/uploads/x.mp4", "thumb-jpeg"));
    entries.set(19, entries.get(19).replace("\"assetId\":\"asset-19\"", "\"assetId\":\"asset 19\""));
    world.requests.reset();

    EnqueuerWorld.Reply reply = api.post("/v1/jobs:batch", "{\"jobs\": [" + String.join(",", entries) + "]}");

    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    assertThat(reply.body().path("accepted").asInt()).isEqualTo(22);
    assertThat(reply.body().path("refused").asInt()).isEqualTo(3);
    JsonNode results = reply.body().path("results");
    assertThat(results).hasSize(25);
    assertThat(results.get(3).path("status").asInt()).isEqualTo(400);
    assertThat(results.get(3).path("rule").asText()).isEqualTo("unknown_variant");
    assertThat(results.get(3).path("message").asText()).contains("thumb-png");
    assertThat(results.get(11).path("status").asInt()).isEqualTo(403);
    assertThat(results.get(11).path("cause").asText()).isEqualTo("SOURCE_NOT_ALLOWED");
    assertThat(results.get(19).path("status").asInt()).isEqualTo(400);
    assertThat(results.get(19).path("field").asText()).isEqualTo("assetId");

    Set<String> admittedIds = new HashSet<>();
    results.forEach(r -> r.path("jobs").forEach(j -> admittedIds.add(j.path("jobId").asText())));
    List<Job> queued = world.receive(25).stream().map(EnqueuerWorld::decode).toList();
    assertThat(queued).hasSize(22);
    assertThat(queued).extracting(j -> j.jobId().toString()).containsExactlyInAnyOrderElementsOf(admittedIds);
    assertThat(world.count("SendMessageBatch")).isEqualTo(3);
  }
}
