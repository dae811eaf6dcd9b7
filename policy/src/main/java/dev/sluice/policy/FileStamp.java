package dev.sluice.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * What a cheap stat says about the rules file, so a reload re-reads and re-hashes only when the
 * file may have changed. The file key (an inode, where the platform has one) catches a file
 * replaced by rename, as configuration mounts do, even when size and time happen to match.
 */
record FileStamp(long size, FileTime lastModified, Object fileKey) {

  /** The stamp of the file {@code path} leads to, or empty when it cannot be stat'ed. */
  static Optional<FileStamp> of(Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return Optional.of(
          new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
