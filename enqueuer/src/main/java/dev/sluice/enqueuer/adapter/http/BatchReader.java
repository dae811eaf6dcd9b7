package dev.sluice.enqueuer.adapter.http;

import static dev.sluice.enqueuer.domain.RequestProblem.RULE_MAX_ITEMS;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_MIN_ITEMS;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_REQUIRED;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.enqueuer.domain.RawJobRequest;
import dev.sluice.enqueuer.domain.RequestProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code {"jobs": [ ... ]}}: one to {@link #MAX_ENTRIES} job requests. A body that is not
 * that shape is refused whole; an entry that is not a valid request is refused alone, so one bad
 * entry never costs the others their place in the queue.
 */
final class BatchReader {
  static final int MAX_ENTRIES = 100;

  /** One entry as read: a request, or the shape problem that stopped it. */
  record Entry(RawJobRequest request, RequestProblem problem) {}

  private final RequestReader reader;

  BatchReader(RequestReader reader) {
    this.reader = reader;
  }

  List<Entry> entries(byte[] body) throws RequestReader.Malformed {
    JsonNode root = reader.tree(body);
    RequestReader.object(root, "$", "the body");
    RequestReader.known(root, "", Set.of("jobs"));
    JsonNode jobs = root.get("jobs");
    if (jobs == null || jobs.isNull()) {
      throw new RequestReader.Malformed("jobs", RULE_REQUIRED, "jobs is required: an array of 1 to "
          + MAX_ENTRIES + " job requests.");
    }
    if (!jobs.isArray()) {
      throw new RequestReader.Malformed("jobs", RULE_TYPE, "jobs must be a JSON array, but it is "
          + RequestReader.describe(jobs) + ".");
    }
    if (jobs.isEmpty() || jobs.size() > MAX_ENTRIES) {
      throw new RequestReader.Malformed("jobs", jobs.isEmpty() ? RULE_MIN_ITEMS : RULE_MAX_ITEMS,
          "jobs must hold 1 to " + MAX_ENTRIES + " requests, but holds " + jobs.size() + ".");
    }
    List<Entry> out = new ArrayList<>(jobs.size());
    for (JsonNode job : jobs) {
      try {
        out.add(new Entry(reader.job(job), null));
      } catch (RequestReader.Malformed e) {
        out.add(new Entry(null, e.problem));
      }
    }
    return out;
  }
}
