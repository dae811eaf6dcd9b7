package dev.sluice.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Small valid rules files for the adapter tests, and a writer that pins the file's time. */
final class RulesText {

  /**
   * Admits {@code s3://media-in/up/...} to {@code s3://media-out/r/...}, variant thumb, sources
   * up to 1000 bytes.
   */
  static final String YAML = """
      version: 1
      allow:
        sources: [s3://media-in/up/]
        targets: [s3://media-out/r/]
      deny:
        assetIds: []
        tenants: []
        sourcePrefixes: []
      variants:
        "*": [thumb]
      maxSourceBytes: 1000
      media:
        maxDurationSeconds: 60
        maxPixels: 100000
        maxFramesPerSecond: 30
        allowedCodecs: []
      """;

  private RulesText() {}

  /** {@link #YAML} with one line replaced, for a file that differs in exactly one place. */
  static String yamlWith(String line, String replacement) {
    if (!YAML.contains(line)) {
      throw new IllegalArgumentException("fixture has no line " + line);
    }
    return YAML.replace(line, replacement);
  }

  /**
   * Writes {@code text} and sets the file's time explicitly, so a test never depends on how finely
   * the file system records modification times.
   */
  static Path write(Path file, String text, Instant modified) {
    try {
      Files.writeString(file, text);
      Files.setLastModifiedTime(file, FileTime.from(modified));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
