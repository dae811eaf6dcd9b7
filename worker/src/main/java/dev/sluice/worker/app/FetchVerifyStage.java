package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.SourceStore;
import dev.sluice.worker.domain.JobOutcome.Cause;
import dev.sluice.worker.domain.JobOutcome.Dropped;
import dev.sluice.worker.domain.JobOutcome.Retried;
import dev.sluice.worker.domain.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stage 3: streams the source to a file in the job's workspace while hashing it ({@link #fetch}),
 * then compares size and digest with what was admitted at enqueue ({@link #verify}). The bytes
 * never sit whole in the heap, and reading stops as soon as more bytes arrive than were declared.
 * A mismatch is tampering: the job is dropped with an alarm and nothing derived from those bytes
 * is ever published.
 */
public final class FetchVerifyStage {
  private static final int CHUNK = 256 * 1024;
  private static final long HEARTBEAT_EVERY = 8L * 1024 * 1024;

  /** What the fetch read: the local copy, its digest and its length. */
  public record Fetched(Path file, Sha256 digest, long bytes) {}

  private final SourceStore sources;

  public FetchVerifyStage(SourceStore sources) {
    this.sources = sources;
  }

  /** Fetch then verify, for callers that need no span between them. */
  public Step<Path> run(Job job, JobWorkspace workspace, Runnable heartbeat) {
    return switch (fetch(job, workspace, heartbeat)) {
      case Step.Done<Fetched> done -> Step.done(done.outcome());
      case Step.Next<Fetched> next -> verify(job, next.value());
    };
  }

  public Step<Fetched> fetch(Job job, JobWorkspace workspace, Runnable heartbeat) {
    Result<InputStream> opened = sources.open(job.source().uri());
    if (opened instanceof Result.Err<InputStream> err) {
      return Step.done(new Retried(Cause.SOURCE_UNAVAILABLE,
          "GET of source " + job.source().uri() + " failed: " + err.fault()));
    }
    Path file = workspace.file("source");
    try (InputStream in = ((Result.Ok<InputStream>) opened).value();
        OutputStream out = Files.newOutputStream(file)) {
      return copy(job, in, out, file, heartbeat);
    } catch (IOException e) {
      return Step.done(new Retried(Cause.SOURCE_UNAVAILABLE,
          "reading source " + job.source().uri() + " failed: " + e.getMessage()));
    }
  }

  public Step<Path> verify(Job job, Fetched fetched) {
    long declared = job.source().size();
    if (fetched.bytes() != declared || !fetched.digest().equals(job.source().sha256())) {
      return Step.done(new Dropped(Cause.TAMPERED, "source " + job.source().uri()
          + " does not match what was admitted: got " + fetched.bytes() + " bytes with SHA-256 "
          + fetched.digest().prefix(16) + ", expected " + declared + " bytes with SHA-256 "
          + job.source().sha256().prefix(16)));
    }
    return Step.next(fetched.file());
  }

  private Step<Fetched> copy(Job job, InputStream in, OutputStream out, Path file, Runnable heartbeat)
      throws IOException {
    MessageDigest sha = sha256();
    long declared = job.source().size();
    long total = 0;
    long sinceBeat = 0;
    byte[] buf = new byte[CHUNK];
    for (int n; (n = in.read(buf)) >= 0; ) {
      total += n;
      if (total > declared) {
        return Step.done(new Dropped(Cause.TAMPERED, "source " + job.source().uri()
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
    return Step.next(new Fetched(file, Sha256.of(sha.digest()), total));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
