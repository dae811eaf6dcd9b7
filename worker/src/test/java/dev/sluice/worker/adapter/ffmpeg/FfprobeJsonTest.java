package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FfprobeJsonTest {
  private final ProbeJson json = new ProbeJson();

  private static String file(String format, String... streams) {
    return "{\"streams\":[" + String.join(",", streams) + "],\"format\":" + format + "}";
  }

  private static final String MP4 = "{\"format_name\":\"mov,mp4,m4a,3gp,3g2,mj2\",\"duration\":\"3.000000\"}";

  @Test
  void readsContainerDurationSizeRateAndCodecsOfVideoAndAudio() {
    var parsed = json.parse(file(MP4,
        "{\"codec_type\":\"video\",\"codec_name\":\"h264\",\"width\":1280,\"height\":720,"
            + "\"avg_frame_rate\":\"30000/1001\",\"r_frame_rate\":\"60/1\"}",
        "{\"codec_type\":\"audio\",\"codec_name\":\"aac\"}",
        "{\"codec_type\":\"audio\",\"codec_name\":\"opus\"}",
        "{\"codec_type\":\"subtitle\",\"codec_name\":\"mov_text\"}"));
    assertThat(parsed).isInstanceOfSatisfying(ProbeReport.class, r -> {
      assertThat(r.containerIs("mp4")).isTrue();
      assertThat(r.audioTracks()).isEqualTo(2);
      var facts = r.facts();
      assertThat(facts.duration()).contains(Duration.ofSeconds(3));
      assertThat(facts.width()).isEqualTo(OptionalInt.of(1280));
      assertThat(facts.height()).isEqualTo(OptionalInt.of(720));
      assertThat(facts.framesPerSecond().getAsDouble()).isCloseTo(29.97, offset(0.01));
      assertThat(facts.codecs()).containsExactly("h264", "aac", "opus");
    });
  }

  @Test
  void aQuarterTurnSwapsTheSizeAndCoverArtIsNotVideo() {
    var parsed = json.parse(file(MP4,
        "{\"codec_type\":\"video\",\"codec_name\":\"mjpeg\",\"width\":600,\"height\":600,"
            + "\"disposition\":{\"attached_pic\":1}}",
        "{\"codec_type\":\"video\",\"codec_name\":\"hevc\",\"width\":1920,\"height\":1080,"
            + "\"r_frame_rate\":\"25/1\",\"avg_frame_rate\":\"0/0\","
            + "\"side_data_list\":[{\"rotation\":-90}]}"));
    assertThat(parsed).isInstanceOfSatisfying(ProbeReport.class, r -> {
      assertThat(r.video()).contains(new ProbeReport.VideoTrack("hevc", 1080, 1920, OptionalDouble.of(25)));
      assertThat(r.videoCodecs()).containsExactly("hevc");
    });
  }

  @Test
  void missingFormatDurationFallsBackToTheLongestStream() {
    var parsed = json.parse(file("{\"format_name\":\"matroska,webm\",\"duration\":\"N/A\"}",
        "{\"codec_type\":\"audio\",\"codec_name\":\"flac\",\"duration\":\"2.5\"}",
        "{\"codec_type\":\"audio\",\"codec_name\":\"flac\",\"duration\":\"4.25\"}"));
    assertThat(parsed).isInstanceOfSatisfying(ProbeReport.class, r -> {
      assertThat(r.duration()).contains(Duration.ofMillis(4250));
      assertThat(r.video()).isEmpty();
      assertThat(r.facts().codecs()).containsExactly("flac");
    });
  }

  @Test
  void shapesAHostileFileCanGiveAreUnreadableNotExceptions() {
    assertThat(json.parse("{\n\n}")).isInstanceOf(Inspection.Unreadable.class);
    assertThat(json.parse("not json")).isInstanceOfSatisfying(Inspection.Unreadable.class,
        u -> assertThat(u.reason()).contains("not JSON"));
    assertThat(json.parse(file(MP4))).isInstanceOfSatisfying(Inspection.Unreadable.class,
        u -> assertThat(u.reason()).contains("no audio or video stream"));
    assertThat(json.parse(file(MP4, "{\"codec_type\":\"data\",\"codec_name\":\"bin_data\"}")))
        .isInstanceOf(Inspection.Unreadable.class);
    assertThat(json.parse(file("{\"format_name\":\"png_pipe\"}",
        "{\"codec_type\":\"video\",\"codec_name\":\"png\",\"width\":0,\"height\":0}")))
        .isInstanceOfSatisfying(Inspection.Unreadable.class,
            u -> assertThat(u.reason()).contains("no usable frame size"));
  }

  @Test
  void absurdOrBrokenNumbersAreBoundedOrAbsent() {
    assertThat(ProbeJson.seconds(new TextNode("1e300")))
        .contains(Duration.ofSeconds(1_000_000_000));
    assertThat(ProbeJson.seconds(new TextNode("-1"))).isEmpty();
    assertThat(ProbeJson.seconds(new TextNode("NaN"))).isEmpty();
    assertThat(ProbeJson.rate(new TextNode("1/0"))).isEmpty();
    assertThat(ProbeJson.rate(new TextNode("x/y"))).isEmpty();
  }
}
