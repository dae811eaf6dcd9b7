package dev.sluice.enqueuer.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.enqueuer.adapter.http.ApiResponse;
import java.io.PrintWriter;

/**
 * Prints API answers for people and scripts alike: one {@code job <id> <variant> <outputUri>}
 * line per job (with {@code deduplicated} when an earlier job answers for it), then
 * {@code trace <id>}; a refusal goes to stderr with its status, kind and reason.
 */
final class AnswerPrinter {
  private final PrintWriter out;
  private final PrintWriter err;

  AnswerPrinter(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Prints the answer to one request; answers the exit code (0 admitted, 1 refused). */
  int single(ApiResponse response) {
    JsonNode body = response.body();
    boolean admitted = response.status() == 200 || response.status() == 202;
    if (admitted) {
      body.path("jobs").forEach(this::job);
    } else {
      err.println("refused: " + describe(response.status(), body));
      body.path("jobs").forEach(this::job);
    }
    if (body.hasNonNull("traceId")) {
      out.println("trace " + body.get("traceId").asText());
    }
    out.flush();
    err.flush();
    return admitted ? 0 : 1;
  }

  void job(JsonNode job) {
    out.println("job " + job.path("jobId").asText() + " " + job.path("variant").asText() + " "
        + job.path("outputUri").asText() + (job.path("deduplicated").asBoolean() ? " deduplicated" : ""));
  }

  /** {@code HTTP 403 denied SOURCE_NOT_ALLOWED: <reason>} and the like. */
  static String describe(int status, JsonNode body) {
    StringBuilder s = new StringBuilder("HTTP ").append(status).append(' ')
        .append(body.path("error").asText("error"));
    if (body.hasNonNull("cause")) {
      s.append(' ').append(body.get("cause").asText());
    }
    if (body.hasNonNull("field")) {
      s.append(' ').append(body.get("field").asText()).append(" (").append(body.path("rule").asText())
          .append(')');
    }
    String why = body.hasNonNull("reason") ? body.get("reason").asText() : body.path("message").asText("");
    return s.append(": ").append(why).toString();
  }
}
