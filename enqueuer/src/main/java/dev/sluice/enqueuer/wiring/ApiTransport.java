package dev.sluice.enqueuer.wiring;

import dev.sluice.enqueuer.adapter.http.ApiResponse;
import java.io.IOException;

/**
 * How {@code sluice enqueue} reaches the API: over HTTP to a running enqueuer, or in-process
 * ({@code --direct}) through the same endpoint code, so both print from the same answers.
 */
interface ApiTransport extends AutoCloseable {
  String SINGLE = "/v1/jobs";
  String BATCH = "/v1/jobs:batch";

  ApiResponse post(String route, byte[] body) throws IOException, InterruptedException;

  @Override
  default void close() {}
}
