package dev.sluice.enqueuer.wiring;

import dev.sluice.enqueuer.adapter.http.ApiResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Posts to the API and, when it answers 429 or 503 with a Retry-After, waits that long and tries
 * again, a few times. Resending is safe: dedup answers for the jobs an earlier attempt enqueued.
 */
final class PatientPost {
  static final int ATTEMPTS = 4;
  static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private final ApiTransport transport;
  private final PrintWriter err;

  PatientPost(ApiTransport transport, PrintWriter err) {
    this.transport = transport;
    this.err = err;
  }

  ApiResponse post(String route, byte[] body) throws IOException, InterruptedException {
    ApiResponse response = transport.post(route, body);
    for (int attempt = 1; attempt < ATTEMPTS && retryable(response); attempt++) {
      Duration wait = response.retryAfterHeader().orElse(Duration.ofSeconds(1));
      if (wait.compareTo(LONGEST_WAIT) > 0) {
        break;
      }
      err.println("HTTP " + response.status() + " " + response.body().path("error").asText()
          + ": trying again in " + wait.toSeconds() + " s");
      err.flush();
      Thread.sleep(wait);
      response = transport.post(route, body);
    }
    return response;
  }

  private static boolean retryable(ApiResponse response) {
    return (response.status() == 429 || response.status() == 503)
        && response.retryAfterHeader().isPresent();
  }
}
