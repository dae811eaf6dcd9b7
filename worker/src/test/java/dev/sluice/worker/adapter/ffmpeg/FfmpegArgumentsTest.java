package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.contract.preset.Preset;
import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.policy.domain.MediaFacts;
import dev.sluice.worker.adapter.ffmpeg.RenderPlan.Audio;
import dev.sluice.worker.port.Transcoder.Failed;
import dev.sluice.worker.port.Transcoder.FailureKind;
import dev.sluice.worker.port.Transcoder.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FfmpegArgumentsTest {
  private static final Path INPUT = Path.of("/work/job-1/source");
  private static final Path WORK = Path.of("/work/job-1");
  private static final String STEM = "0123abcd-4567";
  private final FfmpegArguments arguments = new FfmpegArguments(2);

  private static MediaFacts facts(int width, int height, double seconds, double fps) {
    return new MediaFacts(Optional.of(Duration.ofMillis(Math.round(seconds * 1000))),
        OptionalInt.of(width), OptionalInt.of(height), OptionalDouble.of(fps), List.of("h264", "aac"));
  }

  private RenderPlan plan(String preset, MediaFacts facts) {
    Preset p = TestMedia.preset(preset);
    return arguments.plan(PresetSpecReader.read(p), INPUT, facts, WORK, STEM, p.extension());
  }

  /** The value that follows {@code option} in the argument list. */
  private static String after(List<String> args, String option) {
    int i = args.indexOf(option);
    assertThat(i).as(option + " in " + args).isNotNegative();
    return args.get(i + 1);
  }

  @Test
  void aLadderNamesEveryEncoderRateAndCapFromThePreset() {
    RenderPlan plan = plan("h264-360p", facts(1920, 1080, 10, 30));
    List<String> args = plan.arguments();
    assertThat(args.subList(0, 8)).containsExactly("-nostdin", "-y", "-hide_banner", "-v",
        "warning", "-nostats", "-progress", "pipe:1");
    assertThat(after(args, "-i")).isEqualTo("file:/work/job-1/source");
    assertThat(after(args, "-format_whitelist")).doesNotContain("hls", "concat");
    assertThat(after(args, "-protocol_whitelist")).isEqualTo("file");
    assertThat(after(args, "-max_pixels")).isEqualTo("67108864");
    assertThat(args.indexOf("-max_pixels")).isLessThan(args.indexOf("-i"));
    assertThat(after(args, "-c:v")).isEqualTo("libx264");
    assertThat(after(args, "-preset")).isEqualTo("veryfast");
    assertThat(after(args, "-crf")).isEqualTo("25");
    assertThat(after(args, "-maxrate")).isEqualTo("900k");
    assertThat(after(args, "-bufsize")).isEqualTo("1800k");
    assertThat(after(args, "-vf")).isEqualTo("scale=640:360,setsar=1");
    assertThat(after(args, "-c:a")).isEqualTo("aac");
    assertThat(after(args, "-b:a")).isEqualTo("64k");
    assertThat(after(args, "-movflags")).isEqualTo("+faststart");
    assertThat(after(args, "-threads")).isEqualTo("2");
    assertThat(args.getLast()).isEqualTo(STEM + ".mp4");
    assertThat(plan.mainOutput()).isEqualTo(WORK.resolve(STEM + ".mp4"));
    assertThat(plan.expected().frame()).contains(new FrameSize(640, 360));
    assertThat(plan.expected().audio()).isEqualTo(Audio.IF_SOURCE_HAS);
    assertThat(plan.work()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void hlsWritesSegmentsUnderTheStemAndThePlaylistNamesThemSo() {
    RenderPlan plan = plan("hls-720p", facts(1280, 720, 20, 25));
    List<String> args = plan.arguments();
    assertThat(after(args, "-f")).isEqualTo("hls");
    assertThat(after(args, "-hls_time")).isEqualTo("6");
    assertThat(after(args, "-hls_playlist_type")).isEqualTo("vod");
    assertThat(after(args, "-hls_segment_filename")).isEqualTo(STEM + "/seg%03d.ts");
    assertThat(after(args, "-hls_base_url")).isEqualTo(STEM + "/");
    assertThat(after(args, "-force_key_frames")).isEqualTo("expr:gte(t,n_forced*2)");
    assertThat(plan.segmentDir()).contains(WORK.resolve(STEM));
    assertThat(args.getLast()).isEqualTo(STEM + ".m3u8");
  }

  @Test
  void theThumbnailSeeksToAQuarterButNeverPastTheLastFrame() {
    List<String> args = plan("thumb-jpeg", facts(1280, 720, 8, 25)).arguments();
    assertThat(after(args, "-ss")).isEqualTo("2.000");
    assertThat(args.indexOf("-ss")).isLessThan(args.indexOf("-i"));
    assertThat(after(args, "-frames:v")).isEqualTo("1");
    assertThat(after(args, "-c:v")).isEqualTo("mjpeg");
    assertThat(after(args, "-vf")).isEqualTo("scale=640:360:out_range=full");
    List<String> oneFrame = plan("thumb-jpeg", facts(320, 180, 0.04, 25)).arguments();
    assertThat(after(oneFrame, "-ss")).isEqualTo("0.000");
  }

  @Test
  void theGifMakesItsPaletteFromTheClipInOneGraph() {
    RenderPlan plan = plan("gif-preview", facts(1280, 720, 20, 25));
    List<String> args = plan.arguments();
    assertThat(after(args, "-ss")).isEqualTo("2.000");
    assertThat(after(args, "-t")).isEqualTo("4.000");
    assertThat(after(args, "-vf")).isEqualTo(
        "fps=10:eof_action=pass,scale=480:270:flags=lanczos,split[a][b];[a]palettegen[p];[b][p]paletteuse");
    assertThat(after(args, "-c:v")).isEqualTo("gif");
    assertThat(after(args, "-loop")).isEqualTo("0");
    assertThat(plan.expected().duration()).contains(Duration.ofSeconds(4));
  }

  @Test
  void audioOnlyDropsVideoAndRequiresAnAudioStream() {
    RenderPlan plan = plan("aac-128k", facts(1280, 720, 5, 25));
    List<String> args = plan.arguments();
    assertThat(args).contains("-vn");
    assertThat(after(args, "-map")).isEqualTo("0:a:0");
    assertThat(after(args, "-ac")).isEqualTo("2");
    assertThat(after(args, "-ar")).isEqualTo("48000");
    assertThat(plan.expected().videoCodec()).isEmpty();
    assertThat(plan.expected().audio()).isEqualTo(Audio.REQUIRED);
  }

  @Test
  void theNvencPresetNamesTheGpuEncoder() {
    List<String> args = plan("h264-720p-nvenc", facts(1920, 1080, 5, 25)).arguments();
    assertThat(after(args, "-c:v")).isEqualTo("h264_nvenc");
    assertThat(after(args, "-preset")).isEqualTo("p4");
    assertThat(after(args, "-cq")).isEqualTo("23");
  }

  @Test
  void aCpuWorkerRefusesToBuildNvencArgumentsAndSaysWhy() {
    var cpu = new FfmpegTranscoder(TestMedia.BINARIES, TestMedia.probe(),
        TranscoderSettings.defaults(ResourceClass.CPU));
    var request = new Request(INPUT, facts(1920, 1080, 5, 25), TestMedia.preset("h264-720p-nvenc"),
        WORK, STEM);
    var outcome = cpu.transcode(request, p -> { }, () -> false);
    assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.TRANSIENT);
      assertThat(f.reason()).contains("h264-720p-nvenc").contains("gpu worker")
          .contains("resource class is cpu");
    });
    assertThatThrownBy(() -> cpu.command(request)).hasMessageContaining("gpu worker");
  }

  @Test
  void anOutputStemThatIsNotAPlainFileNameIsABug() {
    var cpu = new FfmpegTranscoder(TestMedia.BINARIES, TestMedia.probe(),
        TranscoderSettings.defaults(ResourceClass.CPU));
    for (String stem : List.of("../escape", "-y", "a:b", ".hidden", "a/b", "")) {
      var request = new Request(INPUT, facts(320, 180, 1, 25), TestMedia.preset("h264-360p"), WORK, stem);
      assertThatThrownBy(() -> cpu.command(request)).as(stem)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("safe file name");
    }
  }

  @Test
  void theTimeLimitGrowsWithTheMediaBetweenFloorAndCap() {
    var s = new TranscoderSettings(0, Duration.ofSeconds(30), Duration.ofMinutes(10), 3.0, 1000,
        ResourceClass.CPU);
    assertThat(s.timeLimit(Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.timeLimit(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(180));
    assertThat(s.timeLimit(Duration.ofHours(5))).isEqualTo(Duration.ofMinutes(10));
    assertThatThrownBy(() -> new TranscoderSettings(0, Duration.ofSeconds(30), Duration.ofSeconds(1),
        3.0, 1000, ResourceClass.CPU)).hasMessageContaining("transcoder.timeoutCap");
    assertThatThrownBy(() -> new TranscoderSettings(-1, Duration.ofSeconds(1), Duration.ofSeconds(1),
        3.0, 1000, ResourceClass.CPU)).hasMessageContaining("transcoder.threads");
  }
}
