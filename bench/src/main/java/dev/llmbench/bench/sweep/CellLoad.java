package dev.llmbench.bench.sweep;

/**
 * How one cell loads its target when the sweep, not the options, decides it (the rate sweep's probes and rate points,
 * the capacity search's steps). A null component leaves the options' choice.
 *
 * @param rate          open-loop arrivals per second (the key's concurrency caps in-flight requests), or null:
 *                      {@code -Drate}, else closed loop
 * @param closedLoop    run closed loop even if {@code -Drate} is given (the rate sweep's probes)
 * @param requests      measured requests, or null: the section's count, {@code -Dn} or auto
 * @param durationNanos how long the measured phase dispatches, or null: {@code -Dduration}, else by count
 * @param stopSaturated open loop: stop the cell early when it is clearly over-saturated
 */
public record CellLoad(Double rate, boolean closedLoop, Integer requests, Long durationNanos, boolean stopSaturated) {
    /** The options decide everything. */
    public static final CellLoad OPTIONS = new CellLoad(null, false, null, null, false);

    public CellLoad {
        if (rate != null && closedLoop) throw new IllegalArgumentException("a cell is closed loop or has a rate, not both");
    }

    /** Closed loop, timed or counted as given. */
    public static CellLoad closed(Integer requests, Long durationNanos) { return new CellLoad(null, true, requests, durationNanos, false); }

    /** Open loop at {@code rate}, stopping when over-saturated. */
    public static CellLoad open(double rate, Integer requests, Long durationNanos) {
        return new CellLoad(rate, false, requests, durationNanos, true);
    }
}
