package dev.sluice.contract.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.contract.domain.DecodeResult;
import dev.sluice.contract.domain.Job;
import java.time.format.DateTimeFormatter;

/**
 * The wire form of a {@link Job}: version 1 of the contract in {@code docs/job-contract.md}.
 * Decoding is strict and total. Any byte array gives a {@link DecodeResult}, never an exception,
 * because the caller is a queue consumer and a poison message must become a rejection it can
 * dead-letter, not a crash that redelivers it forever. Encoding gives the one canonical spelling,
 * so producers in any language can compare bodies byte for byte. Instances are thread-safe.
 */
public final class JobCodec {
  /** The largest body accepted, in bytes: the classic SQS message limit. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private final ObjectMapper mapper;
  private final BodyParser parser;

  public JobCodec() {
    JsonFactory factory = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = new ObjectMapper(factory);
    this.parser = new BodyParser(mapper);
  }

  /** The job in {@code body}, or the first contract rule it breaks, with that field's path. */
  public DecodeResult decode(byte[] body) {
    FieldReader in = new FieldReader();
    ObjectNode root = parser.parse(body, in);
    if (root == null) {
      return in.rejection();
    }
    try {
      return new JobReader(in).read(root);
    } catch (IllegalArgumentException e) {
      // Every field rule is checked above with its path; this only catches a rule added to Job
      // later and not yet mirrored here, so that it still rejects rather than throws.
      return new DecodeResult.Rejected("$", "The job is not valid: " + e.getMessage() + ".");
    }
  }

  /** The canonical body: fields in contract order, compact, optional fields omitted when absent. */
  public String encode(Job job) {
    ObjectNode body = mapper.createObjectNode();
    body.put("v", Job.VERSION);
    body.put("jobId", job.jobId().toString());
    body.put("assetId", job.assetId());
    job.tenant().ifPresent(tenant -> body.put("tenant", tenant));
    ObjectNode source = body.putObject("source");
    source.put("uri", job.source().uri().toUri());
    source.put("sha256", job.source().sha256().hex());
    source.put("size", job.source().size());
    body.put("variant", job.variant());
    body.put("recipeDigest", job.recipeDigest().hex());
    body.putObject("target").put("uri", job.target().toUri());
    body.put("priority", job.priority().wireName());
    body.put("enqueuedAt", DateTimeFormatter.ISO_INSTANT.format(job.enqueuedAt()));
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers failed to serialise", e);
    }
  }
}
