package dev.sluice.worker.app;

import dev.sluice.contract.domain.DecodeResult;
import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.contract.json.JobCodec;
import dev.sluice.contract.preset.Preset;
import dev.sluice.policy.domain.MediaFacts;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.domain.JobOutcome.Cause;
import dev.sluice.worker.domain.JobOutcome.Dropped;
import dev.sluice.worker.domain.JobOutcome.Retried;
import dev.sluice.worker.domain.Step;
import dev.sluice.worker.port.JobTelemetry;
import dev.sluice.worker.port.JobTelemetry.JobTrace;
import dev.sluice.worker.port.JobTelemetry.Stage;
import dev.sluice.worker.port.Transcoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs one delivery through the stages in their fixed order — decode, resolve preset, probe,
 * re-evaluate, fetch+verify, probe media, transcode, publish — and stops at the first stage that
 * returns an outcome. It never touches the queue and never throws: a bug in a stage becomes
 * {@code Retried(INTERNAL)} so the loop keeps consuming.
 */
public final class JobPipeline {
  private final JobCodec codec;
  private final PresetResolver presets;
  private final ProbeStage probe;
  private final ReevaluateStage reevaluate;
  private final FetchVerifyStage fetch;
  private final TranscodeStage transcode;
  private final PublishStage publish;
  private final Path workRoot;

  public JobPipeline(JobCodec codec, PresetResolver presets, ProbeStage probe,
      ReevaluateStage reevaluate, FetchVerifyStage fetch, TranscodeStage transcode,
      PublishStage publish, Path workRoot) {
    this.codec = codec;
    this.presets = presets;
    this.probe = probe;
    this.reevaluate = reevaluate;
    this.fetch = fetch;
    this.transcode = transcode;
    this.publish = publish;
    this.workRoot = workRoot;
  }

  /**
   * @param heartbeat called while long stages make progress (keeps leases and acks moving)
   * @param stopping true once the worker must give the job up (shutdown past its grace)
   */
  public JobOutcome process(Delivery delivery, Runnable heartbeat, BooleanSupplier stopping) {
    try {
      return decodeAndRun(delivery, heartbeat, stopping);
    } catch (RuntimeException bug) {
      return new Retried(Cause.INTERNAL, "worker failed unexpectedly: " + bug);
    }
  }

  private JobOutcome decodeAndRun(Delivery d, Runnable heartbeat, BooleanSupplier stopping) {
    byte[] body = d.message().body().getBytes(StandardCharsets.UTF_8);
    Job job;
    switch (codec.decode(body)) {
      case DecodeResult.Rejected r -> {
        return new Dropped(Cause.MALFORMED, "message is not a valid job: " + r);
      }
      case DecodeResult.Decoded decoded -> job = decoded.job();
    }
    d.jobId(job.jobId().toString());
    d.assetId(job.assetId());
    d.trace().describe(job.jobId().toString(), job.assetId(), job.variant(), d.message().receiveCount(),
        job.enqueuedAt());
    Preset preset;
    switch (presets.resolve(job)) {
      case Step.Done<Preset> done -> {
        return done.outcome();
      }
      case Step.Next<Preset> next -> preset = next.value();
    }
    return runStages(d, job, preset, heartbeat, stopping);
  }

  private JobOutcome runStages(Delivery d, Job job, Preset preset, Runnable heartbeat,
      BooleanSupplier stopping) {
    ObjectRef outputKey = OutputKeys.of(job, preset.extension());
    var probed = staged(d.trace(), "probe", () -> probe.run(job, outputKey));
    if (probed instanceof Step.Done<Void> done) {
      return done.outcome();
    }
    var admitted = staged(d.trace(), "policy", () -> reevaluate.run(job, preset));
    if (admitted instanceof Step.Done<ReevaluateStage.Admitted> done) {
      return done.outcome();
    }
    d.policyRevision(((Step.Next<ReevaluateStage.Admitted>) admitted).value().policyRevision());
    try (JobWorkspace workspace = JobWorkspace.create(workRoot, job.jobId().toString())) {
      return inWorkspace(d, job, preset, outputKey, workspace, heartbeat, stopping);
    } catch (IOException e) {
      return new Retried(Cause.INTERNAL, "could not create a work dir under " + workRoot + ": " + e);
    }
  }

  private JobOutcome inWorkspace(Delivery d, Job job, Preset preset, ObjectRef outputKey,
      JobWorkspace workspace, Runnable heartbeat, BooleanSupplier stopping) {
    var fetched = staged(d.trace(), "fetch", () -> fetch.fetch(job, workspace, heartbeat));
    if (fetched instanceof Step.Done<FetchVerifyStage.Fetched> done) {
      return done.outcome();
    }
    var copy = ((Step.Next<FetchVerifyStage.Fetched>) fetched).value();
    d.trace().bytes(JobTelemetry.Direction.FETCHED, copy.bytes());
    var verified = staged(d.trace(), "verify", () -> fetch.verify(job, copy));
    if (verified instanceof Step.Done<Path> done) {
      return done.outcome();
    }
    Path source = ((Step.Next<Path>) verified).value();
    var facts = staged(d.trace(), "probe-media", () -> transcode.probeMedia(job, source));
    if (facts instanceof Step.Done<MediaFacts> done) {
      return done.outcome();
    }
    MediaFacts mediaFacts = ((Step.Next<MediaFacts>) facts).value();
    long transcodeStart = System.nanoTime();
    Transcoder.ProgressListener progress = new Transcoder.ProgressListener() {
      @Override
      public void progress(int percent) {
        d.trace().progress(percent);
        heartbeat.run();
      }

      @Override
      public Transcoder.Phase begin(String phase) {
        return d.trace().stage(phase)::close;
      }
    };
    var rendered = staged(d.trace(), "transcode", () -> transcode.transcode(job, preset, source,
        mediaFacts, workspace, progress, () -> d.lease().lost() || stopping.getAsBoolean()));
    if (rendered instanceof Step.Done<TranscodeStage.Rendered> done) {
      return done.outcome();
    }
    var output = ((Step.Next<TranscodeStage.Rendered>) rendered).value();
    mediaFacts.duration().ifPresent(media ->
        d.trace().transcoded(media, java.time.Duration.ofNanos(System.nanoTime() - transcodeStart)));
    JobOutcome published;
    try (Stage s = d.trace().stage("publish")) {
      published = publish.run(job, outputKey, output, d.lease(), d.trace().traceId());
    }
    if (published instanceof JobOutcome.Succeeded) {
      d.trace().bytes(JobTelemetry.Direction.PUBLISHED, output.output().files().stream()
          .mapToLong(f -> f.path().toFile().length()).sum());
    }
    return published;
  }

  private static <T> Step<T> staged(JobTrace trace, String name, Supplier<Step<T>> body) {
    try (Stage s = trace.stage(name)) {
      return body.get();
    }
  }
}
