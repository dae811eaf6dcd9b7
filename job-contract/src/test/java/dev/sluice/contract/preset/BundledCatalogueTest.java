package dev.sluice.contract.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.contract.domain.Sha256;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundledCatalogueTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Digests computed outside Java (Python's json.dumps with sort_keys and compact separators).
   * Changing one invalidates every stored output of that preset: edit it only on purpose.
   */
  private static final Map<String, String> GOLDEN = Map.of(
      "h264-1080p", "a14fc9002450ad8f7fc03888b61fa684b57043e068fd047a3b844146e785fa35",
      "h264-720p", "fff10ea7d3d79cb5d34550f1a4a4569aa0b5e223ba519335a5acfb7c247c3740",
      "h264-480p", "d7ccfd7049122885f5be1826a50395a804ee6782b8cae0a810e624453eb07d5f",
      "h264-360p", "8198a4f047e80b7e66089b5b8d1b4b0984cdef167d60d19adddc2f72c982bb80",
      "aac-128k", "a5ac5faa345ce402d8a355f10378379af37ec51af2412c20010f589d89001d4b",
      "thumb-jpeg", "8c9190bb825d7d30c705e584f1c48fbbbab3088e209eb6a7088b562d599dad2d",
      "gif-preview", "efae2f09f3e7c18c53e3a44d0be4716a3ee39e7d1cc0475546cbdf5af7133791",
      "hls-720p", "654cbad144aea964c2270e759db637b5f6651ce16129dcd8fe19c8466a960940",
      "h264-720p-nvenc", "e4644dcca355a046df91071afbeb4baa28da4be8afca94ee08f360126a307ef3");

  private final BundledCatalogue catalogue = BundledCatalogue.load();

  private static Map<String, Sha256> digests(PresetCatalogue catalogue) {
    return catalogue.all().stream().collect(Collectors.toMap(Preset::name, Preset::recipeDigest));
  }

  @Test
  void listsThePresetsInFileOrder() {
    assertThat(catalogue.all()).extracting(Preset::name).containsExactly("h264-1080p",
        "h264-720p", "h264-480p", "h264-360p", "aac-128k", "thumb-jpeg", "gif-preview",
        "hls-720p", "h264-720p-nvenc");
    assertThat(catalogue.version()).isEqualTo(1);
  }

  @Test
  void digestsMatchTheGoldenValuesAndAreDistinct() {
    assertThat(digests(catalogue)).allSatisfy(
        (name, digest) -> assertThat(digest.hex()).as(name).isEqualTo(GOLDEN.get(name)));
    assertThat(digests(catalogue).values()).doesNotHaveDuplicates();
  }

  @Test
  void canonicalFormIsCompactWithKeysSortedAndIsWhatTheDigestCovers() throws Exception {
    Preset thumb = catalogue.find("thumb-jpeg").orElseThrow();
    assertThat(thumb.canonicalForm()).isEqualTo("{\"extension\":\"jpg\",\"name\":\"thumb-jpeg\","
        + "\"resourceClass\":\"cpu\",\"settings\":{\"container\":\"image2\",\"imageEncoder\":"
        + "\"mjpeg\",\"jpegQuality\":3,\"kind\":\"image\",\"offsetFraction\":0.25,\"width\":640}}");
    for (Preset preset : catalogue.all()) {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(preset.canonicalForm().getBytes(StandardCharsets.UTF_8));
      assertThat(preset.recipeDigest()).isEqualTo(Sha256.of(digest));
    }
  }

  @Test
  void reformattingAndReorderingTheFileKeepsEveryDigest() throws Exception {
    JsonNode file = JSON.readTree(resource());
    JsonNode reordered = reversed(file);
    String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reordered)
        .replace("\n", "\r\n    ");
    assertThat(pretty).isNotEqualTo(new String(resource().readAllBytes(), StandardCharsets.UTF_8));

    BundledCatalogue copy = BundledCatalogue.from(stream(pretty));

    assertThat(digests(copy)).isEqualTo(digests(catalogue));
    assertThat(copy.all()).extracting(Preset::name).first().isEqualTo("h264-720p-nvenc");
  }

  @Test
  void exposesTypedImmutableSettings() {
    Preset thumb = catalogue.find("thumb-jpeg").orElseThrow();
    assertThat(thumb.extension()).isEqualTo("jpg");
    assertThat(thumb.settings()).containsEntry("width", 640).containsEntry("offsetFraction", 0.25);
    assertThatThrownBy(() -> thumb.settings().put("width", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    Preset nvenc = catalogue.find("h264-720p-nvenc").orElseThrow();
    assertThat(nvenc.resourceClass()).isEqualTo(ResourceClass.GPU);
    assertThat(nvenc.settings()).containsEntry("videoEncoder", "h264_nvenc");
    assertThat(catalogue.find("hls-720p").orElseThrow().settings())
        .containsEntry("segmentSeconds", 6);
    assertThat(catalogue.find("aac-128k").orElseThrow().extension()).isEqualTo("m4a");
    assertThat(catalogue.find("gif-preview").orElseThrow().settings())
        .containsKeys("maxSeconds", "fps", "width", "palette");
  }

  @Test
  void findsNothingForAnUnknownName() {
    assertThat(catalogue.find("h265-4k")).isEmpty();
    assertThat(catalogue.find(null)).isEmpty();
  }

  @Test
  void refusesDuplicateNames() {
    assertRefused(catalogueOf(preset("a", "mp4", "cpu"), preset("a", "mkv", "cpu")),
        "preset name 'a' appears more than once");
  }

  @Test
  void refusesAnUnknownResourceClass() {
    assertRefused(catalogueOf(preset("a", "mp4", "tpu")), "resourceClass 'tpu' is not one of cpu, gpu");
    assertRefused(catalogueOf(preset("a", "mp4", "CPU")), "resourceClass 'CPU'");
  }

  @Test
  void refusesBadExtensionsAndNames() {
    assertRefused(catalogueOf(preset("a", ".mp4", "cpu")), "extension '.mp4'");
    assertRefused(catalogueOf(preset("a", "MP4", "cpu")), "extension 'MP4'");
    assertRefused(catalogueOf(preset("a", "../x", "cpu")), "extension '../x'");
    assertRefused(catalogueOf(preset("H264", "mp4", "cpu")), "name 'H264'");
    assertRefused(catalogueOf(preset("a/b", "mp4", "cpu")), "name 'a/b'");
  }

  @Test
  void refusesAmbiguousOrIncompleteEntries() {
    assertRefused("{\"version\":1,\"presets\":[{\"name\":\"a\",\"name\":\"b\",\"extension\":\"mp4\","
        + "\"resourceClass\":\"cpu\",\"settings\":{}}]}", "Duplicate field 'name'");
    assertRefused(catalogueOf(preset("a", "mp4", "cpu").put("notes", "x")), "unknown field 'notes'");
    assertRefused(catalogueOf(preset("a", "mp4", "cpu").putNull("settings")), "settings must be");
    ObjectNode nullSetting = preset("a", "mp4", "cpu");
    ((ObjectNode) nullSetting.get("settings")).putNull("crf");
    assertRefused(catalogueOf(nullSetting), "settings.crf is null");
    assertRefused(catalogueOf(preset("a", "mp4", "cpu").put("resourceClass", 1)), "resourceClass must be");
  }

  @Test
  void refusesABadFile() {
    assertRefused("{\"version\":2,\"presets\":[]}", "version must be 1");
    assertRefused("{\"version\":1,\"presets\":[]}", "non-empty array");
    assertRefused("{\"version\":1,\"presets\":[]} {}", "not readable as JSON");
    assertRefused("[]", "must be a JSON object");
    assertThatThrownBy(() -> BundledCatalogue.from(null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not found");
  }

  private static void assertRefused(String json, String fragment) {
    assertThatThrownBy(() -> BundledCatalogue.from(stream(json)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("preset catalogue: ")
        .hasMessageContaining(fragment);
  }

  private static ObjectNode preset(String name, String extension, String resourceClass) {
    ObjectNode preset = JSON.createObjectNode().put("name", name).put("extension", extension)
        .put("resourceClass", resourceClass);
    preset.putObject("settings").put("crf", 23);
    return preset;
  }

  private static String catalogueOf(ObjectNode... presets) {
    ObjectNode file = JSON.createObjectNode().put("version", 1);
    file.putArray("presets").addAll(List.of(presets));
    return file.toString();
  }

  /** A copy with every object's keys and the preset list in reverse order. */
  private static JsonNode reversed(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.reverse(names);
      names.forEach(name -> out.set(name, reversed(node.get(name))));
      return out;
    }
    if (node.isArray()) {
      List<JsonNode> elements = new ArrayList<>();
      node.forEach(element -> elements.add(reversed(element)));
      Collections.reverse(elements);
      return JSON.createArrayNode().addAll(elements);
    }
    return node;
  }

  private static InputStream resource() {
    return BundledCatalogue.class.getResourceAsStream(BundledCatalogue.RESOURCE);
  }

  private static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
