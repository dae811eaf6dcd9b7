package dev.sluice.worker.adapter.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Hand-made files that are not what they claim to be, for the probe and the transcoder. */
final class HostileFiles {
  private final TestMedia media;

  HostileFiles(TestMedia media) {
    this.media = media;
  }

  Path zeroBytes() {
    return media.file("zero.mp4", new byte[0]);
  }

  /** Random bytes with an .mp4 name (seeded: the same bytes every run). */
  Path randomBytes() {
    byte[] bytes = new byte[64 * 1024];
    new Random(4).nextBytes(bytes);
    return media.file("random.mp4", bytes);
  }

  /** The first 40 % of a faststart MP4: header intact, media data cut off. */
  Path truncatedMp4() {
    try {
      byte[] whole = Files.readAllBytes(media.clip("whole", 320, 180, 3));
      return media.file("truncated.mp4", Arrays.copyOf(whole, whole.length * 2 / 5));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Y4M stream whose header declares {@code width}×{@code height}, with one tiny "frame". */
  Path y4mClaiming(int width, int height) {
    String header = "YUV4MPEG2 W" + width + " H" + height + " F25:1 Ip A1:1 C420jpeg\nFRAME\n";
    byte[] head = header.getBytes(StandardCharsets.US_ASCII);
    return media.file("claims-" + width + "x" + height + ".y4m", Arrays.copyOf(head, head.length + 1000));
  }

  /** A PNG whose IHDR declares {@code width}×{@code height} (valid CRCs, almost no pixel data). */
  Path pngClaiming(int width, int height) {
    byte[] emptyDeflate = {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01};
    return media.file("claims-" + width + "x" + height + ".png", png(width, height, 2, emptyDeflate));
  }

  /**
   * A real decompression bomb: a 9000x9000 grey PNG whose pixel data (81 MB of zeros) deflates
   * to about 80 KB. Decoding it allocates the whole frame.
   */
  Path pngBomb() {
    int side = 9000;
    var pixels = new ByteArrayOutputStream();
    var deflater = new Deflater(9);
    byte[] row = new byte[1 + side];
    byte[] buffer = new byte[64 * 1024];
    for (int y = 0; y < side; y++) {
      deflater.setInput(row);
      while (!deflater.needsInput()) {
        pixels.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      pixels.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return media.file("bomb-9000x9000.png", png(side, side, 0, pixels.toByteArray()));
  }

  /** Two hours of 16x16 video at one frame a minute: a long duration in 47 KB. */
  Path twoHourY4m() {
    var out = new ByteArrayOutputStream();
    out.writeBytes("YUV4MPEG2 W16 H16 F1:60 Ip A1:1 C420jpeg\n".getBytes(StandardCharsets.US_ASCII));
    byte[] frame = new byte[16 * 16 * 3 / 2];
    Arrays.fill(frame, (byte) 0x80);
    for (int i = 0; i < 121; i++) {
      out.writeBytes("FRAME\n".getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(frame);
    }
    return media.file("two-hours.y4m", out.toByteArray());
  }

  /** An HLS playlist named like a video, pointing at a file outside it. */
  Path playlistPosingAsVideo(Path target) {
    return media.text("playlist.mp4", "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\n"
        + target.toAbsolutePath() + "\n#EXT-X-ENDLIST\n");
  }

  /** A PNG of 8-bit samples: colour type 0 is grey, 2 is RGB. */
  private static byte[] png(int width, int height, int colourType, byte[] deflated) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
        .put(new byte[] {8, (byte) colourType, 0, 0, 0}).array());
    chunk(out, "IDAT", deflated);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
