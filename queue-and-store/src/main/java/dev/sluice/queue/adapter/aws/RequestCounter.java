package dev.sluice.queue.adapter.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the SDK requests each client sends, by service and operation ("SQS.ReceiveMessage"): the
 * cost model of a job in requests, measured rather than estimated. Retries count as requests.
 */
public final class RequestCounter implements ExecutionInterceptor {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    counts.computeIfAbsent(service + "." + operation, k -> new AtomicLong()).incrementAndGet();
  }

  /** A sorted snapshot of the counts so far. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** The sum of counts whose key starts with {@code servicePrefix} (e.g. "SQS."). */
  public long total(String servicePrefix) {
    return snapshot().entrySet().stream()
        .filter(e -> e.getKey().startsWith(servicePrefix))
        .mapToLong(Map.Entry::getValue).sum();
  }

  public long count(String key) {
    AtomicLong n = counts.get(key);
    return n == null ? 0 : n.get();
  }

  public void reset() {
    counts.clear();
  }
}
