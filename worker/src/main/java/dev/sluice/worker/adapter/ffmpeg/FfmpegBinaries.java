package dev.sluice.worker.adapter.ffmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.ffmpeg;
import org.bytedeco.ffmpeg.ffprobe;
import org.bytedeco.javacpp.Loader;

/**
 * Where the {@code ffmpeg} and {@code ffprobe} executables bundled in Bytedeco's jar are, and how
 * to start them. The bundled binaries link libraries that sit beside them, so every child gets
 * {@code LD_LIBRARY_PATH} with that folder first; nothing here ever goes through a shell. Running
 * FFmpeg as a child process keeps a native crash on hostile input out of the worker JVM.
 */
public final class FfmpegBinaries {
  private static final long VERSION_CHECK_SECONDS = 20;

  private final Path ffmpeg;
  private final Path ffprobe;

  public FfmpegBinaries(Path ffmpeg, Path ffprobe) {
    this.ffmpeg = ffmpeg.toAbsolutePath();
    this.ffprobe = ffprobe.toAbsolutePath();
  }

  /**
   * The executables from the {@code org.bytedeco:ffmpeg} jar on the classpath, extracted to the
   * JavaCPP cache on first use (about a second).
   *
   * @throws IllegalStateException if the platform jar is missing or extraction fails
   */
  public static FfmpegBinaries bundled() {
    try {
      return new FfmpegBinaries(Path.of(Loader.load(ffmpeg.class)),
          Path.of(Loader.load(ffprobe.class)));
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalStateException("the bundled FFmpeg could not be loaded: "
          + advice(String.valueOf(e.getMessage())) + "(is the org.bytedeco:ffmpeg "
          + "linux-x86_64-gpl jar on the classpath?) " + e, e);
    }
  }

  public Path ffmpegPath() {
    return ffmpeg;
  }

  public Path ffprobePath() {
    return ffprobe;
  }

  /** A process builder for {@code ffmpeg args...}, with the library path set. */
  public ProcessBuilder ffmpeg(List<String> args) {
    return builder(ffmpeg, args);
  }

  /** A process builder for {@code ffprobe args...}, with the library path set. */
  public ProcessBuilder ffprobe(List<String> args) {
    return builder(ffprobe, args);
  }

  /**
   * The boot check: both executables start and print their version. A worker that cannot run
   * FFmpeg must die at start with the cause named, not drop every job as unreadable.
   *
   * @throws IllegalStateException naming the executable and what to install or fix
   */
  public void verify() {
    check(ffmpeg(List.of("-hide_banner", "-version")), ffmpeg);
    check(ffprobe(List.of("-hide_banner", "-version")), ffprobe);
  }

  private ProcessBuilder builder(Path executable, List<String> args) {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add(executable.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    String libraries = executable.getParent().toString();
    String inherited = env.get("LD_LIBRARY_PATH");
    env.put("LD_LIBRARY_PATH", inherited == null || inherited.isBlank()
        ? libraries : libraries + ":" + inherited);
    return pb;
  }

  private static void check(ProcessBuilder pb, Path executable) {
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException(executable + " is missing or not executable");
    }
    String output;
    int exit;
    try {
      Process process = pb.redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(VERSION_CHECK_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(executable + " -version did not finish in "
            + VERSION_CHECK_SECONDS + " s");
      }
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      exit = process.exitValue();
    } catch (IOException e) {
      throw new IllegalStateException(executable + " could not be started: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + executable, e);
    }
    if (exit != 0 || !output.contains("version")) {
      throw new IllegalStateException(executable.getFileName() + " -version failed (exit " + exit
          + "): " + advice(output) + output.strip());
    }
  }

  /** The usual cause of a failed start, in words an operator can act on. */
  static String advice(String output) {
    if (output.contains("libpulse")) {
      return "the system library libpulse is missing: install libpulse0 "
          + "(apt-get install -y libpulse0). ";
    }
    if (output.contains("error while loading shared libraries")) {
      return "a shared library is missing (install the package that provides it). ";
    }
    return "";
  }
}
