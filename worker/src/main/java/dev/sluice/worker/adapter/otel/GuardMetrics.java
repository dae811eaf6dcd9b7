package dev.sluice.worker.adapter.otel;

import dev.sluice.queue.adapter.resilient.DependencyGuard;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;

/**
 * Subscribes to the Resilience4j guards' events, so the guards themselves stay free of telemetry:
 * retries per dependency, and each breaker's state as a gauge (0 closed, 1 open, 2 half-open).
 */
public final class GuardMetrics {
  static final AttributeKey<String> DEPENDENCY = AttributeKey.stringKey("dependency");
  public static final List<String> NAMES = List.of("sluice.retries", "sluice.breaker.state");

  private GuardMetrics() {}

  public static void bind(Meter meter, List<DependencyGuard> guards) {
    LongCounter retries = meter.counterBuilder("sluice.retries")
        .setDescription("AWS calls retried inside the call, by dependency").build();
    for (DependencyGuard guard : guards) {
      Attributes attrs = Attributes.of(DEPENDENCY, guard.name());
      guard.retry().getEventPublisher().onRetry(e -> retries.add(1, attrs));
    }
    meter.gaugeBuilder("sluice.breaker.state").ofLongs()
        .setDescription("Circuit breaker state by dependency: 0 closed, 1 open, 2 half-open")
        .buildWithCallback(m -> guards.forEach(g -> m.record(code(g), Attributes.of(DEPENDENCY, g.name()))));
  }

  private static long code(DependencyGuard guard) {
    return switch (guard.breaker().getState()) {
      case CLOSED, DISABLED, METRICS_ONLY -> 0;
      case OPEN, FORCED_OPEN -> 1;
      case HALF_OPEN -> 2;
    };
  }
}
