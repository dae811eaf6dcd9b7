package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.Stop;
import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.Why;
import dev.sluice.worker.port.Transcoder.Cancellation;
import dev.sluice.worker.port.Transcoder.ProgressListener;
import java.util.Optional;

/**
 * Watches one FFmpeg run from the supervising thread: passes on progress as it rises, and stops
 * the run when the caller cancels or the output passes its size cap. Progress is parsed on the
 * stdout reader's thread but reported here, so the listener (which renews the lease) always runs
 * on the job's own thread.
 */
final class RunWatch {
  private final RenderPlan plan;
  private final long maxOutputBytes;
  private final ProgressListener listener;
  private final Cancellation cancel;
  private final ProgressTracker tracker;
  private int reported;

  RunWatch(RenderPlan plan, long maxOutputBytes, ProgressListener listener, Cancellation cancel) {
    this.plan = plan;
    this.maxOutputBytes = maxOutputBytes;
    this.listener = listener;
    this.cancel = cancel;
    this.tracker = new ProgressTracker(plan.work());
  }

  /** One stdout line (FFmpeg's {@code -progress} output); called on the reader's thread. */
  void line(String line) {
    tracker.line(line);
  }

  Optional<Stop> watch() {
    int percent = tracker.percent();
    if (percent > reported) {
      reported = percent;
      listener.progress(percent);
    }
    if (cancel.cancelled()) {
      return Optional.of(new Stop(Why.CANCELLED, "cancelled at " + reported + " %"));
    }
    long bytes = OutputFiles.bytes(plan);
    return bytes <= maxOutputBytes ? Optional.empty()
        : Optional.of(new Stop(Why.OVERRUN, "the output passed the size cap of " + maxOutputBytes
            + " bytes (" + bytes + " written) and ffmpeg was killed"));
  }
}
