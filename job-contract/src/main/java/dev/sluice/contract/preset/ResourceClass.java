package dev.sluice.contract.preset;

/** The kind of worker a preset needs; a worker only runs presets of its own class. */
public enum ResourceClass {
  CPU,
  GPU
}
