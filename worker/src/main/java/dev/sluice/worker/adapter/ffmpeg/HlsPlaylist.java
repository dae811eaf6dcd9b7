package dev.sluice.worker.adapter.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an HLS rendition as the publisher will lay it out: the playlist at {@code <stem>.m3u8}
 * names each segment as {@code <stem>/segNNN.ts}, every named segment exists, and no file in the
 * segment folder is left unnamed — so a player finds every segment relative to the playlist key.
 */
final class HlsPlaylist {
  private static final Pattern SEGMENT = Pattern.compile("seg[0-9]{3,6}\\.ts");

  private HlsPlaylist() {}

  /** What is wrong with the playlist and its segment folder, or empty. */
  static Optional<String> problem(Path playlist, Path segmentDir) {
    try (var listing = Files.list(segmentDir)) {
      Set<String> files = listing.map(f -> f.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
      return problem(Files.readAllLines(playlist), segmentDir.getFileName() + "/", files);
    } catch (IOException e) {
      return Optional.of("the HLS output cannot be read: " + e.getMessage());
    }
  }

  private static Optional<String> problem(List<String> lines, String prefix, Set<String> files) {
    if (!lines.contains("#EXT-X-ENDLIST")) {
      return Optional.of("the playlist has no #EXT-X-ENDLIST: it is not a complete VOD playlist");
    }
    Set<String> named = new TreeSet<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String name = line.startsWith(prefix) ? line.substring(prefix.length()) : "";
      if (!SEGMENT.matcher(name).matches() || !files.contains(name)) {
        return Optional.of("the playlist names '" + line + "', which is not a segment in "
            + prefix);
      }
      named.add(name);
    }
    if (named.isEmpty() || !named.equals(files)) {
      return Optional.of("the playlist names segments " + named + " but the folder holds " + files);
    }
    return Optional.empty();
  }

  /** The segment file names in playlist order. */
  static List<String> segments(Path playlist, Path segmentDir) throws IOException {
    String prefix = segmentDir.getFileName() + "/";
    return Files.readAllLines(playlist).stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()))
        .toList();
  }
}
