package dev.llmbench.bench.model;

/**
 * The part of a cell's measured phase in which the offered load was held, after the ramp and before the drain, and
 * what completed in it; the source of the headline rates. Closed loop at concurrency {@code c} over {@code n}
 * requests: from the {@code c}-th completion (every request of the first wave has been replaced) to the {@code
 * (n-c)}-th (the one after which the last request is dispatched and in-flight falls): {@code n - 2c} completions, so
 * a cell needs {@code n > 2c} to have one. Open loop: the same between the {@code k}-th and {@code (n-k)}-th
 * completion, {@code k = max(1, n/10)}. Completions at the window's opening edge are outside it, those at its
 * closing edge inside, so a window counts each inter-completion gap once.
 *
 * @param windowSeconds length of the window
 * @param completions   ok requests that completed inside it
 * @param outputTokens  their provider-reported output tokens
 * @param cpuMillis     process CPU time inside the window (after the cell's warm-up and its first wave, so JIT and
 *                      class loading of the cell's start are outside it), or NaN
 * @param meanE2eSubmitSeconds mean submit-to-end time of the ok requests that completed inside the window (for
 *                      Little's law over the same requests), or NaN
 * @param allCompletions every request that completed inside the window, ok or failed (the achieved rate's count)
 * @param sloMet        the requests inside it that met the cell's {@link Slo} (0 without one)
 */
public record SteadyState(double windowSeconds, long completions, long outputTokens, double cpuMillis, double meanE2eSubmitSeconds,
                          long allCompletions, long sloMet) {
    private static final SteadyState EMPTY = new SteadyState(0, 0, 0, Double.NaN, Double.NaN, 0, 0);

    /** A window of ok completions only (no failures inside it, no SLO). */
    public SteadyState(double windowSeconds, long completions, long outputTokens, double cpuMillis, double meanE2eSubmitSeconds) {
        this(windowSeconds, completions, outputTokens, cpuMillis, meanE2eSubmitSeconds, completions, 0);
    }

    public static SteadyState empty() { return EMPTY; }

    /**
     * Whether the window held the load: it has a length and ok completions, and at least half its completions were
     * ok. A closed loop whose completions are mostly failures that return at once (429s at a rate-limit wall) is not
     * holding {@code c} requests in generation, so its ok tokens over the window are no steady rate (they would read
     * a few % of Little's law).
     */
    public boolean present() { return windowSeconds > 0 && completions > 0 && 2 * completions >= allCompletions; }

    /** Output tokens per second inside the window, or NaN without a steady state. */
    public double outputTokPerSec() { return present() ? outputTokens / windowSeconds : Double.NaN; }

    /** Completions (ok or failed) per second inside the window: the achieved rate; NaN without a window. */
    public double achievedRate() { return windowSeconds > 0 && allCompletions > 0 ? allCompletions / windowSeconds : Double.NaN; }

    /** Requests meeting the SLO per second inside the window (goodput); NaN without a window. */
    public double goodputPerSec() { return windowSeconds > 0 && allCompletions > 0 ? sloMet / windowSeconds : Double.NaN; }

    /** Ok requests per second inside the window, or NaN without a steady state. */
    public double requestsPerSec() { return present() ? completions / windowSeconds : Double.NaN; }

    /**
     * Little's law over the window's completions: {@code concurrency x mean output tokens / mean submit-to-end time},
     * in output tokens per second; NaN without a window or latencies.
     */
    public double littleOutputTokPerSec(int concurrency) {
        return present() && meanE2eSubmitSeconds > 0 ? concurrency * ((double) outputTokens / completions) / meanE2eSubmitSeconds : Double.NaN;
    }

    /** Process CPU milliseconds per 1,000 output tokens inside the window, or NaN. */
    public double cpuMsPer1kTokens() {
        return present() && outputTokens > 0 && !Double.isNaN(cpuMillis) ? cpuMillis / (outputTokens / 1000.0) : Double.NaN;
    }
}
