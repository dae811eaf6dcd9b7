package dev.sluice.queue.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.queue.port.Artifact;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.Result;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** With nothing listening on the endpoint, every call comes back as a transient fault value. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3UnreachableTest {
  private static final ObjectRef KEY = new ObjectRef("nowhere", "outputs/x");

  @TempDir Path temp;
  private S3Client s3;

  @BeforeAll
  void pointAtAClosedPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    s3 = AwsClients.local(URI.create("http://127.0.0.1:" + port)).s3();
  }

  @AfterAll
  void close() {
    s3.close();
  }

  @Test
  void sourceStoreReturnsFaults() {
    var store = new S3SourceStore(s3);
    assertTransient(store.head(KEY));
    assertTransient(store.open(KEY));
  }

  @Test
  void publisherReturnsFaultsOnEveryPath() throws IOException {
    var publisher = new S3Publisher(s3, 5L << 20, 5L << 20);
    Path small = Files.writeString(temp.resolve("small"), "x");
    Path large = temp.resolve("large");
    try (var file = new RandomAccessFile(large.toFile(), "rw")) {
      file.setLength(6L << 20);
    }

    assertTransient(publisher.probe(KEY));
    assertTransient(publisher.publish(new Artifact(KEY, small, "text/plain", Map.of())));
    assertTransient(publisher.publish(new Artifact(KEY, large, "video/mp4", Map.of())));
    assertTransient(publisher.checkBucket("nowhere"));
  }

  private static void assertTransient(Result<?> result) {
    assertThat(result).isInstanceOfSatisfying(Result.Err.class,
        err -> assertThat(err.fault().kind()).isIn(FaultKind.UNREACHABLE, FaultKind.TIMEOUT));
  }
}
