package dev.sluice.contract.json;

import static dev.sluice.contract.json.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.DecodeResult;
import dev.sluice.contract.domain.DecodeResult.Decoded;
import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobCodecTest {
  private final JobCodec codec = new JobCodec();

  private Job decoded(byte[] body) {
    DecodeResult result = codec.decode(body);
    assertThat(result).isInstanceOf(Decoded.class);
    return ((Decoded) result).job();
  }

  @Test
  void decodesEveryFieldOfTheValidBody() {
    Job job = decoded(utf8(Bodies.VALID));

    assertThat(job.jobId()).isEqualTo(UUID.fromString("0f5c6a1e-3b7d-4c2a-9e8f-1a2b3c4d5e6f"));
    assertThat(job.assetId()).isEqualTo("asset-42");
    assertThat(job.tenant()).contains("acme");
    assertThat(job.source()).isEqualTo(new SourceRef(
        new ObjectRef("sluice-ingest", "uploads/2026/11/clip.mov"), new Sha256(Bodies.SOURCE_SHA),
        73_400_320L));
    assertThat(job.variant()).isEqualTo("h264-720p");
    assertThat(job.recipeDigest()).isEqualTo(new Sha256(Bodies.RECIPE));
    assertThat(job.target()).isEqualTo(new ObjectRef("sluice-renditions", "acme/"));
    assertThat(job.priority()).isEqualTo(Priority.HIGH);
    assertThat(job.enqueuedAt()).isEqualTo(Instant.parse("2026-11-23T18:00:00Z"));
  }

  @Test
  void encodesTheCanonicalBodyByteForByte() {
    assertThat(codec.encode(decoded(utf8(Bodies.VALID)))).isEqualTo(Bodies.VALID);
  }

  @Test
  void roundTripsAJobWithoutOptionalFields() {
    Job job = new Job(UUID.randomUUID(), "a", Optional.empty(),
        new SourceRef(new ObjectRef("bkt", "k"), new Sha256(Bodies.SOURCE_SHA), 0),
        "thumb-jpeg", new Sha256(Bodies.RECIPE), new ObjectRef("bkt", ""), null,
        Instant.parse("2026-01-02T03:04:05.123456789Z"));

    String body = codec.encode(job);

    assertThat(body).doesNotContain("tenant").contains("\"priority\":\"normal\"")
        .contains("\"uri\":\"s3://bkt/\"").contains("\"enqueuedAt\":\"2026-01-02T03:04:05.123456789Z\"");
    assertThat(codec.decode(utf8(body))).isEqualTo(new Decoded(job));
  }

  @Test
  void absentPriorityMeansNormal() {
    assertThat(decoded(Bodies.without("priority")).priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void absentTenantIsEmpty() {
    assertThat(decoded(Bodies.without("tenant")).tenant()).isEmpty();
  }

  @Test
  void acceptsAnUppercaseJobIdAndWritesItLowercase() {
    Job job = decoded(Bodies.with("jobId", "0F5C6A1E-3B7D-4C2A-9E8F-1A2B3C4D5E6F"));
    assertThat(codec.encode(job)).contains("\"jobId\":\"0f5c6a1e-3b7d-4c2a-9e8f-1a2b3c4d5e6f\"");
  }

  @Test
  void normalisesAnOffsetTimestampToUtc() {
    Job job = decoded(Bodies.with("enqueuedAt", "2026-11-23T19:30:00.5+01:30"));
    assertThat(job.enqueuedAt()).isEqualTo(Instant.parse("2026-11-23T18:00:00.5Z"));
    assertThat(codec.encode(job)).contains("\"enqueuedAt\":\"2026-11-23T18:00:00.500Z\"");
  }

  @Test
  void acceptsTheExtremesOfSizeAndYear() {
    assertThat(decoded(Bodies.with("source.size", Long.MAX_VALUE)).source().size())
        .isEqualTo(Long.MAX_VALUE);
    Job earliest = decoded(Bodies.with("enqueuedAt", "0000-01-01T00:00:00Z"));
    assertThat(codec.decode(utf8(codec.encode(earliest)))).isEqualTo(new Decoded(earliest));
    Job latest = decoded(Bodies.with("enqueuedAt", "9999-12-31T23:59:59.999999999Z"));
    assertThat(codec.decode(utf8(codec.encode(latest)))).isEqualTo(new Decoded(latest));
  }

  @Test
  void roundTripsNonAsciiKeys() {
    Job job = decoded(Bodies.with("source.uri", "s3://sluice-ingest/vidéo/клип 1.mov"));
    assertThat(job.source().uri().key()).isEqualTo("vidéo/клип 1.mov");
    assertThat(codec.decode(utf8(codec.encode(job)))).isEqualTo(new Decoded(job));
  }

  @Test
  void acceptsFieldsInAnyOrderWithWhiteSpace() {
    String shuffled = """
        { "enqueuedAt" : "2026-11-23T18:00:00Z", "target": {"uri": "s3://sluice-renditions/acme/"},
          "v": 1, "priority": "high", "recipeDigest": "%s", "variant": "h264-720p",
          "source": {"size": 73400320, "sha256": "%s", "uri": "s3://sluice-ingest/uploads/2026/11/clip.mov"},
          "tenant": "acme", "assetId": "asset-42", "jobId": "0f5c6a1e-3b7d-4c2a-9e8f-1a2b3c4d5e6f" }
        """.formatted(Bodies.RECIPE, Bodies.SOURCE_SHA);
    assertThat(codec.decode(utf8(shuffled))).isEqualTo(codec.decode(utf8(Bodies.VALID)));
  }

  @Test
  void acceptsABodyOfExactlyTheLimit() {
    byte[] body = Arrays.copyOf(utf8(Bodies.VALID), JobCodec.MAX_BODY_BYTES);
    Arrays.fill(body, Bodies.VALID.length(), body.length, (byte) ' ');
    assertThat(codec.decode(body)).isInstanceOf(Decoded.class);
  }
}
