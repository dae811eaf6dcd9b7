package dev.sluice.localstack.s3;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.queue.adapter.aws.AwsClients;
import dev.sluice.queue.adapter.aws.S3Publisher;
import dev.sluice.queue.adapter.aws.S3SourceStore;
import dev.sluice.queue.port.Publisher;
import dev.sluice.queue.port.PublisherContract;
import dev.sluice.queue.port.SourceStore;
import dev.sluice.queue.port.SourceStoreContract;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The same S3 contract suites on LocalStack in a container, a second opinion next to S3Mock.
 * Skipped, with Testcontainers' reason, where no Docker engine is reachable (as on the build
 * machines); runs unchanged wherever one is. One container serves both suites.
 */
@Testcontainers(disabledWithoutDocker = true)
class S3LocalStackTest {
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("s3");

  private static S3Client client() {
    return AwsClients.local(LOCALSTACK.getEndpoint()).s3();
  }

  @Nested
  class SourceStoreOnLocalStack extends SourceStoreContract {
    private final S3Client s3 = client();
    private final S3TestBucket bucket = S3TestBucket.create(s3, "sources");

    @AfterEach
    void closeClient() {
      s3.close();
    }

    @Override
    protected SourceStore store() {
      return new S3SourceStore(s3);
    }

    @Override
    protected String bucket() {
      return bucket.name();
    }

    @Override
    protected void seed(ObjectRef ref, Path file, Map<String, String> metadata, boolean withSha256) {
      bucket.put(ref, file, metadata, withSha256);
    }
  }

  @Nested
  class PublisherOnLocalStack extends PublisherContract {
    private final S3Client s3 = client();
    private final S3TestBucket bucket = S3TestBucket.create(s3, "outputs");

    @AfterEach
    void closeClient() {
      s3.close();
    }

    @Override
    protected Publisher newPublisher(long multipartThreshold, long partSize) {
      return new S3Publisher(s3, multipartThreshold, partSize);
    }

    @Override
    protected String bucket() {
      return bucket.name();
    }

    @Override
    protected InputStream readBack(ObjectRef ref) {
      return bucket.open(ref);
    }
  }
}
