package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.contract.preset.Preset;
import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Animation;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.AudioOnly;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Hls;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Ladder;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Nvenc;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Thumbnail;
import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.Exited;
import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.NotStarted;
import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.Stop;
import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.Stopped;
import dev.sluice.worker.port.Transcoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's transcoder: runs the bundled {@code ffmpeg} as a child process for one preset,
 * inside the job's work dir, under a time limit, an output size cap and the caller's
 * cancellation, then verifies the output before answering {@link Transcoded}. Every way it can
 * end is a value: the failure kind says whether another try could help.
 */
public final class FfmpegTranscoder implements Transcoder {
  private static final Logger log = LoggerFactory.getLogger(FfmpegTranscoder.class);
  /** Output names are made from the stem: no separators, no colon, no leading dot or dash. */
  private static final Pattern STEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private final FfmpegBinaries binaries;
  private final TranscoderSettings settings;
  private final FfmpegArguments arguments;
  private final OutputVerifier verifier;

  /**
   * Loads libavformat into the JVM (about half a second) to verify outputs in process; sources
   * are only ever read by {@code probe}, in a child process.
   */
  public FfmpegTranscoder(FfmpegBinaries binaries, FfprobeMediaProbe probe,
      TranscoderSettings settings) {
    this(binaries, settings, new OutputVerifier(new LibavformatProbe(), probe::inspect));
  }

  FfmpegTranscoder(FfmpegBinaries binaries, TranscoderSettings settings, OutputVerifier verifier) {
    this.binaries = binaries;
    this.settings = settings;
    this.arguments = new FfmpegArguments(settings.threads());
    this.verifier = verifier;
  }

  /**
   * The boot check for a catalogue: every preset this worker's class may run has settings this
   * adapter understands.
   *
   * @throws IllegalArgumentException naming the first preset and setting that is not
   */
  public static void requireRunnable(Collection<Preset> presets, ResourceClass workerClass) {
    presets.stream().filter(p -> p.resourceClass() == workerClass).forEach(PresetSpecReader::read);
  }

  @Override
  public Outcome transcode(Request request, ProgressListener progress, Cancellation cancel) {
    RenderPlan plan;
    switch (plan(request)) {
      case Refused r -> {
        return r.failure();
      }
      case Planned p -> plan = p.plan();
    }
    if (cancel.cancelled()) {
      return new Failed(FailureKind.CANCELLED, "cancelled before ffmpeg started");
    }
    Outcome outcome = run(request, plan, progress, cancel);
    if (outcome instanceof Failed) {
      OutputFiles.delete(plan);
    }
    return outcome;
  }

  private Outcome run(Request request, RenderPlan plan, ProgressListener progress,
      Cancellation cancel) {
    ProcessBuilder command;
    try {
      command = builder(request, plan);
    } catch (UncheckedIOException e) {
      return new Failed(FailureKind.TRANSIENT, e.getMessage() + ": " + e.getCause());
    }
    progress.progress(0);
    var run = new RunWatch(plan, settings.maxOutputBytes(), progress, cancel);
    var end = SupervisedProcess.run(command, settings.timeLimit(plan.work()), run::watch,
        run::line);
    return switch (end) {
      case Stopped s -> stopped(s.stop(), s, plan);
      case NotStarted n -> new Failed(FailureKind.TRANSIENT, n.reason());
      case Exited e when e.code() != 0 -> FailureTriage.exit(e.code(), e.stderr());
      case Exited e -> finished(request, plan, e, progress);
    };
  }

  /**
   * The exact command {@link #transcode} would run for {@code request} (its arguments, library
   * path and working directory), for benchmarks and support.
   *
   * @throws IllegalArgumentException if the request cannot be planned, with the reason
   */
  public ProcessBuilder command(Request request) {
    return switch (plan(request)) {
      case Planned p -> builder(request, p.plan());
      case Refused r -> throw new IllegalArgumentException(r.failure().reason());
    };
  }

