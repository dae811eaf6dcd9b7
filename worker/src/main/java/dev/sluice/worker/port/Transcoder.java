package dev.sluice.worker.port;

import dev.sluice.contract.preset.Preset;
import dev.sluice.policy.domain.MediaFacts;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a verified source file into the preset's output file(s) inside a per-job work dir.
 * Implementations poll {@code cancel} and stop (killing any child process) when it says so.
 */
public interface Transcoder {

  /**
   * @param input the verified source file
   * @param inputFacts what the media probe found in it
   * @param preset the recipe
   * @param workDir a private directory for outputs, deleted after the job
   * @param outputStem the main output's file name without extension (e.g. {@code 1a2b…-3c4d…}); a
   *     multi-file rendition names its extra files {@code <outputStem>/<relativeName>} in its
   *     manifest, which is where the publisher puts them
   */
  record Request(Path input, MediaFacts inputFacts, Preset preset, Path workDir, String outputStem) {}

  /** Progress in whole percent, 0..100, reported at least every 5 %. */
  @FunctionalInterface
  interface ProgressListener {
    void progress(int percent);

    /**
     * A named phase of the transcode begins (e.g. {@code verify-output}); closing the result ends
     * it. Lets telemetry show the phase as its own stage.
     */
    default Phase begin(String phase) {
      return () -> { };
    }
  }

  /** An open phase; closing it ends the phase. */
  interface Phase extends AutoCloseable {
    @Override
    void close();
  }

  /** Asked often during a transcode; true means stop now (lease lost or shutting down). */
  @FunctionalInterface
  interface Cancellation {
    boolean cancelled();
  }

  sealed interface Outcome permits Transcoded, Failed {}

  /** @param files the output files, main file first (HLS: playlist then segments) */
  record Transcoded(List<OutputFile> files) implements Outcome {}

  record OutputFile(Path path, String relativeName, String contentType) {}

  record Failed(FailureKind kind, String reason) implements Outcome {}

  enum FailureKind {
    /** The input cannot be transcoded by this preset; trying again will not help. */
    INVALID_INPUT,
    /** The failure may not recur (resource exhaustion, a crash): try again later. */
    TRANSIENT,
    /** The wall-clock limit passed and the process was killed. */
    TIMEOUT,
    /** {@link Cancellation} asked to stop. */
    CANCELLED,
    /** The output did not pass verification (duration, tracks, dimensions). */
    BAD_OUTPUT
  }

  Outcome transcode(Request request, ProgressListener progress, Cancellation cancel);
}
