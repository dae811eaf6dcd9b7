package dev.sluice.worker.adapter.ffmpeg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The first few and the last several lines a child wrote to stderr, each cut to a bounded length.
 * FFmpeg names the root cause early ("Picture size ... exceeds max pixel count") and its final
 * verdict last ("Nothing was written into output file"); keeping both ends, and nothing between,
 * bounds memory however much a hostile input makes it complain.
 */
final class StderrExcerpt {
  private static final int MAX_LINE = 400;

  private final int headLines;
  private final int tailLines;
  private final List<String> head = new ArrayList<>();
  private final ArrayDeque<String> tail = new ArrayDeque<>();
  private long skipped;

  StderrExcerpt(int headLines, int tailLines) {
    this.headLines = headLines;
    this.tailLines = tailLines;
  }

  synchronized void add(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return;
    }
    String kept = trimmed.length() > MAX_LINE ? trimmed.substring(0, MAX_LINE) + "…" : trimmed;
    if (head.size() < headLines) {
      head.add(kept);
      return;
    }
    if (tail.size() == tailLines) {
      tail.removeFirst();
      skipped++;
    }
    tail.addLast(kept);
  }

  /** The kept lines in order, with a marker where lines were left out. */
  synchronized List<String> lines() {
    List<String> lines = new ArrayList<>(head);
    if (skipped > 0) {
      lines.add("(" + skipped + " lines left out)");
    }
    lines.addAll(tail);
    return List.copyOf(lines);
  }
}
