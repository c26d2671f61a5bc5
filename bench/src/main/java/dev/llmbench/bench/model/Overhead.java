package dev.llmbench.bench.model;

/**
 * The harness measuring itself against the simulator's ground truth: the simulator stamps every event with its send
 * time ({@code sim-t-us}), so each difference below is what the client, the driver and the loopback added. Each
 * distribution carries its sample count; a p99 of fewer than {@link #P99_MIN_SAMPLES} samples is reported as "max".
 *
 * @param ttft           measured TTFT minus the server's first-token send time, per request
 * @param itl            |measured gap - server gap| for each gap between successive token events
 * @param tpot           |measured TPOT - server TPOT| per request with at least two tokens
 * @param request        the TTFT overhead's request leg: client send to the server's receipt of the whole request,
 *                       on the host's shared monotonic clock (same-host simulator; else empty)
 * @param response       its response leg: the server's first-token write to the client's first token
 * @param wallEfficiency ideal wall (from the simulator's schedule) / measured wall, 1.0 = no harness cost; NaN
 *                       where there is no schedule to compare with (soak)
 */
public record Overhead(Percentiles ttft, Percentiles itl, Percentiles tpot, Percentiles request, Percentiles response,
                       double wallEfficiency) {
    /** Fewer samples than this and the 99th percentile is just the largest value: reports label it "max". */
    public static final int P99_MIN_SAMPLES = 100;

    /** Our target for the TTFT overhead at c=64: the median at most this many ms. */
    public static final double TARGET_P50_MS = 0.2;
    /** Our target for the TTFT overhead at c=64: the 99th percentile at most this many ms. */
    public static final double TARGET_P99_MS = 1.0;
    /** Our target for the TTFT overhead at c=1024: the 99th percentile at most this many ms. */
    public static final double TARGET_P99_MS_C1024 = 5.0;

    /** Whether {@code p}'s 99th percentile rests on enough samples to be one. */
    public static boolean p99Valid(Percentiles p) { return p.count() >= P99_MIN_SAMPLES; }
}
