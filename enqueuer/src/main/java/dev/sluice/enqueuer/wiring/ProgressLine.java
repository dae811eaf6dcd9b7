package dev.sluice.enqueuer.wiring;

import java.io.PrintWriter;

/**
 * A plain-text progress bar for {@code sluice enqueue --file}. On a terminal it redraws one line;
 * anywhere else (a CI log, a pipe) it prints a new line per update, so the output stays readable
 * and never fills a log with carriage returns.
 */
final class ProgressLine {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final int total;
  private final boolean terminal;

  ProgressLine(PrintWriter out, int total, boolean terminal) {
    this.out = out;
    this.total = total;
    this.terminal = terminal;
  }

  void update(int done, int accepted, int refused) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    String line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total
        + " requests, " + accepted + " accepted, " + refused + " refused";
    if (terminal) {
      out.print("\r" + line);
      if (done == total) {
        out.println();
      }
    } else {
      out.println(line);
    }
    out.flush();
  }
}
