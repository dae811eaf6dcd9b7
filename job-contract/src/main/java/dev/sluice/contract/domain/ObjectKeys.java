package dev.sluice.contract.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every bucket name and object key must pass before Sluice reads or writes it.
 * Keys are checked by construction (see {@link ObjectRef}) so a hostile job cannot name a path
 * that escapes its prefix once a store maps keys onto a file system or a URL.
 */
public final class ObjectKeys {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  static final int MAX_KEY_BYTES = 1024;

  private ObjectKeys() {}

  /** Why {@code bucket} is not a valid S3 bucket name, or empty when it is. */
  public static Optional<String> bucketProblem(String bucket) {
    if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
      return Optional.of("bucket name '" + printable(bucket)
          + "' is not a valid S3 bucket name (3-63 of a-z 0-9 . -)");
    }
    return Optional.empty();
  }

  /** Why {@code key} is not an acceptable object key, or empty when it is. */
  public static Optional<String> keyProblem(String key) {
    if (key == null) {
      return Optional.of("key is missing");
    }
    if (key.startsWith("/")) {
      return Optional.of("key must not start with '/'");
    }
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      return Optional.of("key is longer than " + MAX_KEY_BYTES + " bytes");
    }
    // Walk code points, not chars: a format character outside the BMP (a Unicode tag, U+E0001)
    // arrives as two surrogate chars and would pass a char-by-char test, and an unpaired
    // surrogate (which a JSON string escape can produce) has no UTF-8 form, so S3 would store
    // a different key from the one we checked.
    for (int i = 0; i < key.length(); i += Character.charCount(key.codePointAt(i))) {
      int cp = key.codePointAt(i);
      int type = Character.getType(cp);
      if (Character.isISOControl(cp) || cp == '\\' || type == Character.FORMAT) {
        return Optional.of("key contains a control, format or backslash character at index " + i);
      }
      if (type == Character.SURROGATE) {
        return Optional.of("key contains an unpaired UTF-16 surrogate at index " + i);
      }
    }
    for (String segment : key.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return Optional.of("key must not contain a '.' or '..' path segment");
      }
    }
    if (key.contains("//")) {
      return Optional.of("key must not contain an empty path segment ('//')");
    }
    return Optional.empty();
  }

  private static String printable(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    s.codePoints().limit(80).forEach(cp -> {
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }
}
