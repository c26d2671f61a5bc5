package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.Option;

import java.util.Set;

/**
 * A sweep, as {@code -Dsweep=<name>} selects it: either a {@link CellSweep} (cells the runner drives against a target)
 * or a {@link StandaloneSweep} (a benchmark or renderer that runs on its own). The registry is
 * {@code sweep.catalog.Catalog}; a sweep's name lives only there and in its own class.
 */
public interface Sweep {
    /** The {@code -Dsweep} value. */
    String name();

    /** One line for {@code -Dsweep=help}. */
    String summary();

    /** The options this sweep reads; any other option given is reported once as not read, then ignored. */
    Set<Option<?>> reads();
}
