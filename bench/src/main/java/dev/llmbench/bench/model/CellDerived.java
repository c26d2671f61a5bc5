package dev.llmbench.bench.model;

/**
 * What is computed from a cell's {@link CellMeasurement}: the rates the reports lead with, the cross-checks that say
 * whether to trust them, and cost. Definitions in bench/README.md ("Figures").
 *
 * @param outputTokPerSec       headline: output tokens per second in the steady window, NaN without one
 * @param requestsPerSec        headline: ok requests per second in the steady window, NaN without one
 * @param batchOutputTokPerSec  the lessons' figure: tokens of the first 64 requests over their wall
 * @param littleOutputTokPerSec closed loop: Little's law over the steady window's completions, {@code c x mean output
 *                              tokens / mean E2E from submit}; open loop or without a window: NaN
 * @param costUsd               cost of the cell's ok requests from prices.csv, or null when unknown
 * @param cpuMsPer1kTokens      process CPU ms per 1,000 output tokens in the steady window (warm), or NaN
 * @param cpuPhaseMsPer1kTokens the same over the whole measured phase, first wave included (for a JVM's first cell:
 *                              cold, with JIT and class loading), or NaN
 * @param achievedRate          completions (ok or failed) per second in the steady window, NaN without one
 * @param sloAttainment         share of sent requests meeting the SLO ({@link CellMeasurement#sloAttainment}), NaN without one
 * @param goodputReqPerSec      requests meeting the SLO per second in the steady window, NaN without an SLO or window
 */
public record CellDerived(double outputTokPerSec, double requestsPerSec, double batchOutputTokPerSec,
                          double littleOutputTokPerSec, Double costUsd, double cpuMsPer1kTokens, double cpuPhaseMsPer1kTokens,
                          double achievedRate, double sloAttainment, double goodputReqPerSec) {

    /** Derives the figures of a cell run at {@code concurrency} (in-flight requests of a closed loop). */
    public static CellDerived of(CellMeasurement m, int concurrency, Double costUsd) {
        long out = m.tokens().output();
        double little = m.openLoop() ? Double.NaN : m.steady().littleOutputTokPerSec(concurrency);
        double phaseCpu = out > 0 && !Double.isNaN(m.cpuMillis()) ? m.cpuMillis() / (out / 1000.0) : Double.NaN;
        return new CellDerived(m.steady().outputTokPerSec(), m.steady().requestsPerSec(), m.batch().outputTokPerSec(),
                little, costUsd, m.steady().cpuMsPer1kTokens(), phaseCpu, m.steady().achievedRate(), m.sloAttainment(),
                m.slo() == null ? Double.NaN : m.steady().goodputPerSec());
    }

    /** Headline rate over Little's law: about 1.0 when the window held the load; NaN when either is unknown. */
    public double littleRatio() {
        return littleOutputTokPerSec > 0 && !Double.isNaN(outputTokPerSec) ? outputTokPerSec / littleOutputTokPerSec : Double.NaN;
    }
}
