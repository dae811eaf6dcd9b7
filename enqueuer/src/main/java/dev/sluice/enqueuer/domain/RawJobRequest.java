package dev.sluice.enqueuer.domain;

import java.util.List;

/**
 * A job request as it arrived, after only its JSON shape was checked: every member has the right
 * JSON type, but nothing else is known. A {@code null} member was absent. {@link JobRequestRules}
 * turns it into a {@link JobRequest} or the first {@link RequestProblem}.
 */
public record RawJobRequest(
    String assetId,
    String tenant,
    String sourceUri,
    String sourceSha256,
    List<String> variants,
    String targetUri,
    String priority) {

  public RawJobRequest {
    variants = variants == null ? null : List.copyOf(variants);
  }
}
