package dev.sluice.localstack.enqueuer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.localstack.StackExtension;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule of {@code POST /v1/jobs}, through real HTTP: each refused with 400 naming
 * the field and the rule, before S3 or SQS is touched, and nothing enqueued.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class EnqueuerValidationTest {
  static final String SRC = "\"source\": {\"uri\": \"s3://b-src/uploads/clip.mp4\"}";
  static final String VARIANTS = "\"variants\": [\"h264-360p\"]";
  static final String TARGET = "\"target\": {\"uri\": \"s3://b-out/renditions/\"}";

  EnqueuerWorld world;
  EnqueuerWorld.Api api;

  @BeforeAll
  void start(EmbeddedStack stack, @TempDir Path dir) throws Exception {
    world = new EnqueuerWorld(stack, dir);
    api = world.start();
  }

  @AfterAll
  void stop() throws Exception {
    world.close();
  }

  static String body(String... members) {
    return "{" + String.join(", ", members) + "}";
  }

  static Stream<Arguments> rules() {
    String asset = "\"assetId\": \"clip-1\"";
    return Stream.of(
        Arguments.of("not JSON", "{\"assetId\": ", "$", "json"),
        Arguments.of("a duplicate member", body(asset, asset, SRC, VARIANTS, TARGET), "$", "duplicate_key"),
        Arguments.of("not an object", "[1, 2]", "$", "type"),
        Arguments.of("an unknown member", body(asset, SRC, VARIANTS, TARGET, "\"prority\": \"high\""), "prority", "unknown_field"),
        Arguments.of("an unknown source member", body(asset, "\"source\": {\"uri\": \"s3://b/k\", \"size\": 1}", VARIANTS, TARGET), "source.size", "unknown_field"),
        Arguments.of("assetId not a string", body("\"assetId\": 42", SRC, VARIANTS, TARGET), "assetId", "type"),
        Arguments.of("assetId null", body("\"assetId\": null", SRC, VARIANTS, TARGET), "assetId", "type"),
        Arguments.of("assetId missing", body(SRC, VARIANTS, TARGET), "assetId", "required"),
        Arguments.of("assetId with a slash", body("\"assetId\": \"a/b\"", SRC, VARIANTS, TARGET), "assetId", "format"),
        Arguments.of("assetId '..'", body("\"assetId\": \"..\"", SRC, VARIANTS, TARGET), "assetId", "format"),
        Arguments.of("assetId of 129 characters", body("\"assetId\": \"" + "a".repeat(129) + "\"", SRC, VARIANTS, TARGET), "assetId", "format"),
        Arguments.of("tenant with a space", body(asset, "\"tenant\": \"a b\"", SRC, VARIANTS, TARGET), "tenant", "format"),
        Arguments.of("source not an object", body(asset, "\"source\": \"s3://b/k\"", VARIANTS, TARGET), "source", "type"),
        Arguments.of("source.uri missing", body(asset, "\"source\": {}", VARIANTS, TARGET), "source.uri", "required"),
        Arguments.of("source.uri not s3", body(asset, "\"source\": {\"uri\": \"https://b/k\"}", VARIANTS, TARGET), "source.uri", "format"),
        Arguments.of("source.uri a prefix", body(asset, "\"source\": {\"uri\": \"s3://b-src/uploads/\"}", VARIANTS, TARGET), "source.uri", "format"),
        Arguments.of("source.uri with '..'", body(asset, "\"source\": {\"uri\": \"s3://b-src/a/../k\"}", VARIANTS, TARGET), "source.uri", "format"),
        Arguments.of("source.uri bad bucket", body(asset, "\"source\": {\"uri\": \"s3://B_x/k\"}", VARIANTS, TARGET), "source.uri", "format"),
        Arguments.of("source.sha256 upper case", body(asset, "\"source\": {\"uri\": \"s3://b-src/k\", \"sha256\": \"" + "A".repeat(64) + "\"}", VARIANTS, TARGET), "source.sha256", "format"),
        Arguments.of("source.sha256 too short", body(asset, "\"source\": {\"uri\": \"s3://b-src/k\", \"sha256\": \"abc\"}", VARIANTS, TARGET), "source.sha256", "format"),
        Arguments.of("variants missing", body(asset, SRC, TARGET), "variants", "required"),
        Arguments.of("variants a string", body(asset, SRC, "\"variants\": \"h264-360p\"", TARGET), "variants", "type"),
        Arguments.of("variants empty", body(asset, SRC, "\"variants\": []", TARGET), "variants", "min_items"),
        Arguments.of("variants too many", body(asset, SRC, "\"variants\": [" + "\"h264-360p\",".repeat(16) + "\"h264-360p\"]", TARGET), "variants", "max_items"),
        Arguments.of("a variant not a string", body(asset, SRC, "\"variants\": [7]", TARGET), "variants[0]", "type"),
        Arguments.of("a variant in capitals", body(asset, SRC, "\"variants\": [\"H264-360P\"]", TARGET), "variants[0]", "format"),
        Arguments.of("a variant twice", body(asset, SRC, "\"variants\": [\"h264-360p\", \"h264-360p\"]", TARGET), "variants[1]", "unique"),
        Arguments.of("a variant not in the catalogue", body(asset, SRC, "\"variants\": [\"h264-9000p\"]", TARGET), "variants[0]", "unknown_variant"),
        Arguments.of("target.uri missing", body(asset, SRC, VARIANTS, "\"target\": {}"), "target.uri", "required"),
        Arguments.of("target.uri not a prefix", body(asset, SRC, VARIANTS, "\"target\": {\"uri\": \"s3://b-out/renditions\"}"), "target.uri", "format"),
        Arguments.of("target.uri too long", body(asset, SRC, VARIANTS, "\"target\": {\"uri\": \"s3://b-out/" + "p/".repeat(490) + "\"}"), "target.uri", "length"),
        Arguments.of("priority unknown", body(asset, SRC, VARIANTS, TARGET, "\"priority\": \"urgent\""), "priority", "enum"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void isRefusedWith400NamingTheFieldAndTheRule(String name, String body, String field, String rule)
      throws Exception {
    EnqueuerWorld.Reply reply = api.post("/v1/jobs", body);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
    assertThat(reply.body().path("error").asText()).isEqualTo("invalid_request");
    assertThat(reply.body().path("field").asText()).isEqualTo(field);
    assertThat(reply.body().path("rule").asText()).isEqualTo(rule);
    assertThat(reply.body().path("message").asText()).endsWith(".");
    assertThat(reply.body().path("traceId").asText()).hasSize(32);
    assertThat(world.count("HeadObject") + world.count("SendMessageBatch")).isZero();
  }
}
