package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.model.CellResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a section's cells one at a time from the results so far, for sweeps whose next cell depends on the last:
 * the rate sweep (rates spread between its probes) and the capacity search (bracketing, then bisection). The runner
 * asks for the next cell until there is none; {@code -Drepeats} does not apply (a planner repeats what it wants).
 */
public interface CellPlanner {
    /** The next cell to run after {@code done} (every cell run so far, in run order), or empty when finished. */
    Optional<CellSpec> next(List<CellResult> done);

    /** The most cells it runs (for the progress line's estimate). */
    int maxCells();

    /**
     * What one of its cells adds to the progress: its planned seconds when timed (a planner's cells are, unless
     * {@code -Dn} is given), else its requests and warm-up.
     */
    long unitsPerCell(SweepOptions o);

    /** What the section concludes once finished (e.g. "max sustainable rate ..."), recorded with its provenance. */
    default Map<String, String> conclusions(List<CellResult> done) { return Map.of(); }
}
