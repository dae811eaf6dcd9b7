package dev.sluice.enqueuer.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.enqueuer.domain.Admission;
import dev.sluice.enqueuer.domain.AdmittedJob;
import dev.sluice.enqueuer.domain.Refusal;
import dev.sluice.enqueuer.domain.RequestProblem;
import java.util.List;

/**
 * The API's answer bodies, and the one place a {@link Refusal} becomes an HTTP status: 400
 * invalid, 403 denied, 404 source missing, 422 unprocessable source, 503 unavailable (with
 * Retry-After), 502 when AWS refused the enqueuer itself. Every body names its {@code traceId}.
 */
final class ApiJson {
  private final ObjectMapper mapper = new ObjectMapper();

  ObjectNode object() {
    return mapper.createObjectNode();
  }

  byte[] bytes(ObjectNode body) {
    return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The answer to one request. */
  ApiResponse admission(String traceId, Admission admission) {
    ObjectNode body = object().put("traceId", traceId);
    int status = fill(body, admission);
    ApiResponse response = ApiResponse.of(status, body);
    return admission instanceof Admission.Refused r && r.refusal() instanceof Refusal.Unavailable u
        ? response.retryAfter(u.retryAfter()) : response;
  }

  /** Fills {@code body} with the fields of {@code admission}; answers its status. */
  int fill(ObjectNode body, Admission admission) {
    return switch (admission) {
      case Admission.Accepted accepted -> {
        jobs(body, accepted.jobs());
        yield accepted.allDeduplicated() ? 200 : 202;
      }
      case Admission.Refused refused -> refusal(body, refused.refusal());
    };
  }

  ApiResponse invalid(String traceId, RequestProblem problem) {
    ObjectNode body = object().put("traceId", traceId);
    return ApiResponse.of(refusal(body, new Refusal.Invalid(problem)), body);
  }

  ApiResponse error(int status, String traceId, String error, String message) {
    return ApiResponse.of(status, object().put("traceId", traceId).put("error", error)
        .put("message", message));
  }

  private int refusal(ObjectNode body, Refusal refusal) {
    return switch (refusal) {
      case Refusal.Invalid invalid -> {
        RequestProblem p = invalid.problem();
        problem(body.put("error", "invalid_request"), p.field(), p.rule(), p.message());
        yield 400;
      }
      case Refusal.Denied denied -> {
        body.put("error", "denied").put("cause", denied.cause().name())
            .put("reason", denied.reason()).put("policyRevision", denied.policyRevision());
        yield 403;
      }
      case Refusal.SourceMissing missing -> message(body, "source_not_found", missing.reason(), 404);
      case Refusal.Unprocessable bad -> {
        problem(body.put("error", "unprocessable_source"), bad.field(), bad.rule(), bad.reason());
        yield 422;
      }
      case Refusal.Unavailable unavailable -> {
        jobs(body.put("error", "unavailable").put("message", unavailable.reason())
            .put("retryAfterSeconds", Math.max(1, unavailable.retryAfter().toSeconds())),
            unavailable.enqueued());
        yield 503;
      }
      case Refusal.Upstream upstream -> message(body, "upstream_error", upstream.reason(), 502);
    };
  }

  private static int message(ObjectNode body, String error, String message, int status) {
    body.put("error", error).put("message", message);
    return status;
  }

  private static void problem(ObjectNode body, String field, String rule, String message) {
    body.put("field", field).put("rule", rule).put("message", message);
  }

  private static void jobs(ObjectNode body, List<AdmittedJob> jobs) {
    ArrayNode array = body.putArray("jobs");
    for (AdmittedJob job : jobs) {
      array.addObject().put("jobId", job.jobId().toString()).put("variant", job.variant())
          .put("outputUri", job.output().toUri()).put("deduplicated", job.deduplicated());
    }
  }
}
