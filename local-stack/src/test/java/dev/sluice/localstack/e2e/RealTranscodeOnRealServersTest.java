package dev.sluice.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.localstack.StackExtension;
import dev.sluice.worker.app.WorkerProcess;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.port.MediaProbe;
import dev.sluice.worker.wiring.MediaTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The real worker with the real FFmpeg transcoder on ElasticMQ + S3Mock: outputs are real media. */
@ExtendWith(StackExtension.class)
@Timeout(180)
class RealTranscodeOnRealServersTest {
  @TempDir Path dir;

  @Test
  void h264At360pAndAThumbnailOfAGeneratedClipArePublishedAndPlayable(EmbeddedStack stack) throws Exception {
    MediaTools media = MediaTools.boot(Map.of(), ResourceClass.CPU, BundledCatalogue.load());
    Path clip = dir.resolve("clip.mp4");
    Process p = media.binaries().ffmpeg(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-f", "lavfi", "-i", "testsrc2=size=960x540:rate=25", "-f", "lavfi", "-i", "sine=frequency=330",
        "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
        "-shortest", clip.toString())).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    RealWorld world = new RealWorld(stack, dir.resolve("world"), Duration.ofSeconds(30));
    Job video = world.upload("clip", Files.readAllBytes(clip));
    Job thumb = world.job("clip", video.source(), "thumb-jpeg");
    world.send(video);
    world.send(thumb);
    WorkerProcess worker = world.worker(media.transcoder(), media.probe(), Map.of());
    worker.start();
    try {
      List<JobOutcome> outcomes = world.awaitOutcomes(2, Duration.ofSeconds(120));
      assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(JobOutcome.Succeeded.class));
    } finally {
      worker.stop(Duration.ofSeconds(10));
    }

    var videoFacts = probeOutput(world, media, OutputKeys.of(video, "mp4"), "out.mp4");
    assertThat(videoFacts.facts().width()).hasValue(640);
    assertThat(videoFacts.facts().height()).hasValue(360);
    assertThat(videoFacts.facts().duration().orElseThrow()).isBetween(Duration.ofMillis(2750), Duration.ofMillis(3250));
    assertThat(videoFacts.facts().codecs()).contains("h264", "aac");
    // The source probe only admits media containers, by design; read the JPEG with ImageIO.
    var thumbKey = OutputKeys.of(thumb, "jpg");
    Path jpg = dir.resolve("out.jpg");
    world.stack.s3().getObject(b -> b.bucket(thumbKey.bucket()).key(thumbKey.key()), jpg);
    var image = javax.imageio.ImageIO.read(jpg.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(360);
  }

  private MediaProbe.Probed probeOutput(RealWorld world, MediaTools media,
      dev.sluice.contract.domain.ObjectRef key, String name) throws Exception {
    Path local = dir.resolve(name);
    world.stack.s3().getObject(b -> b.bucket(key.bucket()).key(key.key()), local);
    var result = media.probe().probe(local);
    assertThat(result).isInstanceOf(MediaProbe.Probed.class);
    return (MediaProbe.Probed) result;
  }
}
