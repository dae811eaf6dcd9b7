package dev.sluice.queue.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

class S3ReadStreamTest {
  private final AtomicBoolean aborted = new AtomicBoolean();

  private S3ReadStream over(InputStream raw, long length) {
    var body = new ResponseInputStream<>(GetObjectResponse.builder().contentLength(length).build(),
        AbortableInputStream.create(raw, () -> aborted.set(true)));
    return new S3ReadStream(body, "s3://b/k", length);
  }

  @Test
  void sdkFailureMidReadSurfacesAsAPlainIoException() {
    InputStream failing = new InputStream() {
      @Override
      public int read() {
        throw SdkClientException.create("Data read has a different checksum than expected");
      }
    };

    assertThatThrownBy(() -> over(failing, 10).read())
        .isExactlyInstanceOf(IOException.class)
        .hasMessageContaining("GetObject s3://b/k")
        .hasMessageContaining("different checksum");
  }

  @Test
  void closingBeforeTheEndAbortsInsteadOfDraining() throws IOException {
    try (var in = over(new ByteArrayInputStream(new byte[100]), 100)) {
      in.read(new byte[10]);
    }
    assertThat(aborted).isTrue();
  }

  @Test
  void closingAfterTheWholeBodyLeavesTheConnectionReusable() throws IOException {
    try (var in = over(new ByteArrayInputStream(new byte[100]), 100)) {
      assertThat(in.readAllBytes()).hasSize(100);
    }
    assertThat(aborted).isFalse();
  }
}
