package dev.sluice.enqueuer.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.enqueuer.adapter.otel.OtelEnqueueTelemetry;
import dev.sluice.enqueuer.port.PublishTrace;
import dev.sluice.enqueuer.port.RequestTrace;
import dev.sluice.queue.port.QueueRef;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnqueuerTracingTest {
  @Test
  void withoutAnExporterSpansStillHaveRealIdsAndMessagesATraceparent() {
    try (OpenTelemetrySdk sdk = EnqueuerTracing.sdk()) {
      RequestTrace request = new OtelEnqueueTelemetry(sdk).beginHttp("POST", "/v1/jobs", Optional.empty(),
          Optional.empty());
      PublishTrace publish = request.beginPublish(QueueRef.of("http://q/jobs"), UUID.randomUUID());
      assertThat(request.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
      assertThat(publish.messageAttributes().get("traceparent"))
          .matches("00-" + request.traceId() + "-[0-9a-f]{16}-0[13]");
      publish.end(Optional.empty());
      request.end(202);
    }
  }
}
