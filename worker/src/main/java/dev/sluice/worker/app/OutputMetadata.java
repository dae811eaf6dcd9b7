package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The user metadata every published object carries, so any output can be traced back to its
 * source digest, recipe, job, the rules that admitted it and the trace that made it.
 */
public final class OutputMetadata {
  public static final String SOURCE_SHA256 = "sluice-source-sha256";
  public static final String RECIPE_DIGEST = "sluice-recipe-digest";
  public static final String JOB_ID = "sluice-job-id";
  public static final String POLICY_REVISION = "sluice-policy-revision";
  public static final String TRACE_ID = "sluice-trace-id";

  private OutputMetadata() {}

  public static Map<String, String> of(Job job, String policyRevision, Optional<String> traceId) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(SOURCE_SHA256, job.source().sha256().hex());
    meta.put(RECIPE_DIGEST, job.recipeDigest().hex());
    meta.put(JOB_ID, job.jobId().toString());
    meta.put(POLICY_REVISION, policyRevision);
    traceId.ifPresent(t -> meta.put(TRACE_ID, t));
    return meta;
  }
}
