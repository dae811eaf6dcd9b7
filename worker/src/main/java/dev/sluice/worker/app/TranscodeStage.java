package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.preset.Preset;
import dev.sluice.policy.domain.MediaFacts;
import dev.sluice.worker.domain.JobOutcome.Cause;
import dev.sluice.worker.domain.JobOutcome.Dropped;
import dev.sluice.worker.domain.JobOutcome.Retried;
import dev.sluice.worker.domain.Step;
import dev.sluice.worker.port.MediaProbe;
import dev.sluice.worker.port.Transcoder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Stage 4: probes the verified source, holds its media facts against the policy's media limits,
 * then runs the transcoder. Failures are sorted by whether another try could help: invalid input
 * and bad output are dropped; crashes and timeouts are retried; cancellation means the lease was
 * lost or the worker is stopping.
 */
public final class TranscodeStage {

  /** What the stage produced: the output files and the source's media facts. */
  public record Rendered(Transcoder.Transcoded output, MediaFacts sourceFacts) {}

  private final MediaProbe probe;
  private final Transcoder transcoder;
  private final JobPolicy policy;

  public TranscodeStage(MediaProbe probe, Transcoder transcoder, JobPolicy policy) {
    this.probe = probe;
    this.transcoder = transcoder;
    this.policy = policy;
  }

  /** Probes the source and applies the media limits; answers the facts. */
  public Step<MediaFacts> probeMedia(Job job, Path source) {
    return switch (probe.probe(source)) {
      case MediaProbe.Unreadable u -> Step.done(new Dropped(Cause.UNREADABLE_MEDIA,
          "source " + job.source().uri() + " is not readable media: " + u.reason()));
      case MediaProbe.Probed p -> switch (policy.check(job, job.source().size(), Optional.of(p.facts()))) {
        case Step.Next<String> admitted -> Step.next(p.facts());
        case Step.Done<String> refused -> Step.done(refused.outcome());
      };
    };
  }

  public Step<Rendered> transcode(Job job, Preset preset, Path source, MediaFacts facts,
      JobWorkspace workspace, Transcoder.ProgressListener progress, Transcoder.Cancellation cancel) {
    String main = dev.sluice.contract.domain.OutputKeys.of(job, preset.extension()).key();
    String stem = main.substring(main.lastIndexOf('/') + 1, main.lastIndexOf('.'));
    var request = new Transcoder.Request(source, facts, preset, workspace.dir(), stem);
    return switch (transcoder.transcode(request, progress, cancel)) {
      case Transcoder.Transcoded t when t.files().isEmpty() -> Step.done(new Dropped(Cause.BAD_OUTPUT,
          "transcoder produced no output for preset " + preset.name()));
      case Transcoder.Transcoded t -> Step.next(new Rendered(t, facts));
      case Transcoder.Failed f -> Step.done(failure(preset, f));
    };
  }

  private static dev.sluice.worker.domain.JobOutcome failure(Preset preset, Transcoder.Failed f) {
    String reason = "transcode to " + preset.name() + " failed: " + f.reason();
    return switch (f.kind()) {
      case INVALID_INPUT -> new Dropped(Cause.INVALID_MEDIA, reason);
      case BAD_OUTPUT -> new Dropped(Cause.BAD_OUTPUT, reason);
      case TRANSIENT, TIMEOUT -> new Retried(Cause.TRANSCODE_FAILED, reason);
      case CANCELLED -> new Retried(Cause.LEASE_LOST, reason);
    };
  }
}
