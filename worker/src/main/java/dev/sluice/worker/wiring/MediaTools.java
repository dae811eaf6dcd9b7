package dev.sluice.worker.wiring;

import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.worker.adapter.ffmpeg.FfmpegBinaries;
import dev.sluice.worker.adapter.ffmpeg.FfmpegTranscoder;
import dev.sluice.worker.adapter.ffmpeg.FfprobeMediaProbe;
import dev.sluice.worker.adapter.ffmpeg.TranscoderSettings;
import java.util.Map;

/**
 * The FFmpeg side of a worker, built and checked at boot: the bundled ffmpeg and ffprobe must run
 * (libpulse0 present, JavaCPP cache writable), and every preset of this worker's class must be one
 * the transcoder can build. A worker that cannot transcode refuses to start rather than failing
 * every job.
 */
public record MediaTools(FfmpegBinaries binaries, FfprobeMediaProbe probe, FfmpegTranscoder transcoder) {

  /** Keys read here, for --help and docs. */
  public static final Map<String, String> KEYS = Map.of(
      "SLUICE_TRANSCODER", "ffmpeg, or copy for load and chaos tests only: sources become outputs (default ffmpeg)",
      "SLUICE_FFMPEG_THREADS", "ffmpeg -threads; 0 lets ffmpeg choose (default 0)",
      "SLUICE_TRANSCODE_TIMEOUT_FLOOR", "shortest wall-clock limit per transcode (default 1m)",
      "SLUICE_TRANSCODE_TIMEOUT_CAP", "longest wall-clock limit per transcode (default 2h)",
      "SLUICE_MAX_OUTPUT_BYTES", "largest output a transcode may write (default 8 GiB)");

  public static MediaTools boot(Map<String, String> config, ResourceClass resourceClass, PresetCatalogue catalogue) {
    FfmpegBinaries binaries = FfmpegBinaries.bundled();
    binaries.verify();
    FfmpegTranscoder.requireRunnable(catalogue.all(), resourceClass);
    FfprobeMediaProbe probe = new FfprobeMediaProbe(binaries);
    return new MediaTools(binaries, probe, new FfmpegTranscoder(binaries, probe, settings(config, resourceClass)));
  }

  static TranscoderSettings settings(Map<String, String> config, ResourceClass resourceClass) {
    ConfigValues v = new ConfigValues(config);
    TranscoderSettings d = TranscoderSettings.defaults(resourceClass);
    try {
      return new TranscoderSettings(
          v.integer("SLUICE_FFMPEG_THREADS", d.threads(), 0, 64),
          v.duration("SLUICE_TRANSCODE_TIMEOUT_FLOOR", d.timeoutFloor()),
          v.duration("SLUICE_TRANSCODE_TIMEOUT_CAP", d.timeoutCap()),
          d.timeoutFactor(),
          v.bytes("SLUICE_MAX_OUTPUT_BYTES", d.maxOutputBytes()),
          resourceClass);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("transcoder settings are invalid: " + e.getMessage());
    }
  }
}
