package dev.sluice.contract.preset;

import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * The preset catalogue shipped inside this jar. Enqueuer and worker load the same resource, so
 * they agree on every recipe digest without talking to each other; a worker built from another
 * catalogue sees a different digest and refuses the job instead of producing a different output
 * under the same key. The resource name carries its format version, so a v2 file can ship beside
 * v1.
 */
public final class BundledCatalogue implements PresetCatalogue {
  /** The classpath resource {@link #load()} reads. */
  public static final String RESOURCE = "/dev/sluice/contract/preset/catalogue-v1.json";

  private final Map<String, Preset> presets;

  private BundledCatalogue(Map<String, Preset> presets) {
    this.presets = Collections.unmodifiableMap(presets);
  }

  /**
   * The catalogue bundled in this jar.
   *
   * @throws IllegalStateException if the resource is missing or breaks a catalogue rule
   */
  public static BundledCatalogue load() {
    return from(BundledCatalogue.class.getResourceAsStream(RESOURCE));
  }

  /**
   * A catalogue read from {@code json}, which this method closes.
   *
   * @throws IllegalStateException if it is not a valid catalogue, naming the entry and the rule
   */
  public static BundledCatalogue from(InputStream json) {
    return new BundledCatalogue(new CatalogueReader().read(json));
  }

  /** The catalogue file format version this class reads. */
  public int version() {
    return CatalogueReader.SUPPORTED_VERSION;
  }

  @Override
  public Optional<Preset> find(String name) {
    return Optional.ofNullable(presets.get(name));
  }

  /** Every preset, in the order the catalogue file lists them. */
  @Override
  public Collection<Preset> all() {
    return presets.values();
  }
}
