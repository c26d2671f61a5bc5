package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.Option;
import dev.llmbench.bench.cli.OptionException;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A sweep of cells: which cells to run against the target, grouped into the comparisons it reports. */
public interface CellSweep extends Sweep {
    List<SweepSection> sections(SweepContext ctx);

    /** Every cell sweep reads {@link Options#CELL_SWEEP} unless it says otherwise. */
    @Override
    default Set<Option<?>> reads() { return Options.CELL_SWEEP; }

    /** Simulator settings this sweep needs (applied before the quick timing and {@code -DsimSet}, which win). */
    default Map<String, String> simDefaults() { return Map.of(); }

    /** The simulator profiles this sweep sends to, which {@code -Dquick=true} speeds up. */
    default List<String> simProfiles() { return Options.PROVIDERS; }

    /**
     * Checks the options this sweep needs before anything starts (e.g. the capacity search needs {@code -Dslo}); the
     * default allows one {@code -Drate} value only, a list being for the sweeps that vary the rate.
     *
     * @throws OptionException naming the option and what it accepts here
     */
    default void validate(SweepOptions o) {
        if (o.rates() != null && o.rates().size() > 1) {
            throw new OptionException(Options.RATE.name(), o.text(Options.RATE), "one rate with -Dsweep=" + name()
                    + " (a list only with a sweep that varies the rate)");
        }
    }

    /** Lines this sweep adds to its results' provenance (e.g. the client limits it sets). */
    default Map<String, String> provenance(SweepOptions o) { return Map.of(); }
}
