package dev.sluice.worker.adapter.ffmpeg;

/**
 * What ffprobe made of a file, for this adapter's own use: a full {@link ProbeReport} (stream
 * kinds, track counts) that both the media probe and the output verifier need, or the reason the
 * file is not readable media.
 */
sealed interface Inspection permits ProbeReport, Inspection.Unreadable {

  /** @param reason quotes ffprobe's complaint where it gave one */
  record Unreadable(String reason) implements Inspection {}
}