  private sealed interface PlanResult permits Planned, Refused {}

  private record Planned(RenderPlan plan) implements PlanResult {}

  private record Refused(Failed failure) implements PlanResult {}

  private PlanResult plan(Request request) {
    if (!STEM.matcher(request.outputStem()).matches()) {
      throw new IllegalArgumentException("output stem '" + request.outputStem()
          + "' is not a safe file name");
    }
    Preset preset = request.preset();
    PresetSpec spec;
    try {
      spec = PresetSpecReader.read(preset);
    } catch (IllegalArgumentException e) {
      return new Refused(new Failed(FailureKind.TRANSIENT,
          "this worker cannot run the preset: " + e.getMessage()));
    }
    if (usesGpu(spec) && settings.resourceClass() != ResourceClass.GPU) {
      return new Refused(new Failed(FailureKind.TRANSIENT, "preset '" + preset.name()
          + "' encodes with h264_nvenc and needs a gpu worker; this worker's resource class is "
          + settings.resourceClass().name().toLowerCase(Locale.ROOT)));
    }
    if (!(spec instanceof AudioOnly) && FfmpegArguments.picture(request.inputFacts()).isEmpty()) {
      return new Refused(new Failed(FailureKind.INVALID_INPUT, "the source has no video stream,"
          + " and preset '" + preset.name() + "' makes a picture"));
    }
    return new Planned(arguments.plan(spec, request.input(), request.inputFacts(),
        request.workDir(), request.outputStem(), preset.extension()));
  }

  private static boolean usesGpu(PresetSpec spec) {
    return switch (spec) {
      case Ladder l -> l.video() instanceof Nvenc;
      case Hls h -> h.video() instanceof Nvenc;
      case AudioOnly a -> false;
      case Thumbnail t -> false;
      case Animation a -> false;
    };
  }

  private ProcessBuilder builder(Request request, RenderPlan plan) {
    try {
      Files.createDirectories(request.workDir());
      if (plan.segmentDir().isPresent()) {
        Files.createDirectories(plan.segmentDir().get());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare work dir " + request.workDir(), e);
    }
    log.debug("ffmpeg {}", plan.arguments());
    // Run in the work dir: outputs are named relative to it, and any stray file lands there too.
    return binaries.ffmpeg(plan.arguments()).directory(request.workDir().toFile());
  }

  private Outcome stopped(Stop stop, Stopped s, RenderPlan plan) {
    String tail = s.stderr().isEmpty() ? "" : "; ffmpeg: " + FailureTriage.tail(s.stderr());
    return switch (stop.why()) {
      case TIMEOUT -> new Failed(FailureKind.TIMEOUT, "ffmpeg ran past its limit of "
          + settings.timeLimit(plan.work()).toMillis() + " ms and was killed" + tail);
      case CANCELLED -> new Failed(FailureKind.CANCELLED, "ffmpeg was stopped: " + stop.detail());
      case OVERRUN -> new Failed(FailureKind.BAD_OUTPUT, stop.detail());
    };
  }

  private Outcome finished(Request request, RenderPlan plan, Exited e, ProgressListener progress) {
    long bytes = OutputFiles.bytes(plan);
    if (bytes > settings.maxOutputBytes()) {
      return new Failed(FailureKind.BAD_OUTPUT, "the output is " + bytes
          + " bytes, over the cap of " + settings.maxOutputBytes());
    }
    Optional<String> difference;
    try (var phase = progress.begin("verify-output")) {
      difference = verifier.difference(plan, request.input());
    }
    if (difference.isPresent()) {
      return FailureTriage.badOutput(difference.get(), e.stderr());
    }
    try {
      var files = OutputFiles.of(plan);
      progress.progress(100);
      return new Transcoded(files);
    } catch (IOException io) {
      return new Failed(FailureKind.TRANSIENT, "the output cannot be listed: " + io.getMessage());
    }
  }
}
