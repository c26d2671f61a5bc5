package dev.llmbench.bench.run;

import java.util.List;

/**
 * One comparison: a list of cells that becomes one SweepResult, one report folder and one RESULTS.md section.
 *
 * @param name  the result's sweep name, e.g. {@code concurrency} or {@code lessons-prefix-cache}
 * @param title a human title
 * @param cells in run order (repeats interleave over this list)
 */
public record SweepSection(String name, String title, List<CellSpec> cells) {
    public SweepSection {
        cells = List.copyOf(cells);
    }
}
