package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.worker.domain.JobOutcome.Cause;
import dev.sluice.worker.domain.JobOutcome.Dropped;
import dev.sluice.worker.domain.JobOutcome.Retried;
import dev.sluice.worker.domain.Step;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.SourceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stage 3: streams the source to a file in the job's workspace while hashing it, and compares the
 * digest with the one admitted at enqueue. The bytes never sit whole in the heap, and reading stops
 * as soon as more bytes arrive than were declared. A mismatch is tampering: the job is dropped
 * with an alarm and nothing derived from those bytes is ever published.
 */
public final class FetchVerifyStage {
  private static final int CHUNK = 256 * 1024;
  private static final long HEARTBEAT_EVERY = 8L * 1024 * 1024;

  private final SourceStore sources;

  public FetchVerifyStage(SourceStore sources) {
    this.sources = sources;
  }

  public Step<Path> run(Job job, JobWorkspace workspace, Runnable heartbeat) {
    Result<InputStream> opened = sources.open(job.source().uri());
    if (opened instanceof Result.Err<InputStream> err) {
      return Step.done(new Retried(Cause.SOURCE_UNAVAILABLE,
          "GET of source " + job.source().uri() + " failed: " + err.fault()));
    }
    Path file = workspace.file("source");
    try (InputStream in = ((Result.Ok<InputStream>) opened).value();
        OutputStream out = Files.newOutputStream(file)) {
      return copyAndVerify(job, in, out, heartbeat).map(ok -> file);
    } catch (IOException e) {
      return Step.done(new Retried(Cause.SOURCE_UNAVAILABLE,
          "reading source " + job.source().uri() + " failed: " + e.getMessage()));
    }
  }

  private Verified copyAndVerify(Job job, InputStream in, OutputStream out, Runnable heartbeat)
      throws IOException {
    MessageDigest sha = sha256();
    long declared = job.source().size();
    long total = 0;
    long sinceBeat = 0;
    byte[] buf = new byte[CHUNK];
    for (int n; (n = in.read(buf)) >= 0; ) {
      total += n;
      if (total > declared) {
        return Verified.refused(new Dropped(Cause.TAMPERED, "source " + job.source().uri()
            + " has more bytes than the " + declared + " declared at enqueue; stopped reading"));
      }
      sha.update(buf, 0, n);
      out.write(buf, 0, n);
      sinceBeat += n;
      if (sinceBeat >= HEARTBEAT_EVERY) {
        heartbeat.run();
        sinceBeat = 0;
      }
    }
    Sha256 actual = Sha256.of(sha.digest());
    if (total != declared || !actual.equals(job.source().sha256())) {
      return Verified.refused(new Dropped(Cause.TAMPERED, "source " + job.source().uri()
          + " does not match what was admitted: got " + total + " bytes with SHA-256 "
          + actual.prefix(16) + ", expected " + declared + " bytes with SHA-256 "
          + job.source().sha256().prefix(16)));
    }
    return Verified.OK;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Private carrier: verified, or the outcome that stops the job. */
  private record Verified(Dropped refusal) {
    static final Verified OK = new Verified(null);

    static Verified refused(Dropped d) {
      return new Verified(d);
    }

    <T> Step<T> map(java.util.function.Function<Verified, T> onOk) {
      return refusal == null ? Step.next(onOk.apply(this)) : Step.done(refusal);
    }
  }
}
