package dev.sluice.worker.adapter.memory;

import dev.sluice.worker.port.Transcoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A stand-in transcoder that "renders" by copying the source into the work dir, in steps, reporting
 * progress after each and honouring cancellation between steps. {@code onStep} lets a test make
 * each step take (fake) time. It exercises the whole pipeline without FFmpeg.
 */
public final class CopyingTranscoder implements Transcoder {
  private final int steps;
  private final IntConsumer onStep;

  public CopyingTranscoder(int steps, IntConsumer onStep) {
    if (steps < 1 || steps > 100) {
      throw new IllegalArgumentException("steps must be 1..100");
    }
    this.steps = steps;
    this.onStep = onStep;
  }

  public CopyingTranscoder() {
    this(20, step -> { });
  }

  @Override
  public Outcome transcode(Request request, ProgressListener progress, Cancellation cancel) {
    progress.progress(0);
    for (int step = 1; step <= steps; step++) {
      if (cancel.cancelled()) {
        return new Failed(FailureKind.CANCELLED, "cancelled at " + (step - 1) * 100 / steps + " %");
      }
      onStep.accept(step);
      progress.progress(step * 100 / steps);
    }
    if (cancel.cancelled()) {
      return new Failed(FailureKind.CANCELLED, "cancelled at 100 %");
    }
    String name = "output." + request.preset().extension();
    Path out = request.workDir().resolve(name);
    try {
      Files.copy(request.input(), out);
      try (var phase = progress.begin("verify-output")) {
        if (Files.size(out) != Files.size(request.input())) {
          return new Failed(FailureKind.BAD_OUTPUT, "the copy is not the size of the source");
        }
      }
    } catch (IOException e) {
      return new Failed(FailureKind.TRANSIENT, "could not write output: " + e);
    }
    return new Transcoded(List.of(new OutputFile(out, name, "application/octet-stream")));
  }
}
