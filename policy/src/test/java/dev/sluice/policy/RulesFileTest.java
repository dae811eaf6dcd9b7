package dev.sluice.policy;

import static dev.sluice.policy.RulesText.YAML;
import static dev.sluice.policy.RulesText.yamlWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.sluice.policy.domain.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {

  @TempDir Path dir;

  private static RulesFile.Result parseYaml(String text) {
    return new RulesFile(Path.of("rules.yaml")).parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static RulesFile.Result parseJson(String text) {
    return new RulesFile(Path.of("rules.json")).parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String problem(RulesFile.Result result) {
    assertThat(result).isInstanceOf(RulesFile.Invalid.class);
    return ((RulesFile.Invalid) result).problem();
  }

  @Test
  void theShippedExamplesLoadAndSayTheSameInBothFormats() {
    Rules yaml = new RulesFile(Path.of("examples/rules.yaml")).read().orElseThrow().rules();
    Rules json = new RulesFile(Path.of("examples/rules.json")).read().orElseThrow().rules();

    assertThat(yaml).isEqualTo(json);
    assertThat(yaml.allowsVariant("acme", "hls-720p")).isTrue();
    assertThat(yaml.media().allowedCodecs()).contains("h264");
  }

  @Test
  void theReadmeShowsTheShippedExamplesWordForWord() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    assertThat(readme)
        .contains("```yaml\n" + Files.readString(Path.of("examples/rules.yaml")) + "```")
        .contains("```json\n" + Files.readString(Path.of("examples/rules.json")) + "```");
  }

  @Test
  void theRevisionIsTheStartOfTheSha256OfTheBytes() {
    // SHA-256 of no bytes is e3b0c44298fc1c14...; the revision is its first 12 hex characters.
    assertThat(RulesFile.revisionOf(new byte[0])).isEqualTo("e3b0c44298fc");
    assertThat(parseYaml(YAML).orElseThrow().revision())
        .isEqualTo(RulesFile.revisionOf(YAML.getBytes(StandardCharsets.UTF_8)))
        .matches("[0-9a-f]{12}");
  }

  @Test
  void theRevisionChangesWithAnyByteAndIsStableOtherwise() {
    String first = parseYaml(YAML).orElseThrow().revision();

    assertThat(parseYaml(YAML).orElseThrow().revision()).isEqualTo(first);
    assertThat(parseYaml(YAML + "# a comment\n").orElseThrow().revision()).isNotEqualTo(first);
  }

  @Test
  void anUnknownKeyIsRejectedByItsPath() {
    assertThat(problem(parseYaml(YAML + "maxSourceByte: 5\n")))
        .contains("unknown key 'maxSourceByte'")
        .contains("maxSourceBytes");
    assertThat(problem(parseYaml(yamlWith("  maxPixels: 100000", "  maxPixel: 100000"))))
        .contains("unknown key 'media.maxPixel'");
  }

  @Test
  void aMissingKeyIsRejectedByItsPath() {
    assertThat(problem(parseYaml(yamlWith("  maxPixels: 100000\n", ""))))
        .contains("key 'media.maxPixels' is missing");
    assertThat(problem(parseYaml(yamlWith("maxSourceBytes: 1000\n", ""))))
        .contains("key 'maxSourceBytes' is missing");
  }

  @Test
  void aValueOfTheWrongKindIsRejectedWithItsPathAndWhatWasExpected() {
    assertThat(problem(parseYaml(yamlWith("maxSourceBytes: 1000", "maxSourceBytes: lots"))))
        .contains("'maxSourceBytes'").contains("a whole number");
    assertThat(problem(parseYaml(yamlWith("maxSourceBytes: 1000", "maxSourceBytes: 10.5"))))
        .contains("'maxSourceBytes'").contains("a whole number");
    assertThat(problem(parseYaml(yamlWith("  tenants: []", "  tenants: suspended"))))
        .contains("'deny.tenants'").contains("a list");
    assertThat(problem(parseYaml(yamlWith("  tenants: []", "  tenants:"))))
        .contains("key 'deny.tenants' is empty");
  }

  @Test
  void aNumberWrittenAsAStringIsNotQuietlyConverted() {
    String json = "{\"version\": 1, \"maxSourceBytes\": \"1000\"}";

    assertThat(problem(parseJson(json))).contains("'maxSourceBytes'").contains("a whole number");
  }

  @Test
  void aNameYamlWouldReadAsANumberOrBooleanMustBeQuoted() {
    assertThat(problem(parseYaml(yamlWith("  \"*\": [thumb]", "  \"*\": [thumb, 720]"))))
        .contains("key 'variants.*[1]' is '720'; expected a string");
    assertThat(problem(parseYaml(yamlWith("  allowedCodecs: []", "  allowedCodecs: [true]"))))
        .contains("key 'media.allowedCodecs[0]'");
  }

  @Test
  void aSecondDocumentAfterTheRulesIsRejected() {
    assertThat(problem(parseYaml(YAML + "---\nversion: 2\n")))
        .contains("there is more after the rules");
  }

  @Test
  void aPrefixThatIsNotAnS3UriIsRejectedWithItsIndex() {
    String text =
        yamlWith("  sources: [s3://media-in/up/]", "  sources: [s3://media-in/up/, /local/path]");

    assertThat(problem(parseYaml(text)))
        .contains("key 'allow.sources[1]'")
        .contains("'/local/path' is not an s3://bucket/prefix URI");
  }

  @Test
  void aValueTheRulesRefuseIsRejectedWithTheRuleMessage() {
    assertThat(problem(parseYaml(yamlWith("  maxPixels: 100000", "  maxPixels: 0"))))
        .contains("YAML: media.maxPixels must be a positive number of pixels, was 0.");
    assertThat(problem(parseYaml(yamlWith("  \"*\": [thumb]", "  acme: [thumb]"))))
        .contains("variants must have a '*' entry");
  }

  @Test
  void aLaterFormatVersionIsRefusedForItsVersionNotItsNewKeys() {
    String text = yamlWith("version: 1", "version: 2\nretention: 30d");

    assertThat(problem(parseYaml(text)))
        .contains("key 'version' is 2; this build reads only version 1");
    assertThat(problem(parseYaml(yamlWith("version: 1\n", ""))))
        .contains("key 'version' is missing");
  }

  @Test
  void aDuplicateKeyIsRejectedRatherThanLastOneWins() {
    assertThat(problem(parseYaml(YAML + "maxSourceBytes: 999999999\n")))
        .contains("Duplicate field 'maxSourceBytes'");
    assertThat(problem(parseJson("{\"version\": 1, \"version\": 1}")))
        .contains("Duplicate field 'version'");
  }

  @Test
  void brokenSyntaxAndEmptyFilesAreRejected() {
    assertThat(problem(parseJson("{\"version\": 1,"))).contains("is not valid JSON: syntax error");
    assertThat(problem(parseYaml(""))).contains("the file is empty");
    assertThat(problem(parseYaml("- a list\n"))).contains("the top level must be a mapping");
  }

  @Test
  void theProblemNamesTheFileAndIsASentence() throws IOException {
    Path file = Files.writeString(dir.resolve("rules.yml"), "version: 1\n");

    RulesFile.Result result = new RulesFile(file).read();

    assertThat(problem(result))
        .startsWith("rules file " + file + " is not valid YAML: ").endsWith(".");
    assertThat(((RulesFile.Invalid) result).revision())
        .isEqualTo(RulesFile.revisionOf("version: 1\n".getBytes(StandardCharsets.UTF_8)));
    assertThatIllegalStateException().isThrownBy(result::orElseThrow)
        .withMessageContaining(file.toString());
  }

  @Test
  void aMissingFileIsAProblemWithoutRevision() {
    RulesFile.Result result = new RulesFile(dir.resolve("absent.json")).read();

    assertThat(result).isEqualTo(new RulesFile.Invalid(
        "rules file " + dir.resolve("absent.json") + " is missing.", RulesFile.NO_REVISION));
  }

  @Test
  void anOversizedFileIsRefusedUnparsed() throws IOException {
    Path file = Files.write(dir.resolve("huge.yaml"), new byte[RulesFile.MAX_BYTES + 1]);

    assertThat(problem(new RulesFile(file).read())).contains("is larger than 1048576 bytes");
  }

  @Test
  void aFileWithoutAKnownExtensionIsRefusedAtConstruction() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RulesFile(Path.of("rules.toml")))
        .withMessageContaining("must end in .json, .yaml or .yml");
  }
}
