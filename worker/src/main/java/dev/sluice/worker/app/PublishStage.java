package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.domain.JobOutcome.Cause;
import dev.sluice.worker.domain.JobOutcome.Retried;
import dev.sluice.worker.domain.JobOutcome.Succeeded;
import dev.sluice.worker.domain.JobOutcome.Success;
import dev.sluice.worker.domain.Step;
import dev.sluice.queue.port.Artifact;
import dev.sluice.queue.port.PublishOutcome;
import dev.sluice.queue.port.Publisher;
import dev.sluice.queue.port.Result;
import dev.sluice.worker.port.Transcoder.OutputFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 5: the last gate and the write. The policy is asked once more (rules may have tightened
 * during a long transcode), the lease is checked (a job whose message another worker may own must
 * not publish), then every file is written conditionally. Extra files (HLS segments) go first and
 * the main file last, so the main key — the one the presence probe looks at — appears only when
 * the whole rendition is there.
 */
public final class PublishStage {
  private final Publisher publisher;
  private final JobPolicy policy;

  public PublishStage(Publisher publisher, JobPolicy policy) {
    this.publisher = publisher;
    this.policy = policy;
  }

  public JobOutcome run(Job job, ObjectRef mainKey, TranscodeStage.Rendered rendered, Lease lease,
      Optional<String> traceId) {
    Step<String> gate = policy.check(job, job.source().size(), Optional.of(rendered.sourceFacts()));
    if (gate instanceof Step.Done<String> refused) {
      return refused.outcome();
    }
    String revision = ((Step.Next<String>) gate).value();
    Map<String, String> metadata = OutputMetadata.of(job, revision, traceId);
    List<OutputFile> files = rendered.output().files();
    PublishOutcome mainOutcome = PublishOutcome.CREATED;
    for (int i = files.size() - 1; i >= 0; i--) {
      if (lease.lost()) {
        return new Retried(Cause.LEASE_LOST, "lease on the message was lost before publishing; "
            + "another worker may own it, so nothing more is written");
      }
      OutputFile file = files.get(i);
      ObjectRef key = i == 0 ? mainKey : siblingKey(mainKey, file.relativeName());
      var written = publisher.publish(new Artifact(key, file.path(), file.contentType(), metadata));
      if (written instanceof Result.Err<PublishOutcome> err) {
        return new Retried(Cause.PUBLISH_FAILED, "writing " + key + " failed: " + err.fault());
      }
      mainOutcome = ((Result.Ok<PublishOutcome>) written).value();
    }
    Success how = mainOutcome == PublishOutcome.CREATED ? Success.PUBLISHED : Success.ALREADY_PRESENT;
    return new Succeeded(how, Optional.of(mainKey));
  }

  /**
   * Where an extra file of a multi-file rendition goes: beside the main key, in a folder named like
   * the main file without its extension ({@code .../abcd-1234.m3u8} → {@code .../abcd-1234/seg0.ts}).
   */
  public static ObjectRef siblingKey(ObjectRef mainKey, String relativeName) {
    String key = mainKey.key();
    int dot = key.lastIndexOf('.');
    String stem = dot > key.lastIndexOf('/') ? key.substring(0, dot) : key;
    return new ObjectRef(mainKey.bucket(), stem + "/" + relativeName);
  }
}
