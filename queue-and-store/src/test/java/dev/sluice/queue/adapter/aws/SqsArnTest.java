package dev.sluice.queue.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqsArnTest {
  @Test
  void splitsAQueueArnIntoItsParts() {
    assertThat(SqsArn.parse("arn:aws:sqs:eu-west-1:123456789012:sluice-cpu-high-dlq")).hasValueSatisfying(a -> {
      assertThat(a.partition()).isEqualTo("aws");
      assertThat(a.region()).isEqualTo("eu-west-1");
      assertThat(a.account()).isEqualTo("123456789012");
      assertThat(a.queueName()).isEqualTo("sluice-cpu-high-dlq");
      assertThat(a).hasToString("arn:aws:sqs:eu-west-1:123456789012:sluice-cpu-high-dlq");
    });
    assertThat(SqsArn.parse("arn:aws-cn:sqs:cn-north-1:123456789012:q.fifo"))
        .hasValueSatisfying(a -> assertThat(a.queueName()).isEqualTo("q.fifo"));
  }

  @Test
  void refusesWhatIsNotAnSqsQueueArn() {
    assertThat(SqsArn.parse(null)).isEmpty();
    assertThat(SqsArn.parse("")).isEmpty();
    assertThat(SqsArn.parse("arn:aws:sns:eu-west-1:123456789012:topic")).isEmpty();
    assertThat(SqsArn.parse("arn:aws:sqs:eu-west-1:123456789012")).isEmpty();
    assertThat(SqsArn.parse("arn:aws:sqs:eu-west-1::name")).isEmpty();
    assertThat(SqsArn.parse("https://sqs.eu-west-1.amazonaws.com/123456789012/q")).isEmpty();
  }
}
