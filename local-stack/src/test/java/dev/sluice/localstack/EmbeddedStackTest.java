package dev.sluice.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class EmbeddedStackTest {
  @Test
  void servesSqsWithRedriveAndS3OnLoopback(EmbeddedStack stack) {
    assertThat(stack.sqsEndpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(stack.s3Endpoint().getHost()).isEqualTo("127.0.0.1");
    var pair = stack.createQueueWithDlq("stack-smoke", 3, Duration.ofSeconds(5));
    stack.sqs().sendMessage(b -> b.queueUrl(pair.url()).messageBody("hello"));
    var got = stack.sqs().receiveMessage(b -> b.queueUrl(pair.url()).waitTimeSeconds(1)).messages();
    assertThat(got).singleElement().extracting(m -> m.body()).isEqualTo("hello");

    stack.createBucket("stack-smoke");
    stack.s3().putObject(b -> b.bucket("stack-smoke").key("k"),
        software.amazon.awssdk.core.sync.RequestBody.fromString("v"));
    assertThat(stack.s3().getObjectAsBytes(b -> b.bucket("stack-smoke").key("k")).asUtf8String()).isEqualTo("v");
  }
}
