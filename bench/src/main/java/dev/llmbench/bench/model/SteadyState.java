package dev.llmbench.bench.model;

/**
 * The window of a cell in which the offered load was held, and what completed in it. Closed loop: from the start
 * of the measured phase (all {@code c} requests in flight) to the dispatch of its last request (after which the
 * cell drains); open loop: from the first to the last arrival. A cell whose window holds no completion (one wave:
 * {@code n <= c}) has no steady state: {@link #empty()} and NaN rates.
 *
 * @param windowSeconds length of the window
 * @param completions   ok requests that completed inside it
 * @param outputTokens  their provider-reported output tokens
 */
public record SteadyState(double windowSeconds, long completions, long outputTokens) {
    private static final SteadyState EMPTY = new SteadyState(0, 0, 0);

    public static SteadyState empty() { return EMPTY; }

    public boolean present() { return windowSeconds > 0 && completions > 0; }

    /** Output tokens per second inside the window, or NaN without a steady state. */
    public double outputTokPerSec() { return present() ? outputTokens / windowSeconds : Double.NaN; }

    /** Ok requests per second inside the window, or NaN without a steady state. */
    public double requestsPerSec() { return present() ? completions / windowSeconds : Double.NaN; }
}
