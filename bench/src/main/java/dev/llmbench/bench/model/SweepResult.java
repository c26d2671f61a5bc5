package dev.llmbench.bench.model;

import java.util.List;
import java.util.Map;

/**
 * One run of a sweep: the cells in the order they ran, and where they came from.
 *
 * @param sweep      sweep name, e.g. {@code concurrency}
 * @param title      a human title, e.g. "Concurrency sweep"
 * @param provenance target, profile, seed, client versions, JVM, CPU count, git commit, date, options...
 * @param simulated  true when the target was the simulator (tables are labelled "simulated")
 * @param cells      every cell, repeats included
 */
public record SweepResult(String sweep, String title, Map<String, String> provenance, boolean simulated, List<CellResult> cells) {
    public SweepResult {
        provenance = Map.copyOf(provenance);
        cells = List.copyOf(cells);
    }
}
