package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.policy.domain.MediaFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The facts ffprobe reported about one file, richer than {@link MediaFacts}: the verifier needs
 * to know which kinds of track are there, not only their codec names. Sizes are as displayed
 * (a rotation of 90° swaps them), because that is what a player shows and what FFmpeg scales.
 *
 * @param container the demuxer's name list, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param duration the container's duration, or the longest stream's
 * @param video the first video track that is not cover art
 * @param videoCodecs every video track's codec (cover art excluded), in file order
 * @param audioCodecs every audio track's codec, in file order
 */
record ProbeReport(
    String container,
    Optional<Duration> duration,
    Optional<VideoTrack> video,
    List<String> videoCodecs,
    List<String> audioCodecs) implements Inspection {

  /** @param fps the average frame rate where the file states one */
  record VideoTrack(String codec, int width, int height, OptionalDouble fps) {}

  ProbeReport {
    videoCodecs = List.copyOf(videoCodecs);
    audioCodecs = List.copyOf(audioCodecs);
  }

  int audioTracks() {
    return audioCodecs.size();
  }

  /** True when the demuxer's name list contains {@code name}. */
  boolean containerIs(String name) {
    return List.of(container.split(",")).contains(name);
  }

  /** The facts the policy's media limits are held against. */
  MediaFacts facts() {
    List<String> codecs = new ArrayList<>(videoCodecs);
    audioCodecs.stream().filter(c -> !codecs.contains(c)).forEach(codecs::add);
    return new MediaFacts(duration,
        video.map(v -> OptionalInt.of(v.width())).orElse(OptionalInt.empty()),
        video.map(v -> OptionalInt.of(v.height())).orElse(OptionalInt.empty()),
        video.map(VideoTrack::fps).orElse(OptionalDouble.empty()),
        codecs.stream().distinct().toList());
  }
}
