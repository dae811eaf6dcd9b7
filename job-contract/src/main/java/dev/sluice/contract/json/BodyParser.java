package dev.sluice.contract.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw message bytes into exactly one JSON object, or says at {@code $} why it cannot.
 * UTF-8 is checked here rather than left to Jackson, because Jackson guesses UTF-16 and UTF-32
 * from the first bytes and would accept a body the contract forbids.
 */
final class BodyParser {
  private static final int MESSAGE_LIMIT = 200;
  private static final String DUPLICATE_PREFIX = "Duplicate field '";

  private final ObjectMapper mapper;

  BodyParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The body's JSON object, or null once {@code in} holds the reason there is none. */
  ObjectNode parse(byte[] body, FieldReader in) {
    if (body == null || body.length == 0) {
      in.reject("$", "The body is empty; it must be a JSON object.");
      return null;
    }
    if (body.length > JobCodec.MAX_BODY_BYTES) {
      in.reject("$", "The body is " + body.length + " bytes, over the limit of "
          + JobCodec.MAX_BODY_BYTES + " bytes (256 KiB).");
      return null;
    }
    String text = utf8(body, in);
    if (text == null) {
      return null;
    }
    if (text.startsWith("\uFEFF")) {
      in.reject("$", "The body starts with a byte order mark; send plain UTF-8 without one.");
      return null;
    }
    return object(text, in);
  }

  private static String utf8(byte[] body, FieldReader in) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(body);
    CharBuffer chars = CharBuffer.allocate(body.length);
    CoderResult result = decoder.decode(bytes, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      in.reject("$", "The body is not valid UTF-8: malformed byte sequence at byte offset "
          + bytes.position() + ".");
      return null;
    }
    return chars.flip().toString();
  }

  private ObjectNode object(String text, FieldReader in) {
    try (JsonParser parser = mapper.createParser(text)) {
      JsonNode root = tree(parser, in);
      if (root == null) {
        return null;
      }
      if (!root.isObject()) {
        in.reject("$", "The body must be a JSON object, but it is "
            + FieldReader.describe(root) + ".");
        return null;
      }
      return nothingAfter(parser, in) ? (ObjectNode) root : null;
    } catch (IOException e) {
      in.reject("$", "The body could not be read as JSON: " + message(e) + ".");
      return null;
    }
  }

  private JsonNode tree(JsonParser parser, FieldReader in) throws IOException {
    try {
      JsonNode root = mapper.readTree(parser);
      if (root == null || root.isMissingNode()) {
        in.reject("$", "The body holds no JSON value, only white space.");
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      String original = e.getOriginalMessage();
      if (original != null && original.startsWith(DUPLICATE_PREFIX)) {
        String path = path(parser.getParsingContext());
        in.reject(path, path + " appears more than once; each field may appear only once.");
      } else {
        in.reject("$", "The body is not valid JSON: " + message(e) + where(e.getLocation()) + ".");
      }
      return null;
    }
  }

  private static boolean nothingAfter(JsonParser parser, FieldReader in) {
    try {
      if (parser.nextToken() == null) {
        return true;
      }
    } catch (IOException e) {
      // Whatever follows the object is an error, well-formed or not; say so either way.
    }
    in.reject("$", "The body has content after the JSON object; it must hold exactly one object.");
    return false;
  }

  /** The dotted contract path of the member the parser stands on, e.g. {@code source.uri}. */
  private static String path(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      String part = c.inArray() ? "[" + c.getCurrentIndex() + "]"
          : FieldReader.printable(String.valueOf(c.getCurrentName()), 64);
      boolean dot = !path.isEmpty() && path.charAt(0) != '[';
      path.insert(0, dot ? part + "." : part);
    }
    return path.isEmpty() ? "$" : path.toString();
  }

  private static String message(IOException e) {
    String original =
        e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return FieldReader.printable(String.valueOf(original), MESSAGE_LIMIT);
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
