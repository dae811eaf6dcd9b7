package dev.sluice.contract.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.OutputKeys;

/**
 * Reads the two S3 locations of a job, the source object and the target prefix. These are the
 * fields a hostile producer would use to reach outside its bucket, so each is held to
 * {@link dev.sluice.contract.domain.ObjectKeys} and refused with the rule it broke.
 */
final class ObjectLocations {
  private static final String SCHEME = "s3://";

  private final FieldReader in;

  ObjectLocations(FieldReader in) {
    this.in = in;
  }

  /** {@code source.uri}: an object, never a prefix. */
  ObjectRef source(ObjectNode source) {
    String uri = s3Uri(source, "source.");
    if (uri == null) {
      return null;
    }
    int keyStart = uri.indexOf('/', SCHEME.length()) + 1;
    if (keyStart == 0 || keyStart == uri.length() || uri.endsWith("/")) {
      in.reject("source.uri", "source.uri must name an object, s3://bucket/key with a key not"
          + " ending in '/', but got " + FieldReader.quote(uri) + ".");
      return null;
    }
    return in.parsed("source.uri", uri, u -> ObjectRef.parseS3Uri(u, false));
  }

  /** {@code target.uri}: a prefix ending in '/', with room under it for every output key. */
  ObjectRef target(ObjectNode target, String assetId, String variant) {
    String uri = s3Uri(target, "target.");
    if (uri != null && !uri.endsWith("/")) {
      in.reject("target.uri", "target.uri must be a prefix ending in '/', like"
          + " s3://bucket/renditions/, but got " + FieldReader.quote(uri) + ".");
      return null;
    }
    ObjectRef ref = in.parsed("target.uri", uri, u -> ObjectRef.parseS3Uri(u, true));
    if (ref == null) {
      return null;
    }
    var tooLong = OutputKeys.lengthProblem(ref, assetId, variant);
    tooLong.ifPresent(
        problem -> in.reject("target.uri", "target.uri is too long: " + problem + "."));
    return tooLong.isPresent() ? null : ref;
  }

  private String s3Uri(ObjectNode parent, String prefix) {
    String uri = in.text(parent, prefix, "uri", true);
    if (uri != null && !uri.startsWith(SCHEME)) {
      in.reject(prefix + "uri", prefix + "uri must be an s3:// URI, but got "
          + FieldReader.quote(uri) + ".");
      return null;
    }
    return uri;
  }
}
