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
 * @param conclusions what a planned sweep concluded from its cells, e.g. "max sustainable rate" per provider (in order)
 */
public record SweepResult(String sweep, String title, Map<String, String> provenance, boolean simulated, List<CellResult> cells,
                          Map<String, String> conclusions) {
    public SweepResult {
        provenance = Map.copyOf(provenance);
        cells = List.copyOf(cells);
        conclusions = conclusions == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conclusions));
    }

    /** A sweep that concluded nothing beyond its cells. */
    public SweepResult(String sweep, String title, Map<String, String> provenance, boolean simulated, List<CellResult> cells) {
        this(sweep, title, provenance, simulated, cells, Map.of());
    }
}
