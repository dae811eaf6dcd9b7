package dev.sluice.worker.adapter.ffmpeg;

/**
 * A frame's width and height, and the one rule every scaled output follows: fit inside the box,
 * keep the source's aspect, never upscale, and land on even numbers (4:2:0 chroma and H.264 need
 * them). Computed here from the probe's facts rather than by an FFmpeg expression, so the rule is
 * unit-tested and the verifier knows the exact size to expect.
 */
record FrameSize(int width, int height) {

  FrameSize {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "a frame needs a positive size, not " + width + "x" + height);
    }
  }

  /** The largest even size inside {@code maxWidth} × {@code maxHeight}, same aspect, no larger. */
  FrameSize fitInside(int maxWidth, int maxHeight) {
    double scale = Math.min(1.0, Math.min((double) maxWidth / width, (double) maxHeight / height));
    return new FrameSize(even(width * scale, maxWidth), even(height * scale, maxHeight));
  }

  /** At most {@code maxWidth} wide, any height, keeping the aspect. */
  FrameSize fitWidth(int maxWidth) {
    return fitInside(maxWidth, Integer.MAX_VALUE / 2);
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }

  /**
   * The even number at or below {@code exact} (never rounding up, which could upscale by a pixel),
   * at least 2 and within the limit. The epsilon absorbs floating error: 1920 × (720/1080) is 1280.
   */
  private static int even(double exact, int limit) {
    long down = 2 * (long) Math.floor(exact / 2 + 1e-6);
    return (int) Math.max(2, Math.min(down, limit - limit % 2));
  }
}
