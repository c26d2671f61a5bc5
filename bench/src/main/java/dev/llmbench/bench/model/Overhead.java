package dev.llmbench.bench.model;

/**
 * The harness measuring itself against the simulator's ground truth.
 *
 * @param ttftOverheadP50Ms measured TTFT minus the simulator's first-token send time, median
 * @param ttftOverheadP99Ms the same, 99th percentile
 * @param wallEfficiency    ideal wall (from the simulator's schedule) / measured wall, 1.0 = no harness cost
 */
public record Overhead(double ttftOverheadP50Ms, double ttftOverheadP99Ms, double wallEfficiency) {}
