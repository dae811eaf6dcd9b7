package dev.sluice.contract.json;

import static dev.sluice.contract.json.Bodies.utf8;
import static dev.sluice.contract.json.Bodies.with;
import static dev.sluice.contract.json.Bodies.withRaw;
import static dev.sluice.contract.json.Bodies.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.sluice.contract.domain.DecodeResult;
import dev.sluice.contract.domain.DecodeResult.Rejected;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each malformed body is refused with the path of the field at fault and a specific reason. */
class JobCodecRejectionTest {
  private final JobCodec codec = new JobCodec();

  static Stream<Arguments> wholeBody() {
    byte[] big = Arrays.copyOf(utf8(Bodies.VALID), 300 * 1024);
    Arrays.fill(big, Bodies.VALID.length(), big.length, (byte) ' ');
    byte[] badUtf8 = utf8(Bodies.VALID.replace("asset-42", "asset-4X"));
    badUtf8[Bodies.VALID.indexOf("asset-4X") + 7] = (byte) 0xC3;
    return Stream.of(
        arguments("empty", new byte[0], "empty"),
        arguments("null bytes", null, "empty"),
        arguments("white space only", utf8(" \n\t "), "no JSON value"),
        arguments("truncated", utf8(Bodies.VALID.substring(0, 40)), "not valid JSON"),
        arguments("single quotes", utf8("{'v':1}"), "not valid JSON"),
        arguments("comment", utf8("/* hi */" + Bodies.VALID), "not valid JSON"),
        arguments("array", utf8("[" + Bodies.VALID + "]"), "must be a JSON object, but it is an array"),
        arguments("JSON null", utf8("null"), "but it is null"),
        arguments("string", utf8("\"job\""), "but it is a string"),
        arguments("300 KiB", big, "over the limit of 262144 bytes"),
        arguments("second object", utf8(Bodies.VALID + "{}"), "content after the JSON object"),
        arguments("trailing garbage", utf8(Bodies.VALID + " x"), "content after the JSON object"),
        arguments("malformed UTF-8", badUtf8, "not valid UTF-8"),
        arguments("overlong UTF-8 slash", overlongSlash(), "not valid UTF-8"),
        arguments("UTF-16", Bodies.VALID.getBytes(StandardCharsets.UTF_16LE), "not valid JSON"),
        arguments("byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            utf8(Bodies.VALID)), "byte order mark"),
        arguments("deep nesting", utf8("[".repeat(5000)), "not valid JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void wholeBody(String name, byte[] body, String fragment) {
    assertRejected(codec.decode(body), "$", fragment);
  }

  static Stream<Arguments> fields() {
    return Stream.of(
        arguments("v=2", with("v", 2), "v", "unsupported contract version 2"),
        arguments("v huge", withRaw("v", "123456789012345678901234567890"), "v", "unsupported contract version"),
        arguments("v as string", with("v", "1"), "v", "must be the JSON integer 1, but it is a string"),
        arguments("v as 1.0", withRaw("v", "1.0"), "v", "fraction"),
        arguments("jobId not a UUID", with("jobId", "job-17"), "jobId", "UUID in 8-4-4-4-12 hex form"),
        arguments("jobId short groups", with("jobId", "1-2-3-4-5"), "jobId", "UUID"),
        arguments("jobId braces", with("jobId", "{0f5c6a1e-3b7d-4c2a-9e8f-1a2b3c4d5e6f}"), "jobId", "UUID"),
        arguments("jobId number", with("jobId", 17), "jobId", "must be a JSON string, but it is an integer"),
        arguments("assetId slash", with("assetId", "a/b"), "assetId", "1 to 128 of the characters"),
        arguments("assetId dot-dot", with("assetId", ".."), "assetId", "must not be '.' or '..'"),
        arguments("assetId dot", with("assetId", "."), "assetId", "must not be '.' or '..'"),
        arguments("assetId Cyrillic a", with("assetId", "\u0430sset-42"), "assetId", "1 to 128"),
        arguments("assetId zero-width space", with("assetId", "asset\u200B42"), "assetId", "\\u200b"),
        arguments("assetId empty", with("assetId", ""), "assetId", "1 to 128"),
        arguments("assetId 129 chars", with("assetId", "a".repeat(129)), "assetId", "1 to 128"),
        arguments("tenant space", with("tenant", "acme corp"), "tenant", "1 to 128"),
        arguments("tenant null", withRaw("tenant", "null"), "tenant", "must be a JSON string, but it is null"),
        arguments("tenant newline", with("tenant", "acme\n"), "tenant", "\\u000a"),
        arguments("source as string", with("source", "s3://a/b"), "source", "must be a JSON object"),
        arguments("source.uri https", with("source.uri", "https://bucket/key"), "source.uri", "s3:// URI"),
        arguments("source.uri no key", with("source.uri", "s3://sluice-ingest"), "source.uri", "must name an object"),
        arguments("source.uri prefix", with("source.uri", "s3://sluice-ingest/dir/"), "source.uri", "must name an object"),
        arguments("source.uri dot-dot", with("source.uri", "s3://sluice-ingest/a/../b"), "source.uri", "'..' path segment"),
        arguments("source.uri dot", with("source.uri", "s3://sluice-ingest/./b"), "source.uri", "'..' path segment"),
        arguments("source.uri leading slash", with("source.uri", "s3://sluice-ingest//etc/passwd"), "source.uri", "must not start with '/'"),
        arguments("source.uri double slash", with("source.uri", "s3://sluice-ingest/a//b"), "source.uri", "empty path segment"),
        arguments("source.uri control", with("source.uri", "s3://sluice-ingest/a\u0007b"), "source.uri", "control"),
        arguments("source.uri backslash", with("source.uri", "s3://sluice-ingest/a\\..\\b"), "source.uri", "backslash"),
        arguments("source.uri bidi override", with("source.uri", "s3://sluice-ingest/a\u202Evom.exe"), "source.uri", "format"),
        arguments("source.uri tag character", with("source.uri", "s3://sluice-ingest/a\uDB40\uDC41"), "source.uri", "format"),
        arguments("source.uri lone surrogate", withRaw("source.uri", "\"s3://sluice-ingest/a\\ud800\""), "source.uri", "unpaired"),
        arguments("source.uri bad bucket", with("source.uri", "s3://Sluice_Ingest/a"), "source.uri", "not a valid S3 bucket name"),
        arguments("source.sha256 uppercase", with("source.sha256", Bodies.SOURCE_SHA.toUpperCase()), "source.sha256", "64 lowercase hex"),
        arguments("source.sha256 short", with("source.sha256", "abc123"), "source.sha256", "64 lowercase hex"),
        arguments("source.sha256 non-hex", with("source.sha256", "g".repeat(64)), "source.sha256", "64 lowercase hex"),
        arguments("source.size negative", with("source.size", -1), "source.size", "must not be negative"),
        arguments("source.size float", withRaw("source.size", "1.5"), "source.size", "fraction"),
        arguments("source.size exponent", withRaw("source.size", "1e3"), "source.size", "fraction or exponent"),
        arguments("source.size string", with("source.size", "100"), "source.size", "but it is a string"),
        arguments("source.size over Long.MAX", withRaw("source.size", "9223372036854775808"), "source.size", "larger than"),
        arguments("variant uppercase", with("variant", "H264-720p"), "variant", "preset name"),
        arguments("variant with dot", with("variant", "h264.720p"), "variant", "preset name"),
        arguments("recipeDigest short", with("recipeDigest", "fff10ea7"), "recipeDigest", "64 lowercase hex"),
        arguments("target as array", withRaw("target", "[]"), "target", "must be a JSON object, but it is an array"),
        arguments("target.uri no slash", with("target.uri", "s3://sluice-renditions/acme"), "target.uri", "ending in '/'"),
        arguments("target.uri no key", with("target.uri", "s3://sluice-renditions"), "target.uri", "ending in '/'"),
        arguments("target.uri dot-dot", with("target.uri", "s3://sluice-renditions/acme/../"), "target.uri", "'..' path segment"),
        arguments("target.uri too long", with("target.uri", "s3://sluice-renditions/" + "p/".repeat(490)), "target.uri", "too long"),
        arguments("priority urgent", with("priority", "urgent"), "priority", "one of high, normal, low"),
        arguments("priority uppercase", with("priority", "HIGH"), "priority", "one of high, normal, low"),
        arguments("priority number", with("priority", 1), "priority", "JSON string"),
        arguments("enqueuedAt no offset", with("enqueuedAt", "2026-11-23T18:00:00"), "enqueuedAt", "RFC 3339"),
        arguments("enqueuedAt no seconds", with("enqueuedAt", "2026-11-23T18:00Z"), "enqueuedAt", "RFC 3339"),
        arguments("enqueuedAt garbage", with("enqueuedAt", "yesterday"), "enqueuedAt", "RFC 3339"),
        arguments("enqueuedAt lowercase t", with("enqueuedAt", "2026-11-23t18:00:00z"), "enqueuedAt", "RFC 3339"),
        arguments("enqueuedAt epoch number", with("enqueuedAt", 1_795_456_800), "enqueuedAt", "JSON string"),
        arguments("enqueuedAt 30 February", with("enqueuedAt", "2026-02-30T00:00:00Z"), "enqueuedAt", "not acceptable"),
        arguments("enqueuedAt offset 25h", with("enqueuedAt", "2026-11-23T18:00:00+25:00"), "enqueuedAt", "not acceptable"),
        arguments("enqueuedAt before year 0 in UTC", with("enqueuedAt", "0000-01-01T00:30:00+01:00"), "enqueuedAt", "years 0000 to 9999"),
        arguments("unknown top-level", with("colour", "blue"), "colour", "not a field of job contract version 1"),
        arguments("unknown in source", with("source.etag", "x"), "source.etag", "not a field"),
        arguments("unknown in target", with("target.region", "eu-west-1"), "target.region", "not a field"),
        arguments("unknown name escaped", with("a\nb", 1), "a\\u000ab", "not a field"),
        arguments("duplicate top-level", utf8(Bodies.VALID.replace("\"assetId\":\"asset-42\",",
            "\"assetId\":\"asset-42\",\"assetId\":\"other\",")), "assetId", "appears more than once"),
        arguments("duplicate nested", utf8(Bodies.VALID.replace("\"size\":73400320",
            "\"size\":73400320,\"sha256\":\"x\"")), "source.sha256", "appears more than once"),
        arguments("v=2 with new fields", v2WithNewField(), "v", "unsupported contract version 2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void fields(String name, byte[] body, String field, String fragment) {
    assertRejected(codec.decode(body), field, fragment);
  }

  @ParameterizedTest(name = "missing {0}")
  @ValueSource(strings = {"v", "jobId", "assetId", "source", "source.uri", "source.sha256",
      "source.size", "variant", "recipeDigest", "target", "target.uri", "enqueuedAt"})
  void missingRequiredField(String path) {
    assertRejected(codec.decode(without(path)), path, path + " is required");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void reportsOnlyTheFirstFaultInContractOrder(String name, byte[] body, String field,
      String fragment) {
    // A later fault must not mask an earlier one: break enqueuedAt too, the answer stays the same.
    if (field.equals("enqueuedAt") || field.startsWith("$")) {
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8).replace("2026-11-23T18:00:00Z", "later");
    DecodeResult again = codec.decode(utf8(text));
    assertThat(again).isInstanceOf(Rejected.class);
    assertThat(((Rejected) again).field()).isEqualTo(field);
  }

  private static void assertRejected(DecodeResult result, String field, String fragment) {
    assertThat(result).isInstanceOf(Rejected.class);
    Rejected rejected = (Rejected) result;
    assertThat(rejected.field()).isEqualTo(field);
    assertThat(rejected.reason()).containsIgnoringCase(fragment).endsWith(".").hasSizeGreaterThan(20);
  }

  private static byte[] v2WithNewField() {
    return utf8(Bodies.VALID.replace("\"v\":1,", "\"v\":2,\"deadline\":\"2026-11-24T00:00:00Z\","));
  }

  /** {@code 0xC0 0xAF} spells '/' in an overlong form a lax decoder would let through. */
  private static byte[] overlongSlash() {
    byte[] body = utf8(Bodies.VALID.replace("uploads/2026", "uploads_2026"));
    int at = Bodies.VALID.indexOf("uploads/2026") + "uploads".length();
    byte[] out = new byte[body.length + 1];
    System.arraycopy(body, 0, out, 0, at);
    out[at] = (byte) 0xC0;
    out[at + 1] = (byte) 0xAF;
    System.arraycopy(body, at + 1, out, at + 2, body.length - at - 1);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
