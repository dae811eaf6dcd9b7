package dev.sluice.localstack.demo;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.localstack.EmbeddedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Lays out the demo's world on an embedded stack: a job queue with its DLQ and redrive policy, a
 * source and an output bucket, the sample sources, and a policy file that allows them.
 */
final class DemoStack {
  static final String SOURCE_BUCKET = "sluice-sources";
  static final String OUTPUT_BUCKET = "sluice-renditions";
  static final String STATE_BUCKET = "sluice-enqueuer-state";
  static final Duration VISIBILITY = Duration.ofSeconds(30);
  static final int MAX_RECEIVES = 5;

  record Layout(EmbeddedStack.QueuePair queues, SourceRef clip, SourceRef banned, Path policyFile) {}

  private DemoStack() {}

  static Layout lay(EmbeddedStack stack, Path dir, Path clipFile) throws IOException {
    EmbeddedStack.QueuePair queues = stack.createQueueWithDlq("sluice-jobs", MAX_RECEIVES, VISIBILITY);
    stack.createBucket(SOURCE_BUCKET);
    stack.createBucket(OUTPUT_BUCKET);
    stack.createBucket(STATE_BUCKET);
    SourceRef clip = upload(stack, "uploads/demo-clip.mp4", SampleClip.read(clipFile));
    SourceRef banned = upload(stack, "uploads/banned-asset.mp4", SampleClip.opaque(256 * 1024, 2));
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, policyText());
    return new Layout(queues, clip, banned, policy);
  }

  private static SourceRef upload(EmbeddedStack stack, String key, byte[] bytes) {
    stack.s3().putObject(b -> b.bucket(SOURCE_BUCKET).key(key).contentType("video/mp4"),
        RequestBody.fromBytes(bytes));
    return new SourceRef(new ObjectRef(SOURCE_BUCKET, key), sha256(bytes), bytes.length);
  }

  private static String policyText() {
    return """
        # The demo's rules: what `sluice demo` admits and what it refuses.
        version: 1
        allow:
          sources: ["s3://%s/uploads/"]
          targets: ["s3://%s/renditions/"]
        deny:
          assetIds: ["banned-asset"]
          tenants: []
          sourcePrefixes: []
        variants:
          "*": ["h264-1080p", "h264-720p", "h264-480p", "h264-360p", "aac-128k", "thumb-jpeg",
                "gif-preview", "hls-720p"]
        maxSourceBytes: 1073741824
        media:
          maxDurationSeconds: 3600
          maxPixels: 8294400
          maxFramesPerSecond: 60
          allowedCodecs: []
        """.formatted(SOURCE_BUCKET, OUTPUT_BUCKET);
  }

  static Sha256 sha256(byte[] bytes) {
    try {
      return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
