package dev.sluice.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutputKeysTest {
  private static final Sha256 SOURCE =
      new Sha256("a813fb7145c4e3496a5fae47e683d263217ff4ccd96eb2b03a5315f498c2e265");
  private static final Sha256 RECIPE =
      new Sha256("fff10ea7d3d79cb5d34550f1a4a4569aa0b5e223ba519335a5acfb7c247c3740");

  private static Job job(Sha256 source, Sha256 recipe, String targetKey) {
    return new Job(UUID.fromString("0f5c6a1e-3b7d-4c2a-9e8f-1a2b3c4d5e6f"), "asset-42",
        Optional.of("acme"), new SourceRef(new ObjectRef("ingest", "clip.mov"), source, 10),
        "h264-720p", recipe, new ObjectRef("renditions", targetKey), Priority.NORMAL,
        Instant.parse("2026-11-23T18:00:00Z"));
  }

  @Test
  void composesTheDocumentedKey() {
    ObjectRef key = OutputKeys.of(job(SOURCE, RECIPE, "acme/"), "mp4");
    assertThat(key.toUri()).isEqualTo(
        "s3://renditions/acme/asset-42/h264-720p/fff10ea7d3d79cb5-a813fb7145c4e349.mp4");
  }

  @Test
  void aBucketRootTargetWorks() {
    assertThat(OutputKeys.of(job(SOURCE, RECIPE, ""), "m3u8").key())
        .isEqualTo("asset-42/h264-720p/fff10ea7d3d79cb5-a813fb7145c4e349.m3u8");
  }

  @Test
  void aChangedSourceOrRecipeGivesANewKeyAndTheSameJobTheSameKey() {
    Sha256 otherSource = new Sha256("b" + SOURCE.hex().substring(1));
    Sha256 otherRecipe = new Sha256("0" + RECIPE.hex().substring(1));
    ObjectRef key = OutputKeys.of(job(SOURCE, RECIPE, "acme/"), "mp4");
    assertThat(OutputKeys.of(job(SOURCE, RECIPE, "acme/"), "mp4")).isEqualTo(key);
    assertThat(OutputKeys.of(job(otherSource, RECIPE, "acme/"), "mp4")).isNotEqualTo(key);
    assertThat(OutputKeys.of(job(SOURCE, otherRecipe, "acme/"), "mp4")).isNotEqualTo(key);
  }

  @Test
  void refusesABadExtension() {
    Job job = job(SOURCE, RECIPE, "acme/");
    for (String bad : new String[] {"", ".mp4", "MP4", "toolongext", "m/4", "mp4 "}) {
      assertThatThrownBy(() -> OutputKeys.of(job, bad)).hasMessageContaining("extension");
    }
    assertThatThrownBy(() -> OutputKeys.of(job, null)).hasMessageContaining("extension");
  }

  @Test
  void aJobWhoseOutputKeyCouldNotFitCannotExist() {
    // 1024-byte keys are S3's limit; a job that exists must always have a writable output key.
    String longest = "p/".repeat((1024 - 44 - "asset-42".length() - "h264-720p".length()) / 2);
    ObjectRef fits = OutputKeys.of(job(SOURCE, RECIPE, longest), "abcdefgh");
    assertThat(fits.key().length()).isLessThanOrEqualTo(1024);
    assertThatThrownBy(() -> job(SOURCE, RECIPE, longest + "pp/"))
        .hasMessageContaining("target.uri is too long");
  }
}
