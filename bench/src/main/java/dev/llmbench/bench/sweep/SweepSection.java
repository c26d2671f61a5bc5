package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.SweepOptions;
import java.util.List;

/**
 * One comparison: a list of cells that becomes one SweepResult, one report folder and one RESULTS.md section.
 *
 * @param name     the result's sweep name, e.g. {@code concurrency} or {@code lessons-prefix-cache}
 * @param title    a human title
 * @param cells    in run order (repeats interleave over this list)
 * @param requests measured requests per cell when the sweep picks its own (e.g. AIMD needs time to adapt), or null
 *                 for {@code -Dn}
 */
public record SweepSection(String name, String title, List<CellSpec> cells, Integer requests) {
    public SweepSection {
        cells = List.copyOf(cells);
    }

    public SweepSection(String name, String title, List<CellSpec> cells) { this(name, title, cells, null); }

    /** Measured requests of a cell at {@code concurrency}: the section's own count, else {@code -Dn} (or auto). */
    public int requestsPerCell(SweepOptions o, int concurrency) { return requests != null ? requests : o.requestsFor(concurrency); }
}
