package dev.llmbench.bench.load;

import dev.llmbench.bench.model.Slo;

/**
 * How a cell loads its target.
 *
 * @param requests       measured requests; with a duration, the most it sends (0 = no count limit)
 * @param warmup         warm-up requests before them (closed loop at {@code concurrency}, excluded)
 * @param concurrency    in-flight cap (closed loop: fixed concurrency)
 * @param rate           open loop: Poisson arrivals per second; null for closed loop
 * @param seed           seed of the arrival times
 * @param durationNanos  how long the measured phase dispatches requests (0: until {@code requests} are sent); the
 *                       requests in flight at its end complete and count
 * @param slo            the per-request targets each completion is judged by, or null
 * @param stopSaturated  open loop: stop dispatching when the requests outstanding grow without bound ({@link Saturation})
 */
public record LoadPlan(int requests, int warmup, int concurrency, Double rate, long seed, long durationNanos, Slo slo,
                       boolean stopSaturated) {
    public LoadPlan {
        if (requests < 0 || (requests == 0 && durationNanos <= 0) || warmup < 0 || concurrency < 1 || durationNanos < 0) {
            throw new IllegalArgumentException("bad load plan " + requests + "/" + warmup + "/" + concurrency + "/" + durationNanos + "ns");
        }
        if (rate != null && !(rate > 0)) throw new IllegalArgumentException("rate must be > 0: " + rate);
    }

    /** A count-bound plan without an SLO. */
    public LoadPlan(int requests, int warmup, int concurrency, Double rate, long seed) {
        this(requests, warmup, concurrency, rate, seed, 0, null, false);
    }

    public boolean openLoop() { return rate != null; }

    /** Whether the measured phase is bounded by time rather than by a request count. */
    public boolean timed() { return durationNanos > 0; }
}
