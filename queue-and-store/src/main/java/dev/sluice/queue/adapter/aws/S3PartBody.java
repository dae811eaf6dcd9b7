package dev.sluice.queue.adapter.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * The bytes of one multipart-upload part, read straight from its slice of the file: a part is never
 * copied into the heap. Each {@link #newStream} starts the slice over (the SDK asks again when it
 * retries) and closes the stream it handed out before; {@link #close} closes the last one.
 */
final class S3PartBody implements ContentStreamProvider, AutoCloseable {
  private final Path file;
  private final long offset;
  private final long length;
  private InputStream current;

  S3PartBody(Path file, long offset, long length) {
    this.file = file;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public synchronized InputStream newStream() {
    try {
      if (current != null) {
        current.close();
      }
      current = new Slice(FileChannel.open(file, StandardOpenOption.READ), offset, length);
      return current;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read part of " + file, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public String name() {
    return "S3PartBody";
  }

  /** {@code length} bytes of a channel from {@code position}, then end of stream. */
  private static final class Slice extends InputStream {
    private final FileChannel channel;
    private long position;
    private long remaining;

    Slice(FileChannel channel, long position, long remaining) {
      this.channel = channel;
      this.position = position;
      this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
      if (n < 0) {
        throw new IOException("file ended " + remaining + " bytes before the end of its part");
      }
      position += n;
      remaining -= n;
      return n;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
