package dev.sluice.worker.adapter.ffmpeg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.worker.adapter.ffmpeg.ProbeReport.VideoTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads ffprobe's JSON ({@code -show_entries} of format and streams) into a {@link ProbeReport}.
 * Pure, so every odd shape a hostile file can give ffprobe is testable without FFmpeg: a video
 * track without a size, no audio or video track at all, or output that is not JSON all become
 * {@link Inspection.Unreadable}, never an exception.
 */
final class ProbeJson {
  /** Durations beyond this are absurd; they are kept (the policy denies them), but bounded. */
  private static final double LONGEST_SECONDS = 1e9;

  private final ObjectMapper mapper = new ObjectMapper();

  Inspection parse(String json) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      return new Inspection.Unreadable("ffprobe's output is not JSON: " + e.getOriginalMessage());
    }
    return parse(root);
  }

  /** The same, from a tree already built (the in-process probe fills one). */
  Inspection parse(JsonNode root) {
    if (root == null || !root.path("format").isObject()) {
      return new Inspection.Unreadable("ffprobe found no container format");
    }
    Tracks tracks = new Tracks();
    root.path("streams").forEach(tracks::add);
    return report(root.path("format"), tracks);
  }

  private static Inspection report(JsonNode format, Tracks tracks) {
    if (tracks.videoCodecs.isEmpty() && tracks.audioCodecs.isEmpty()) {
      return new Inspection.Unreadable("the file has no audio or video stream");
    }
    Optional<VideoTrack> video = tracks.video;
    if (video.isPresent() && (video.get().width() <= 0 || video.get().height() <= 0)) {
      return new Inspection.Unreadable("the video stream (" + video.get().codec()
          + ") has no usable frame size");
    }
    Optional<Duration> duration = seconds(format.path("duration")).or(() -> tracks.longest);
    return new ProbeReport(format.path("format_name").asText("unknown"), duration, video,
        tracks.videoCodecs, tracks.audioCodecs);
  }

  /** The audio and video tracks met so far, in file order; cover art is not video. */
  private static final class Tracks {
    private final List<String> videoCodecs = new ArrayList<>();
    private final List<String> audioCodecs = new ArrayList<>();
    private Optional<VideoTrack> video = Optional.empty();
    private Optional<Duration> longest = Optional.empty();

    void add(JsonNode stream) {
      String codec = stream.path("codec_name").asText("unknown");
      switch (stream.path("codec_type").asText("")) {
        case "video" -> {
          if (stream.path("disposition").path("attached_pic").asInt(0) == 1) {
            return;
          }
          videoCodecs.add(codec);
          if (video.isEmpty()) {
            video = Optional.of(videoTrack(stream, codec));
          }
        }
        case "audio" -> audioCodecs.add(codec);
        default -> {
          return;
        }
      }
      longest = longer(longest, seconds(stream.path("duration")));
    }
  }

  private static VideoTrack videoTrack(JsonNode stream, String codec) {
    int width = stream.path("width").asInt(0);
    int height = stream.path("height").asInt(0);
    boolean quarterTurn = false;
    for (JsonNode side : stream.path("side_data_list")) {
      if (side.has("rotation")) {
        quarterTurn = Math.abs(Math.round(side.get("rotation").asDouble())) % 180 == 90;
      }
    }
    OptionalDouble fps = rate(stream.path("avg_frame_rate"));
    if (fps.isEmpty()) {
      fps = rate(stream.path("r_frame_rate"));
    }
    return quarterTurn
        ? new VideoTrack(codec, height, width, fps)
        : new VideoTrack(codec, width, height, fps);
  }

  /** A rational like {@code 30000/1001}; {@code 0/0} means the file does not say. */
  static OptionalDouble rate(JsonNode node) {
    String[] parts = node.asText("").split("/");
    try {
      double value = parts.length == 2
          ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
          : Double.parseDouble(parts[0]);
      return value > 0 && Double.isFinite(value)
          ? OptionalDouble.of(value) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** Seconds as ffprobe prints them ({@code "3.000000"}, or {@code "N/A"} when unknown). */
  static Optional<Duration> seconds(JsonNode node) {
    try {
      double value = Double.parseDouble(node.asText(""));
      if (!(value >= 0) || Double.isInfinite(value)) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos(Math.round(Math.min(value, LONGEST_SECONDS) * 1e9)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.filter(d -> d.compareTo(a.get()) > 0).or(() -> a);
  }
}
