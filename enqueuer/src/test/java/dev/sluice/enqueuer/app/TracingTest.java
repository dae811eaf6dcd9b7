package dev.sluice.enqueuer.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.enqueuer.MemoryWorld;
import dev.sluice.enqueuer.port.RequestTrace;
import dev.sluice.queue.adapter.memory.StoredMessage;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trace context a worker receives is the publish span's, a child of the request's span. */
class TracingTest {
  final MemoryWorld world = new MemoryWorld();

  @Test
  void eachJobIsPublishedUnderItsOwnProducerSpanWhoseContextRidesOnTheMessage() {
    ObjectRef source = world.upload("clip.mp4", "frames");
    String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    RequestTrace trace = world.telemetry.beginHttp("POST", "/v1/jobs", Optional.of(parent),
        Optional.of("vendor=x"));
    world.service().admit(world.request("clip-1", source, "h264-720p", "thumb-jpeg"), trace);
    trace.end(202);

    assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    SpanData server = world.spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
    assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    List<SpanData> producers = world.spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.PRODUCER).toList();
    List<StoredMessage> messages = world.messages(world.normal);
    assertThat(producers).hasSize(2);
    for (int i = 0; i < 2; i++) {
      SpanData producer = producers.get(i);
      assertThat(producer.getName()).isEqualTo("publish jobs-normal");
      assertThat(producer.getParentSpanId()).isEqualTo(server.getSpanId());
      assertThat(producer.getAttributes().asMap().toString())
          .contains("messaging.system=aws_sqs", "messaging.destination.name=jobs-normal",
              "messaging.operation.type=publish", "sluice.job.id=");
      assertThat(messages.get(i).attributes()).containsEntry("traceparent",
          "00-" + producer.getTraceId() + "-" + producer.getSpanId() + "-01");
      assertThat(messages.get(i).attributes()).containsEntry("tracestate", "vendor=x");
    }
  }

  @Test
  void aMalformedTraceparentStartsAFreshTrace() {
    RequestTrace trace = world.telemetry.beginHttp("POST", "/v1/jobs", Optional.of("not-a-traceparent"),
        Optional.empty());
    trace.end(400);
    assertThat(trace.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    assertThat(world.spans.getFinishedSpanItems().getFirst().getParentSpanId()).isEqualTo("0".repeat(16));
  }
}
