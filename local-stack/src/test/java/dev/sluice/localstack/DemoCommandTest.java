package dev.sluice.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.localstack.demo.DemoCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's first command, run as a test so it cannot rot: every demo job ends as expected. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  @Timeout(240)
  void demoRunsEndToEndAndExitsZero() {
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new DemoCommand()).execute("--dir", dir.toString());
    } finally {
      System.setOut(saved);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("Every job ended as expected.")
        .contains("Dropped/TAMPERED").contains("Dropped/DENIED").contains("Dropped/MALFORMED")
        .contains("Succeeded (DUPLICATE)");
    assertThat(exit).as(out).isZero();
  }
}
