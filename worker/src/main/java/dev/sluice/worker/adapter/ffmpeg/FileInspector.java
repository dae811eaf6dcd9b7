package dev.sluice.worker.adapter.ffmpeg;

import java.nio.file.Path;

/** Reads a media file's report, letting only the named demuxers open it. */
interface FileInspector {

  /** @param formats a comma list of FFmpeg demuxer names; any other format is unreadable */
  Inspection inspect(Path file, String formats);
}
