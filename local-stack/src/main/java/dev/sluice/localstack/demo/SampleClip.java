package dev.sluice.localstack.demo;

import java.util.Random;

/**
 * The demo's source media. Until the FFmpeg transcoder lands (issue C) any bytes do: the worker's
 * stand-in transcoder copies them. Deterministic, so the demo's digests are the same every run.
 */
final class SampleClip {
  private SampleClip() {}

  static byte[] bytes(int size, long seed) {
    byte[] out = new byte[size];
    new Random(seed).nextBytes(out);
    return out;
  }
}
