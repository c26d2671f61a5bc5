package dev.llmbench.bench.load;

/**
 * How a cell loads its target.
 *
 * @param requests    measured requests
 * @param warmup      warm-up requests before them (closed loop at {@code concurrency}, excluded)
 * @param concurrency in-flight cap (closed loop: fixed concurrency)
 * @param rate        open loop: Poisson arrivals per second; null for closed loop
 * @param seed        seed of the arrival times
 */
public record LoadPlan(int requests, int warmup, int concurrency, Double rate, long seed) {
    public LoadPlan {
        if (requests < 1 || warmup < 0 || concurrency < 1) throw new IllegalArgumentException("bad load plan " + requests + "/" + warmup + "/" + concurrency);
        if (rate != null && !(rate > 0)) throw new IllegalArgumentException("rate must be > 0: " + rate);
    }

    public boolean openLoop() { return rate != null; }
}
