package dev.sluice.contract.json;

import static dev.sluice.contract.json.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.contract.domain.DecodeResult;
import dev.sluice.contract.domain.DecodeResult.Decoded;
import dev.sluice.contract.domain.DecodeResult.Rejected;
import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code docs/job-contract.schema.json} and {@code docs/job-contract.md} true to the codec:
 * the same fields, the same required ones, patterns that agree with it on good and bad values, and
 * examples that decode. Maven runs tests in the module directory, hence the relative paths.
 */
class SchemaDriftTest {
  private static final Path SCHEMA = Path.of("../docs/job-contract.schema.json");
  private static final Path DOC = Path.of("../docs/job-contract.md");

  private static JsonNode schema;
  private final JobCodec codec = new JobCodec();

  @BeforeAll
  static void readSchema() throws Exception {
    schema = Bodies.JSON.readTree(Files.readString(SCHEMA));
  }

  @Test
  void isDraft2020AndClosedAtEveryLevel() {
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    for (String object : List.of("", "source", "target")) {
      assertThat(schemaOf(object).path("type").asText()).as(object).isEqualTo("object");
      assertThat(schemaOf(object).path("additionalProperties").isBoolean()).as(object).isTrue();
      assertThat(schemaOf(object).path("additionalProperties").booleanValue()).as(object).isFalse();
    }
  }

  @ParameterizedTest(name = "object ''{0}''")
  @ValueSource(strings = {"", "source", "target"})
  void declaresExactlyTheFieldsTheCodecWrites(String object) throws Exception {
    JsonNode written = Bodies.JSON.readTree(codec.encode(decode(Bodies.VALID)));
    JsonNode members = object.isEmpty() ? written : written.get(object);
    assertThat(names(schemaOf(object).path("properties")))
        .containsExactlyInAnyOrderElementsOf(names(members));
  }

  @ParameterizedTest(name = "object ''{0}''")
  @ValueSource(strings = {"", "source", "target"})
  void requiresExactlyTheFieldsTheCodecRequires(String object) {
    Set<String> requiredByCodec = new LinkedHashSet<>();
    for (String name : names(schemaOf(object).path("properties"))) {
      String path = object.isEmpty() ? name : object + "." + name;
      DecodeResult result = codec.decode(Bodies.without(path));
      if (result instanceof Rejected r && r.field().equals(path) && r.reason().contains("required")) {
        requiredByCodec.add(name);
      } else {
        assertThat(result).as("without " + path).isInstanceOf(Decoded.class);
      }
    }
    List<String> requiredBySchema = new ArrayList<>();
    schemaOf(object).path("required").forEach(n -> requiredBySchema.add(n.asText()));
    assertThat(requiredBySchema).containsExactlyInAnyOrderElementsOf(requiredByCodec);
  }

  @Test
  void pinsTheVersionAndPriorities() {
    assertThat(property("v").path("const").intValue()).isEqualTo(Job.VERSION);
    List<String> priorities = new ArrayList<>();
    property("priority").path("enum").forEach(n -> priorities.add(n.asText()));
    assertThat(priorities).containsExactlyElementsOf(
        Arrays.stream(Priority.values()).map(Priority::wireName).toList());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jobId", "assetId", "tenant", "source.uri", "source.sha256", "variant",
      "recipeDigest", "target.uri", "enqueuedAt"})
  void everyStringFieldHasAnAnchoredPatternThatAcceptsTheValidBody(String path) {
    String pattern = property(path).path("pattern").asText();
    assertThat(pattern).startsWith("^").endsWith("$");
    assertThat(find(path, valueIn(Bodies.valid(), path))).isTrue();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "jobId|0F5C6A1E-3B7D-4C2A-9E8F-1A2B3C4D5E6F",
      "assetId|...",
      "assetId|A.b_c-9",
      "source.uri|s3://b-1.x/vidéo/клип 1.mov",
      "source.uri|s3://abc/a..b/.hidden",
      "target.uri|s3://abc/",
      "target.uri|s3://abc/a/b/",
      "enqueuedAt|2026-11-23T19:00:00.123456789+01:00"})
  void patternsAcceptWhatTheCodecAccepts(String path, String value) {
    assertThat(codec.decode(Bodies.with(path, value))).isInstanceOf(Decoded.class);
    assertThat(find(path, value)).isTrue();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "jobId|1-2-3-4-5",
      "assetId|..",
      "assetId|a/b",
      "assetId|\u0430sset",
      "tenant|acme corp",
      "source.uri|s3://abc/a/../b",
      "source.uri|s3://abc//etc/passwd",
      "source.uri|s3://abc/a//b",
      "source.uri|s3://abc/dir/",
      "source.uri|s3://abc",
      "source.uri|s3://a..b/k",
      "source.uri|s3://abc/a\\b",
      "source.uri|https://abc/k",
      "source.sha256|A813FB7145C4E3496A5FAE47E683D263217FF4CCD96EB2B03A5315F498C2E265",
      "variant|H264",
      "recipeDigest|abc",
      "target.uri|s3://abc/out",
      "target.uri|s3://abc/./",
      "enqueuedAt|2026-11-23T18:00:00",
      "enqueuedAt|2026-11-23 18:00:00Z"})
  void patternsRefuseWhatTheCodecRefuses(String path, String value) {
    assertThat(codec.decode(Bodies.with(path, value))).isInstanceOf(Rejected.class);
    assertThat(find(path, value)).isFalse();
  }

  @Test
  void theSchemaExampleIsTheCanonicalValidBody() throws Exception {
    String example = Bodies.JSON.writeValueAsString(schema.path("examples").get(0));
    assertThat(codec.encode(decode(example))).isEqualTo(Bodies.VALID);
  }

  @Test
  void theFullExampleInTheDocDecodesToTheSameJob() throws Exception {
    String doc = Files.readString(DOC);
    Matcher block = Pattern.compile("## Full example\\s+```json\\n(.*?)```", Pattern.DOTALL)
        .matcher(doc);
    assertThat(block.find()).as("a ```json block under '## Full example'").isTrue();
    assertThat(decode(block.group(1))).isEqualTo(decode(Bodies.VALID));
  }

  private Job decode(String body) {
    DecodeResult result = codec.decode(utf8(body));
    assertThat(result).isInstanceOf(Decoded.class);
    return ((Decoded) result).job();
  }

  /** ECMA-262 pattern semantics: a search, which is why the patterns carry their own anchors. */
  private static boolean find(String path, String value) {
    return Pattern.compile(property(path).path("pattern").asText()).matcher(value).find();
  }

  private static JsonNode schemaOf(String object) {
    return object.isEmpty() ? schema : schema.path("properties").path(object);
  }

  private static JsonNode property(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? schema.path("properties").path(path)
        : schemaOf(path.substring(0, dot)).path("properties").path(path.substring(dot + 1));
  }

  private static String valueIn(JsonNode body, String path) {
    for (String part : path.split("\\.")) {
      body = body.get(part);
    }
    return body.asText();
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
