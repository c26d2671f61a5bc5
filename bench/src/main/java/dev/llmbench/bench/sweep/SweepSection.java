package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.SweepOptions;
import java.util.List;

/**
 * One comparison: a list of cells that becomes one SweepResult, one report folder and one RESULTS.md section.
 *
 * @param name     the result's sweep name, e.g. {@code concurrency} or {@code lessons-prefix-cache}
 * @param title    a human title
 * @param cells    in run order (repeats interleave over this list); empty when a planner chooses them
 * @param requests measured requests per cell when the sweep picks its own (e.g. AIMD needs time to adapt), or null
 *                 for {@code -Dn}
 * @param planner  chooses the cells one at a time from the results so far (rate sweep, capacity search), or null
 */
public record SweepSection(String name, String title, List<CellSpec> cells, Integer requests, CellPlanner planner) {
    public SweepSection {
        cells = List.copyOf(cells);
        if (planner != null && !cells.isEmpty()) throw new IllegalArgumentException("a planned section has no fixed cells");
    }

    public SweepSection(String name, String title, List<CellSpec> cells, Integer requests) { this(name, title, cells, requests, null); }

    public SweepSection(String name, String title, List<CellSpec> cells) { this(name, title, cells, null, null); }

    /** A section whose cells {@code planner} chooses as it goes. */
    public static SweepSection planned(String name, String title, CellPlanner planner) {
        return new SweepSection(name, title, List.of(), null, planner);
    }

    /** Whether the section has anything to run. */
    public boolean runs() { return planner != null || !cells.isEmpty(); }

    /** Measured requests of a cell at {@code concurrency}: the section's own count, else {@code -Dn} (or auto). */
    public int requestsPerCell(SweepOptions o, int concurrency) { return requests != null ? requests : o.requestsFor(concurrency); }
}
