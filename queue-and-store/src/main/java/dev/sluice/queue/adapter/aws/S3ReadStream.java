package dev.sluice.queue.adapter.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The body of a GetObject as a plain {@link java.io.InputStream}: the SDK may throw its own runtime
 * exceptions mid-read (a checksum mismatch at end of stream, a broken connection), and the
 * {@code SourceStore} port promises readers an {@link IOException} instead. Closing before the end
 * aborts the connection, because the HTTP client would otherwise drain the rest of a possibly
 * multi-gigabyte body just to reuse the socket.
 */
final class S3ReadStream extends FilterInputStream {
  private final ResponseInputStream<?> body;
  private final String what;
  private final long length;
  private long consumed;
  private boolean ended;

  /** {@code length} is the body's Content-Length; reading that many bytes counts as the end. */
  S3ReadStream(ResponseInputStream<?> body, String what, long length) {
    super(body);
    this.body = body;
    this.what = what;
    this.length = length;
  }

  @Override
  public int read() throws IOException {
    int b = (int) guard(body::read);
    track(b < 0 ? -1 : 1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return track((int) guard(() -> body.read(b, off, len)));
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = guard(() -> body.skip(n));
    consumed += skipped;
    ended = ended || consumed >= length;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) guard(body::available);
  }

  @Override
  public void close() throws IOException {
    if (!ended) {
      guard(() -> {
        body.abort();
        return 0;
      });
    }
    guard(() -> {
      body.close();
      return 0;
    });
  }

  private int track(int n) {
    if (n < 0) {
      ended = true;
    } else {
      consumed += n;
      ended = consumed >= length;
    }
    return n;
  }

  private long guard(IoRead read) throws IOException {
    try {
      return read.get();
    } catch (SdkException | UncheckedIOException e) {
      throw new IOException(AwsFaults.classify("GetObject " + what, e).toString(), e);
    }
  }

  @FunctionalInterface
  private interface IoRead {
    long get() throws IOException;
  }
}
