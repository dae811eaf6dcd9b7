package dev.sluice.enqueuer.domain;

import dev.sluice.contract.domain.ObjectRef;
import java.util.Objects;
import java.util.UUID;

/**
 * One variant of an admitted request, as the client is told about it: the job that will produce
 * it, where the output will appear, and whether that job was enqueued by an earlier request
 * ({@code deduplicated}) rather than by this one.
 */
public record AdmittedJob(UUID jobId, String variant, ObjectRef output, boolean deduplicated) {
  public AdmittedJob {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(output, "output");
  }
}
