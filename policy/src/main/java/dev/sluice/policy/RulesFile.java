package dev.sluice.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.policy.domain.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules file on disk, read strictly: an unknown key, a missing key or a bad value is a
 * problem reported with its key path, never a silent default, because a typo in a deny list must
 * not quietly admit what it meant to refuse. The format (JSON or YAML) follows the extension.
 *
 * <p>Reading returns a value, not an exception: a broken file is an expected state that
 * {@link ReloadingPolicy} turns into {@link dev.sluice.policy.domain.Decision.Undecidable}.
 */
public final class RulesFile {

  /** A rules file is a page of settings; anything far larger is a mistake, not rules. */
  public static final int MAX_BYTES = 1 << 20;

  /** The revision given to a file whose bytes could not be read at all. */
  public static final String NO_REVISION = "none";

  private static final int REVISION_HEX_CHARS = 12;

  private final Path path;
  private final RulesFormat format;
  private final ObjectMapper mapper;

  /** Fails at once when the extension is not {@code .json}, {@code .yaml} or {@code .yml}. */
  public RulesFile(Path path) {
    this.path = Objects.requireNonNull(path, "path");
    this.format = RulesFormat.forFileName(path.getFileName().toString())
        .orElseThrow(() -> new IllegalArgumentException("rules file " + path
            + " must end in .json, .yaml or .yml so its format is known"));
    this.mapper = format.newMapper();
  }

  /** What reading the file gave. */
  public sealed interface Result permits Loaded, Invalid {

    /** The rules, or an {@link IllegalStateException} with the problem, for boot-time use. */
    default Loaded orElseThrow() {
      return switch (this) {
        case Loaded loaded -> loaded;
        case Invalid invalid -> throw new IllegalStateException(invalid.problem());
      };
    }
  }

  /** Valid rules and the revision that identifies exactly these bytes. */
  public record Loaded(Rules rules, String revision) implements Result {}

  /**
   * The file cannot be used; {@code problem} is a full sentence naming the file. The revision is
   * that of the bytes read, or {@link #NO_REVISION} when none could be read.
   */
  public record Invalid(String problem, String revision) implements Result {}

  public Path path() {
    return path;
  }

  /** Reads and validates the file as it is now. */
  public Result read() {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return invalid("is missing", NO_REVISION);
    } catch (AccessDeniedException e) {
      return invalid("cannot be read: permission denied", NO_REVISION);
    } catch (IOException | RuntimeException e) {
      return invalid("cannot be read: " + e, NO_REVISION);
    }
    if (bytes.length > MAX_BYTES) {
      return invalid("is larger than " + MAX_BYTES + " bytes", NO_REVISION);
    }
    return parse(bytes);
  }

  /** Validates {@code bytes} as the content of this file, without touching the disk. */
  public Result parse(byte[] bytes) {
    String revision = revisionOf(bytes);
    try {
      JsonNode root = mapper.readTree(bytes);
      Optional<String> shapeProblem = RulesFileProblems.shapeProblem(root);
      if (shapeProblem.isPresent()) {
        return invalid("is not valid " + format + ": " + shapeProblem.get(), revision);
      }
      return new Loaded(mapper.treeToValue(root, Rules.class), revision);
    } catch (JacksonException e) {
      return invalid("is not valid " + format + ": " + RulesFileProblems.describe(e), revision);
    } catch (IOException | RuntimeException e) {
      // A parser's own unchecked failure is still a bad file, never a crash of the caller.
      return invalid("cannot be parsed: " + e, revision);
    }
  }

  /** The first 12 hex characters of the SHA-256 of {@code bytes}: names one exact rules file. */
  public static String revisionOf(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest).substring(0, REVISION_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  private Invalid invalid(String problem, String revision) {
    String sentence = "rules file " + path + " " + problem;
    return new Invalid(sentence.endsWith(".") ? sentence : sentence + ".", revision);
  }

  @Override
  public String toString() {
    return "RulesFile[" + path + " as " + format.toString().toLowerCase(Locale.ROOT) + "]";
  }
}
