package dev.sluice.worker.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private directory for one job's temporary files (fetched source, transcoder output). Closing
 * it deletes everything inside, whatever the outcome, so a busy worker does not fill its disk.
 */
public final class JobWorkspace implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobWorkspace.class);

  private final Path dir;

  private JobWorkspace(Path dir) {
    this.dir = dir;
  }

  public static JobWorkspace create(Path baseDir, String name) throws IOException {
    Files.createDirectories(baseDir);
    return new JobWorkspace(Files.createTempDirectory(baseDir, safe(name) + "-"));
  }

  public Path dir() {
    return dir;
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  @Override
  public void close() {
    try {
      if (Files.exists(dir)) {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
      }
    } catch (IOException | UncheckedIOException e) {
      log.error("Could not delete job work dir {}: {}", dir, e.toString());
    }
  }

  private static String safe(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
  }
}
