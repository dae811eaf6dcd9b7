package dev.sluice.contract.preset;

import java.util.Collection;
import java.util.Optional;

/** The versioned set of presets that both enqueuer and worker consult. */
public interface PresetCatalogue {

  Optional<Preset> find(String name);

  Collection<Preset> all();
}
