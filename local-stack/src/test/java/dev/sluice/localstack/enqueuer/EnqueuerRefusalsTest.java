package dev.sluice.localstack.enqueuer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.localstack.StackExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the enqueuer refuses, and with which answer, on ElasticMQ and S3Mock through real HTTP. */
@ExtendWith(StackExtension.class)
@Timeout(120)
class EnqueuerRefusalsTest {
  @TempDir Path dir;
  EnqueuerWorld world;
  EnqueuerWorld.Api api;
  String source;

  @BeforeEach
  void setUp(EmbeddedStack stack) throws Exception {
    world = new EnqueuerWorld(stack, dir);
    api = world.start();
    byte[] bytes = new byte[50_000];
    new Random(7).nextBytes(bytes);
    source = world.upload("clip.mp4", bytes, true);
  }

  @AfterEach
  void stop() throws Exception {
    world.close();
  }

  long queued() {
    return Long.parseLong(world.stack.sqs().getQueueAttributes(b -> b.queueUrl(world.queue.url())
        .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
        .get("ApproximateNumberOfMessages"));
  }

  @Test
  void aSourceInAForeignBucketIsRefusedWithoutTouchingIt() throws Exception {
    EnqueuerWorld.Reply reply = api.post("/v1/jobs", world.request("clip-1", "s3://" + world.outputBucket
        + "/renditions/private.mp4", "h264-360p"));
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body().path("cause").asText()).isEqualTo("SOURCE_NOT_ALLOWED");
    assertThat(world.count("HeadObject")).isZero();
    assertThat(queued()).isZero();
  }

  @Test
  void aPolicyDenialIs403WithCauseReasonAndRevision() throws Exception {
    EnqueuerWorld.Reply reply = api.post("/v1/jobs", world.request("quarantined-asset", source, "h264-360p"));
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body().path("error").asText()).isEqualTo("denied");
    assertThat(reply.body().path("cause").asText()).isEqualTo("ASSET_DENIED");
    assertThat(reply.body().path("reason").asText()).contains("quarantined-asset");
    assertThat(reply.body().path("policyRevision").asText()).matches("[0-9a-f]{12}");
    assertThat(queued()).isZero();
  }

  @Test
  void anUndecidablePolicyIs503WithRetryAfter() throws Exception {
    EnqueuerWorld.Api broken = world.start(Map.of("SLUICE_POLICY_FILE", dir.resolve("missing.yaml").toString()));
    EnqueuerWorld.Reply reply = broken.post("/v1/jobs", world.request("clip-1", source, "h264-360p"));
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.raw().headers().firstValue("Retry-After")).hasValue("5");
    assertThat(reply.body().path("message").asText()).contains("missing.yaml");
    assertThat(broken.get("/readyz").status()).isEqualTo(503);
    assertThat(queued()).isZero();
  }

  @Test
  void aMissingSourceIs404() throws Exception {
    EnqueuerWorld.Reply reply = api.post("/v1/jobs", world.request("clip-1",
        "s3://" + world.sourceBucket + "/uploads/nothing-here.mp4", "h264-360p"));
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body().path("error").asText()).isEqualTo("source_not_found");
  }

  @Test
  void aRepeatWithinTheWindowReturnsTheSameJobsWith200() throws Exception {
    EnqueuerWorld.Reply first = api.post("/v1/jobs", world.request("clip-1", source, "h264-360p", "thumb-jpeg"));
    EnqueuerWorld.Reply second = api.post("/v1/jobs", world.request("clip-1", source, "h264-360p", "thumb-jpeg"));
    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(200);
    for (int i = 0; i < 2; i++) {
      assertThat(second.body().path("jobs").get(i).path("jobId"))
          .isEqualTo(first.body().path("jobs").get(i).path("jobId"));
      assertThat(second.body().path("jobs").get(i).path("deduplicated").asBoolean()).isTrue();
    }
    assertThat(queued()).isEqualTo(2);
    assertThat(world.stack.s3().listObjectsV2(b -> b.bucket(world.stateBucket).prefix("sluice-dedup/"))
        .keyCount()).isEqualTo(2);
  }

  @Test
  void aMissingOrWrongTokenIs401() throws Exception {
    String body = world.request("clip-1", source, "h264-360p");
    assertThat(api.post("/v1/jobs", body, Map.of()).status()).isEqualTo(401);
    assertThat(api.post("/v1/jobs", body, Map.of("Authorization", "Bearer not-the-token")).status()).isEqualTo(401);
    assertThat(api.post("/v1/jobs:batch", "{\"jobs\": [" + body + "]}", Map.of()).status()).isEqualTo(401);
    assertThat(api.post("/v1/jobs", body, Map.of("Authorization", "Bearer other-token")).status()).isEqualTo(202);
    assertThat(queued()).isEqualTo(1);
  }

  @Test
  void aTenantOverItsRateIs429WithRetryAfter() throws Exception {
    EnqueuerWorld.Api limited = world.start(Map.of("SLUICE_RATE_LIMIT_PER_TENANT", "1"));
    int refused = 0;
    for (int i = 0; i < 6; i++) {
      EnqueuerWorld.Reply reply = limited.post("/v1/jobs", world.request("clip-" + i, source, "thumb-jpeg"));
      if (reply.status() == 429) {
        refused++;
        assertThat(reply.body().path("error").asText()).isEqualTo("rate_limited");
        assertThat(reply.raw().headers().firstValue("Retry-After")).isPresent();
      } else {
        assertThat(reply.status()).isEqualTo(202);
      }
    }
    assertThat(refused).isGreaterThanOrEqualTo(2);
    assertThat(queued()).isEqualTo(6 - refused);
  }

  @Test
  void probesReportReadyWhenQueuesAndBucketsAnswer() throws Exception {
    assertThat(api.get("/healthz").status()).isEqualTo(200);
    EnqueuerWorld.Reply ready = api.get("/readyz");
    assertThat(ready.status()).as(ready.body().toString()).isEqualTo(200);
    assertThat(api.get("/metrics").status()).isEqualTo(200);
  }
}
