package dev.sluice.contract.preset;

import dev.sluice.contract.domain.Sha256;
import java.util.Map;

/**
 * One named output recipe from the catalogue. A preset is data only; the worker's FFmpeg adapter
 * turns its typed settings into an argument list. Its {@code recipeDigest} is the SHA-256 of
 * {@code canonicalForm}, captured at enqueue so the worker can refuse a job whose recipe changed.
 *
 * @param name the variant name jobs use (e.g. {@code h264-720p})
 * @param extension the output file extension without dot (e.g. {@code mp4})
 * @param resourceClass which workers may run it
 * @param settings the preset's settings as declared in the catalogue (encoder, rates, sizes...)
 * @param canonicalForm compact JSON of the preset with keys sorted: the bytes the digest is over
 * @param recipeDigest SHA-256 of {@code canonicalForm} in UTF-8
 */
public record Preset(
    String name,
    String extension,
    ResourceClass resourceClass,
    Map<String, Object> settings,
    String canonicalForm,
    Sha256 recipeDigest) {

  public Preset {
    settings = Map.copyOf(settings);
  }
}
