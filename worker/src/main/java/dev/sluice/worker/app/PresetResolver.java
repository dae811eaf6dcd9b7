package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.preset.Preset;
import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.worker.domain.JobOutcome.Cause;
import dev.sluice.worker.domain.JobOutcome.Dropped;
import dev.sluice.worker.domain.Step;
import java.util.Locale;

/**
 * Finds the job's preset before any I/O: the output key needs its extension, and a preset this
 * worker cannot run (unknown, or for another resource class) is refused with a clear reason.
 */
public final class PresetResolver {
  private final PresetCatalogue catalogue;
  private final ResourceClass workerClass;

  public PresetResolver(PresetCatalogue catalogue, ResourceClass workerClass) {
    this.catalogue = catalogue;
    this.workerClass = workerClass;
  }

  public Step<Preset> resolve(Job job) {
    var found = catalogue.find(job.variant());
    if (found.isEmpty()) {
      return Step.done(new Dropped(Cause.UNKNOWN_PRESET,
          "variant '" + job.variant() + "' names no preset in the catalogue"));
    }
    Preset preset = found.get();
    if (preset.resourceClass() != workerClass) {
      return Step.done(new Dropped(Cause.WRONG_RESOURCE_CLASS,
          "preset '" + preset.name() + "' needs a " + lower(preset.resourceClass())
              + " worker; this worker's resource class is " + lower(workerClass)));
    }
    return Step.next(preset);
  }

  private static String lower(ResourceClass c) {
    return c.name().toLowerCase(Locale.ROOT);
  }
}
