package dev.sluice.enqueuer.adapter.http;

import java.time.Duration;

/**
 * How the API listens and what it bounds.
 *
 * @param host the address to bind ({@code 0.0.0.0} in a pod, {@code 127.0.0.1} in tests)
 * @param port the port, or 0 for any free one
 * @param maxBodyBytes larger request bodies are refused with 413 before they are parsed
 * @param requestTimeout a request not answered by then gets 503 with Retry-After
 * @param retryAfter what 503 answers tell the client to wait
 */
public record HttpSettings(String host, int port, long maxBodyBytes, Duration requestTimeout,
    Duration retryAfter) {
  public HttpSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
    }
    if (!requestTimeout.isPositive() || !retryAfter.isPositive()) {
      throw new IllegalArgumentException("requestTimeout and retryAfter must be positive");
    }
  }
}
