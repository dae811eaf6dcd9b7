package dev.sluice.worker.adapter.otel;

import dev.sluice.queue.adapter.aws.SqsJobQueue;
import dev.sluice.queue.adapter.aws.SqsQueueDepth;
import dev.sluice.queue.adapter.aws.SqsQueueFacts;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.Result;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes {@code sluice.queue.messages} (visible and in flight) for each work queue and its DLQ,
 * read with GetQueueAttributes at most once per {@code every}, so frequent scrapes do not turn
 * into SQS requests.
 */
public final class QueueDepthSampler {
  static final AttributeKey<String> QUEUE = AttributeKey.stringKey("queue");
  static final AttributeKey<String> STATE = AttributeKey.stringKey("state");
  public static final String NAME = "sluice.queue.messages";

  private record Sample(long at, SqsQueueDepth depth) {}

  private final SqsJobQueue sqs;
  private final Duration every;
  private final Map<QueueRef, Sample> cache = new ConcurrentHashMap<>();

  public QueueDepthSampler(SqsJobQueue sqs, Duration every) {
    this.sqs = sqs;
    this.every = every;
  }

  public void bind(Meter meter) {
    List<QueueRef> queues = new ArrayList<>();
    for (SqsQueueFacts facts : sqs.facts().values()) {
      queues.add(facts.queue());
      queues.add(facts.deadLetterQueue());
    }
    meter.gaugeBuilder(NAME).ofLongs()
        .setDescription("Approximate messages per queue: visible, and in flight (received, not deleted)")
        .buildWithCallback(m -> queues.forEach(q -> {
          SqsQueueDepth d = sample(q);
          if (d != null) {
            m.record(d.visible(), Attributes.of(QUEUE, q.label(), STATE, "visible"));
            m.record(d.inFlight(), Attributes.of(QUEUE, q.label(), STATE, "in_flight"));
          }
        }));
  }

  private SqsQueueDepth sample(QueueRef q) {
    long now = System.nanoTime();
    Sample s = cache.get(q);
    if (s == null || now - s.at() > every.toNanos()) {
      if (sqs.depth(q) instanceof Result.Ok<SqsQueueDepth> ok) {
        s = new Sample(now, ok.value());
        cache.put(q, s);
      }
    }
    return s == null ? null : s.depth();
  }
}
