package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("ffmpeg")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FfmpegBinariesTest {

  @Test
  void theBundledExecutablesRunAndPassTheBootCheck() {
    FfmpegBinaries binaries = TestMedia.BINARIES;
    assertThat(binaries.ffmpegPath()).isExecutable().hasFileName("ffmpeg");
    assertThat(binaries.ffprobePath()).isExecutable().hasFileName("ffprobe");
    binaries.verify();
  }

  @Test
  void everyChildGetsTheBinarysFolderFirstOnTheLibraryPath() {
    ProcessBuilder pb = TestMedia.BINARIES.ffmpeg(List.of("-version"));
    assertThat(pb.command()).containsExactly(TestMedia.BINARIES.ffmpegPath().toString(), "-version");
    assertThat(pb.environment().get("LD_LIBRARY_PATH"))
        .startsWith(TestMedia.BINARIES.ffmpegPath().getParent().toString());
  }

  @Test
  void aMissingExecutableFailsTheBootCheckNamingIt(@TempDir Path dir) {
    var missing = new FfmpegBinaries(dir.resolve("ffmpeg"), dir.resolve("ffprobe"));
    assertThatThrownBy(missing::verify).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.resolve("ffmpeg").toString())
        .hasMessageContaining("missing or not executable");
  }

  @Test
  void aMissingSharedLibraryIsReportedWithWhatToInstall(@TempDir Path dir) throws Exception {
    // A stand-in that fails the way the real binary does without libpulse0.
    Path fake = dir.resolve("ffmpeg");
    Files.writeString(fake, "#!/bin/sh\necho \"ffmpeg: error while loading shared libraries: "
        + "libpulse.so.0: cannot open shared object file: No such file or directory\" >&2\nexit 127\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    var broken = new FfmpegBinaries(fake, TestMedia.BINARIES.ffprobePath());
    assertThatThrownBy(broken::verify).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("install libpulse0")
        .hasMessageContaining("exit 127");
  }
}
