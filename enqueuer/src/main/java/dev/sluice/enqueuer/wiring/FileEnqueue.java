package dev.sluice.enqueuer.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.enqueuer.adapter.http.ApiResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sluice enqueue --file jobs.jsonl}: sends the file's requests as batches of up to a
 * hundred, shows progress, and ends with a summary and every refusal with its line number. The
 * exit code is 0 only when every request was admitted.
 */
final class FileEnqueue {
  static final int BATCH = 100;

  private final ObjectMapper mapper = new ObjectMapper();
  private final PatientPost api;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final List<String> refusals = new ArrayList<>();
  private final Set<String> traces = new LinkedHashSet<>();
  private int accepted;
  private int jobs;
  private int deduplicated;

  FileEnqueue(PatientPost api, PrintWriter out, PrintWriter err, boolean terminal) {
    this.api = api;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  int run(Path file) throws IOException, InterruptedException {
    long started = System.nanoTime();
    List<JobsFile.Line> lines = new JobsFile().read(file);
    List<JobsFile.Line> requests = new ArrayList<>();
    for (JobsFile.Line line : lines) {
      if (line.problem() != null) {
        refusals.add("line " + line.number() + ": " + line.problem());
      } else {
        requests.add(line);
      }
    }
    ProgressLine progress = new ProgressLine(err, lines.size(), terminal);
    for (int from = 0; from < requests.size(); from += BATCH) {
      send(requests.subList(from, Math.min(from + BATCH, requests.size())));
      progress.update(refusals.size() + accepted, accepted, refusals.size());
    }
    if (requests.isEmpty()) {
      progress.update(lines.size(), 0, refusals.size());
    }
    summary(file, lines.size(), (System.nanoTime() - started) / 1_000_000);
    return refusals.isEmpty() ? 0 : 1;
  }

  private void send(List<JobsFile.Line> chunk) throws IOException, InterruptedException {
    ObjectNode body = mapper.createObjectNode();
    chunk.forEach(line -> body.withArray("jobs").add(line.request()));
    ApiResponse response = api.post(ApiTransport.BATCH, mapper.writeValueAsBytes(body));
    if (response.body().hasNonNull("traceId")) {
      traces.add(response.body().get("traceId").asText());
    }
    if (response.status() != 200) {
      String why = AnswerPrinter.describe(response.status(), response.body());
      chunk.forEach(line -> refusals.add("line " + line.number() + ": " + why));
      return;
    }
    for (JsonNode result : response.body().path("results")) {
      JobsFile.Line line = chunk.get(result.path("index").asInt());
      int status = result.path("status").asInt();
      if (status == 200 || status == 202) {
        accepted++;
        result.path("jobs").forEach(job -> {
          jobs++;
          deduplicated += job.path("deduplicated").asBoolean() ? 1 : 0;
        });
      } else {
        refusals.add("line " + line.number() + ": " + AnswerPrinter.describe(status, result));
      }
    }
  }

  private void summary(Path file, int total, long millis) {
    out.println(total + " requests from " + file + ": " + accepted + " accepted (" + jobs + " jobs, "
        + deduplicated + " of them deduplicated), " + refusals.size() + " refused, in " + millis + " ms");
    refusals.forEach(r -> out.println("  " + r));
    traces.forEach(t -> out.println("trace " + t));
    out.flush();
  }
}
