package dev.sluice.enqueuer.adapter.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.enqueuer.app.EnqueueService;
import dev.sluice.enqueuer.domain.Admission;
import dev.sluice.enqueuer.domain.JobRequest;
import dev.sluice.enqueuer.domain.JobRequestRules;
import dev.sluice.enqueuer.domain.Refusal;
import dev.sluice.enqueuer.domain.RequestProblem;
import dev.sluice.enqueuer.port.RequestTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/jobs} and {@code POST /v1/jobs:batch}: shape, field rules, per-tenant rate
 * limit, then admission. A batch answers 200 with one result per entry, in order, each with the
 * status that entry would have had on its own; only a body that is not a batch at all, or a
 * tenant over its rate, refuses the whole call.
 */
public final class JobsEndpoint {
  private final EnqueueService service;
  private final JobRequestRules rules;
  private final TenantRateLimiter limiter;
  private final RequestReader reader = new RequestReader();
  private final BatchReader batchReader = new BatchReader(reader);
  private final ApiJson json = new ApiJson();

  public JobsEndpoint(EnqueueService service, JobRequestRules rules, TenantRateLimiter limiter) {
    this.service = service;
    this.rules = rules;
    this.limiter = limiter;
  }

  /** {@code POST /v1/jobs} on an authenticated body. */
  public ApiResponse single(byte[] body, RequestTrace trace) {
    JobRequest request;
    try {
      switch (rules.check(reader.job(reader.tree(body)))) {
        case JobRequestRules.Checked.Invalid invalid -> {
          return json.invalid(trace.traceId(), invalid.problem());
        }
        case JobRequestRules.Checked.Valid valid -> request = valid.request();
      }
    } catch (RequestReader.Malformed e) {
      return json.invalid(trace.traceId(), e.problem);
    }
    Optional<ApiResponse> limited = rateLimited(Set.of(request.rateKey()), trace);
    return limited.orElseGet(() -> json.admission(trace.traceId(), service.admit(request, trace)));
  }

  /** {@code POST /v1/jobs:batch} on an authenticated body. */
  public ApiResponse batch(byte[] body, RequestTrace trace) {
    List<BatchReader.Entry> entries;
    try {
      entries = batchReader.entries(body);
    } catch (RequestReader.Malformed e) {
      return json.invalid(trace.traceId(), e.problem);
    }
    List<Object> checked = new ArrayList<>(entries.size());
    List<JobRequest> valid = new ArrayList<>();
    Set<String> tenants = new LinkedHashSet<>();
    for (BatchReader.Entry entry : entries) {
      Object result = entry.problem() != null ? entry.problem() : switch (rules.check(entry.request())) {
        case JobRequestRules.Checked.Invalid invalid -> invalid.problem();
        case JobRequestRules.Checked.Valid ok -> ok.request();
      };
      checked.add(result);
      if (result instanceof JobRequest request) {
        valid.add(request);
        tenants.add(request.rateKey());
      }
    }
    Optional<ApiResponse> limited = rateLimited(tenants, trace);
    if (limited.isPresent()) {
      return limited.get();
    }
    List<Admission> admitted = valid.isEmpty() ? List.of() : service.admitAll(valid, trace);
    return ApiResponse.of(200, results(trace.traceId(), checked, admitted.iterator()));
  }

  private ObjectNode results(String traceId, List<Object> checked, Iterator<Admission> admitted) {
    ObjectNode body = json.object().put("traceId", traceId);
    ArrayNode results = json.object().arrayNode();
    int accepted = 0;
    for (int i = 0; i < checked.size(); i++) {
      ObjectNode entry = results.addObject().put("index", i).put("status", 0);
      int status = checked.get(i) instanceof RequestProblem problem
          ? json.fill(entry, new Admission.Refused(new Refusal.Invalid(problem)))
          : json.fill(entry, admitted.next());
      entry.put("status", status);
      accepted += status < 300 ? 1 : 0;
    }
    body.put("accepted", accepted).put("refused", checked.size() - accepted);
    body.set("results", results);
    return body;
  }

  private Optional<ApiResponse> rateLimited(Set<String> tenants, RequestTrace trace) {
    for (String tenant : tenants) {
      Optional<Duration> wait = limiter.acquire(tenant);
      if (wait.isPresent()) {
        String who = tenant.equals("-") ? "Requests without a tenant are" : "Tenant '" + tenant + "' is";
        return Optional.of(json.error(429, trace.traceId(), "rate_limited", who + " over the limit of "
            + limiter.perSecond() + " requests per second (SLUICE_RATE_LIMIT_PER_TENANT); retry"
            + " after the time in Retry-After.").retryAfter(wait.get()));
      }
    }
    return Optional.empty();
  }
}
