package dev.sluice.enqueuer.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of the API: status, JSON body, and extra headers (Retry-After, WWW-Authenticate).
 * The command line gets the same value whether it went over HTTP or ran the API in-process.
 */
public record ApiResponse(int status, ObjectNode body, Map<String, String> headers) {
  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse of(int status, ObjectNode body) {
    return new ApiResponse(status, body, Map.of());
  }

  /** The Retry-After header in seconds, when there is one. */
  public java.util.Optional<java.time.Duration> retryAfterHeader() {
    try {
      return java.util.Optional.ofNullable(headers.get("Retry-After"))
          .map(v -> java.time.Duration.ofSeconds(Long.parseLong(v.trim())));
    } catch (NumberFormatException httpDate) {
      return java.util.Optional.empty();
    }
  }

  /** The same answer with {@code Retry-After} in whole seconds, rounded up, at least 1. */
  public ApiResponse retryAfter(Duration wait) {
    long seconds = Math.max(1, wait.plusNanos(999_999_999).toSeconds());
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Retry-After", Long.toString(seconds));
    return new ApiResponse(status, body, all);
  }

  public ApiResponse header(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new ApiResponse(status, body, all);
  }
}
