package dev.llmbench.bench.path;

import dev.llmbench.client.retry.RetryPolicy;

/**
 * How a cell configures the reference client beyond its endpoint. Raw benchmarks use {@link #RAW}: no window of the
 * client's own (the driver's concurrency is what is measured) and no retries (every failure stays visible).
 *
 * @param limit    the client's concurrency limit per key
 * @param limitMax the window's ceiling; 0 = the cell's concurrency
 * @param keys     API keys used round robin, each with its own window (simulator: distinct generated keys)
 * @param retry    the client's retry policy
 */
public record RefClientOptions(Limit limit, int limitMax, int keys, RetryPolicy retry) {
    /** The AIMD floor of the lessons. */
    public static final int AIMD_FLOOR = 4;
    public static final RefClientOptions RAW = new RefClientOptions(Limit.NONE, 0, 1, RetryPolicy.none());

    public enum Limit { NONE, FIXED, AIMD }

    /** {@link #RAW} with {@code retries} retries per request (0 = RAW). */
    public static RefClientOptions raw(int retries) {
        return retries == 0 ? RAW : new RefClientOptions(Limit.NONE, 0, 1, RetryPolicy.retries(retries));
    }

    /** These options with another limit, ceiling and key count (retries kept). */
    public RefClientOptions with(Limit limit, int limitMax, int keys) { return new RefClientOptions(limit, limitMax, keys, retry); }

    public RefClientOptions {
        if (keys < 1) throw new IllegalArgumentException("keys must be >= 1: " + keys);
        if (limitMax < 0) throw new IllegalArgumentException("limitMax must be >= 0: " + limitMax);
    }

    /** The window's ceiling in a cell of {@code concurrency}. */
    public int ceiling(int concurrency) { return limitMax > 0 ? limitMax : concurrency; }
}
