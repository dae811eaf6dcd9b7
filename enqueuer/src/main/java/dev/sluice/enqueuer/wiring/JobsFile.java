package dev.sluice.enqueuer.wiring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Lines file of job requests, one {@code POST /v1/jobs} body per line; blank lines and
 * lines starting with {@code #} are skipped. A line that is not a JSON object is kept as a local
 * refusal with its line number, so one typo does not stop the rest.
 */
final class JobsFile {
  /** One line: its number, and either the request or why it is not one. */
  record Line(int number, JsonNode request, String problem) {}

  private final ObjectMapper mapper = new ObjectMapper();

  List<Line> read(Path file) throws IOException {
    List<Line> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      try {
        JsonNode node = mapper.readTree(text);
        out.add(node != null && node.isObject() ? new Line(i + 1, node, null)
            : new Line(i + 1, null, "not a JSON object"));
      } catch (JsonProcessingException e) {
        out.add(new Line(i + 1, null, "not valid JSON: " + e.getOriginalMessage()));
      }
    }
    return out;
  }
}
