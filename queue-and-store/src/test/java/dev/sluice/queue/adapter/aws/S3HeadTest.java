package dev.sluice.queue.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Sha256;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

class S3HeadTest {
  private static final String HEX = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final String BASE64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(HEX));

  @Test
  void fullObjectChecksumBecomesLowerCaseHex() {
    assertThat(S3Head.fullObjectSha256(BASE64, ChecksumType.FULL_OBJECT)).contains(new Sha256(HEX));
  }

  @Test
  void checksumWithoutATypeIsTakenAsFullObject() {
    assertThat(S3Head.fullObjectSha256(BASE64, null)).contains(new Sha256(HEX));
  }

  @Test
  void compositeChecksumsAreNotDigestsOfTheObject() {
    assertThat(S3Head.fullObjectSha256(BASE64, ChecksumType.COMPOSITE)).isEmpty();
    assertThat(S3Head.fullObjectSha256(BASE64 + "-3", null)).isEmpty();
    assertThat(S3Head.fullObjectSha256(BASE64 + "-3", ChecksumType.FULL_OBJECT)).isEmpty();
  }

  @Test
  void malformedOrMissingChecksumsAreIgnored() {
    assertThat(S3Head.fullObjectSha256(null, ChecksumType.FULL_OBJECT)).isEmpty();
    assertThat(S3Head.fullObjectSha256("not base64!", null)).isEmpty();
    assertThat(S3Head.fullObjectSha256(Base64.getEncoder().encodeToString(new byte[20]), null)).isEmpty();
  }

  @Test
  void headResponseMapsToObjectInfoWithLowerCaseMetadataKeys() {
    var head = HeadObjectResponse.builder().contentLength(1234L).eTag("\"abc\"")
        .checksumSHA256(BASE64).checksumType(ChecksumType.FULL_OBJECT)
        .metadata(Map.of("Sluice-Job-Id", "J-1")).build();

    var info = S3Head.info(head);

    assertThat(info.size()).isEqualTo(1234);
    assertThat(info.etag()).contains("\"abc\"");
    assertThat(info.checksumSha256()).contains(new Sha256(HEX));
    assertThat(info.metadata()).isEqualTo(Map.of("sluice-job-id", "J-1"));
  }
}
