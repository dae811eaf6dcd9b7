package dev.sluice.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sluice.contract.domain.ObjectRef;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The two spellings of a rules file and the one strict mapper setup they share. Jackson is lenient
 * by default (unknown keys aside, it turns {@code "10"} into 10, a missing number into 0 and a
 * duplicate key into the last one); every such leniency is switched off here, because a rules
 * file that means something other than it says is worse than one that is refused.
 */
enum RulesFormat {
  JSON,
  YAML;

  static Optional<RulesFormat> forFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    return Optional.empty();
  }

  ObjectMapper newMapper() {
    MapperBuilder<?, ?> builder = this == JSON ? JsonMapper.builder() : YAMLMapper.builder();
    ObjectMapper mapper = builder
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(
            new SimpleModule("sluice-rules").addDeserializer(ObjectRef.class, new PrefixUri()))
        .build();
    // YAML reads an unquoted 720 or true as a number or boolean; a name list wants the text
    // spelled as a string, so "720p" and 720 cannot be confused.
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** Reads an {@code s3://bucket/prefix} string; the bucket alone means the whole bucket. */
  private static final class PrefixUri extends JsonDeserializer<ObjectRef> {
    @Override
    public ObjectRef deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (ObjectRef) ctxt.handleUnexpectedToken(ObjectRef.class, p);
      }
      String text = p.getText();
      try {
        return ObjectRef.parseS3Uri(text, true);
      } catch (IllegalArgumentException e) {
        throw InvalidFormatException.from(p, "'" + text + "' is not an s3://bucket/prefix URI: "
            + e.getMessage(), text, ObjectRef.class);
      }
    }
  }
}
