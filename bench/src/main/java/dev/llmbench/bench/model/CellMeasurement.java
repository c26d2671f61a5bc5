package dev.llmbench.bench.model;

import java.util.List;
import java.util.Map;

/**
 * What a driver measured in one cell, before anything is derived from it ({@link CellDerived}). A new figure that is
 * measured goes here, one that is computed from these goes in {@link CellDerived}; reports read both through
 * {@link CellResult}.
 *
 * @param wallSeconds  first send (open loop: first intended send) to the last completion
 * @param offeredRate  open loop: the requests per second offered; closed loop: NaN
 * @param outcomes     the full accounting of the phase's requests
 * @param tokens       token counts of the ok requests
 * @param latency      per metric, of the ok requests (failures: {@link Metric#ERROR})
 * @param adjusted     TTFT and E2E with failed requests as infinite latency
 * @param overhead     harness overhead against the simulator's ground truth, or null without ground truth
 * @param steady       the window in which the offered load was held, and what completed in it
 * @param batch        the first requests as one batch (the lessons' figure)
 * @param cpuMillis    process CPU time over the whole measured phase, or NaN
 * @param peakThreads  peak live JVM threads during the measured phase, or -1
 * @param protocols    ok responses by negotiated HTTP version ({@code unknown} where the library hides it)
 * @param soak         samples over time (soak cells), else empty
 * @param slo          the per-request targets the cell was judged by, or null without {@code -Dslo}
 * @param sloMet       requests of the phase that met {@code slo} (0 without one)
 * @param stoppedEarly why the phase stopped before its planned length (e.g. over-saturated), or null when it ran it
 */
public record CellMeasurement(double wallSeconds, double offeredRate, Outcomes outcomes, Tokens tokens,
                              Map<Metric, Percentiles> latency, Map<Metric, Percentiles> adjusted, Overhead overhead,
                              SteadyState steady, Batch batch, double cpuMillis, int peakThreads,
                              Map<String, Long> protocols, List<SoakSample> soak, Slo slo, long sloMet, String stoppedEarly) {

    /** A cell without an SLO that ran its planned length. */
    public CellMeasurement(double wallSeconds, double offeredRate, Outcomes outcomes, Tokens tokens,
                           Map<Metric, Percentiles> latency, Map<Metric, Percentiles> adjusted, Overhead overhead,
                           SteadyState steady, Batch batch, double cpuMillis, int peakThreads,
                           Map<String, Long> protocols, List<SoakSample> soak) {
        this(wallSeconds, offeredRate, outcomes, tokens, latency, adjusted, overhead, steady, batch, cpuMillis, peakThreads,
                protocols, soak, null, 0, null);
    }

    public CellMeasurement {
        latency = latency == null ? Map.of() : Map.copyOf(latency);
        adjusted = adjusted == null ? Map.of() : Map.copyOf(adjusted);
        protocols = protocols == null ? Map.of() : Map.copyOf(protocols);
        soak = soak == null ? List.of() : List.copyOf(soak);
        if (steady == null) steady = SteadyState.empty();
        if (batch == null) batch = Batch.NONE;
        if (tokens == null) tokens = Tokens.NONE;
    }

    /** The percentiles of {@code m} over the ok requests, or {@link Percentiles#EMPTY}. */
    public Percentiles latency(Metric m) { return latency.getOrDefault(m, Percentiles.EMPTY); }

    /** The adjusted (failures = infinite latency) percentiles of TTFT or E2E, or {@link Percentiles#EMPTY}. */
    public Percentiles adjusted(Metric m) { return adjusted.getOrDefault(m, Percentiles.EMPTY); }

    /** Share of the phase's sent requests that met the SLO (failures and cancels miss it); NaN without an SLO. */
    public double sloAttainment() { return slo == null || outcomes.sent() == 0 ? Double.NaN : (double) sloMet / outcomes.sent(); }

    /** Whether the cell ran open loop (a Poisson schedule at {@link #offeredRate}). */
    public boolean openLoop() { return !Double.isNaN(offeredRate); }
}
