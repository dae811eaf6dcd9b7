package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.worker.port.Transcoder.FailureKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegFailureTriageTest {

  @Test
  void ffmpegSayingTheInputIsBrokenIsInvalidInputWithTheLogTail() {
    var failed = FailureTriage.exit(183, List.of(
        "[in#0 @ 0x1] moov atom not found",
        "[in#0 @ 0x1] Error opening input: Invalid data found when processing input",
        "Error opening input file file:/w/source.",
        "Error opening input files: Invalid data found when processing input"));
    assertThat(failed.kind()).isEqualTo(FailureKind.INVALID_INPUT);
    assertThat(failed.reason()).contains("exit 183").contains("moov atom not found")
        .contains("Error opening input files");
  }

  @Test
  void aMissingStreamIsNamed() {
    var failed = FailureTriage.exit(234, List.of("Stream map '' matches no streams.",
        "To ignore this, add a trailing '?' to the map.",
        "Failed to set value '0:a:0' for option 'map': Invalid argument"));
    assertThat(failed.kind()).isEqualTo(FailureKind.INVALID_INPUT);
    assertThat(failed.reason()).startsWith("the source has no audio stream");
  }

  @Test
  void aSignalOrAnUnknownErrorIsTransient() {
    assertThat(FailureTriage.exit(139, List.of("some progress line")))
        .satisfies(f -> assertThat(f.kind()).isEqualTo(FailureKind.TRANSIENT))
        .satisfies(f -> assertThat(f.reason()).contains("SIGSEGV"));
    assertThat(FailureTriage.exit(1, List.of("av_interleaved_write_frame(): No space left on device"))
        .kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(FailureTriage.exit(1, List.of()).reason()).contains("(no message)");
  }

  @Test
  void aFullDiskWinsOverDecodeWarningsEarlierInTheLog() {
    var failed = FailureTriage.exit(228, List.of("[h264 @ 0x1] Decoding error: Invalid data found",
        "[out#0/mp4 @ 0x2] Error writing trailer: No space left on device"));
    assertThat(failed.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(failed.reason()).contains("ran out of a resource");
  }

  @Test
  void aShortOutputFromADamagedSourceBlamesTheSource() {
    var damaged = FailureTriage.badOutput("the output lasts 1365 ms, expected 3000 ms ± 250 ms",
        List.of("[in#0/mov,mp4 @ 0x1] stream 1, offset 0x1d892: partial file"));
    assertThat(damaged.kind()).isEqualTo(FailureKind.INVALID_INPUT);
    assertThat(damaged.reason()).contains("damaged").contains("1365 ms").contains("partial file");
    var bad = FailureTriage.badOutput("the output is 640x362, expected 640x360", List.of());
    assertThat(bad.kind()).isEqualTo(FailureKind.BAD_OUTPUT);
    assertThat(bad.reason()).isEqualTo("the output is 640x362, expected 640x360");
  }
}
