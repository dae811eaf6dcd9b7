package dev.sluice.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "uploads/2026/clip.mov", "dir/", "", "...", "a..b/c", ".hidden/x",
      "vidéo/клип 1.mov", "emoji-\uD83C\uDFAC.mp4", "a.b-c_d~e(1)+[2]"})
  void acceptsOrdinaryKeys(String key) {
    assertThat(ObjectKeys.keyProblem(key)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/etc/passwd|must not start with '/'",
      "a/../b|'.' or '..' path segment",
      "../b|'.' or '..' path segment",
      "a/..|'.' or '..' path segment",
      "./a|'.' or '..' path segment",
      "a/./b|'.' or '..' path segment",
      "a//b|empty path segment",
      "a\\b|backslash",
      "a\u0000b|control",
      "a\u007fb|control",
      "a\u0085b|control",
      "a\u200Bb|format",
      "a\u202Eb|format",
      "a\uFEFFb|format",
      "tag-\uDB40\uDC41|format",
      "a\uD800b|unpaired UTF-16 surrogate",
      "a\uDC00|unpaired UTF-16 surrogate"})
  void refusesHostileKeys(String key, String reason) {
    assertThat(ObjectKeys.keyProblem(key)).hasValueSatisfying(p -> assertThat(p).contains(reason));
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 1025})
  void limitsKeysTo1024Utf8Bytes(int bytes) {
    // 'é' is two bytes in UTF-8: a key can be short in chars and still too long for S3.
    String key = "é".repeat(bytes / 2) + "a".repeat(bytes % 2);
    assertThat(ObjectKeys.keyProblem(key).isPresent()).isEqualTo(bytes > 1024);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "sluice-renditions", "my.bucket.name", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void acceptsBucketNames(String bucket) {
    assertThat(ObjectKeys.bucketProblem(bucket)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "Upper", "under_score", "-lead", "trail-", "a..b", "a/b", ""})
  void refusesBadBucketNames(String bucket) {
    assertThat(ObjectKeys.bucketProblem(bucket)).hasValueSatisfying(
        p -> assertThat(p).contains("not a valid S3 bucket name"));
  }
}
