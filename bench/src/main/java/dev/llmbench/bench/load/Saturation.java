package dev.llmbench.bench.load;

/**
 * Tells an open-loop point that is clearly over-saturated from one that is merely busy. At checkpoints a tenth of the
 * planned length apart (at least {@link #MIN_CHECKPOINT_NANOS}), it takes the requests <em>outstanding</em>: in flight
 * plus the arrivals the driver is behind on (its dispatch lag × the rate). A server with room keeps that near
 * {@code rate × latency}; one that cannot keep up lets it grow with every arrival. The point is over-saturated when the
 * outstanding count rose at each of the last {@value #RISES} checkpoints, is at least twice what it was {@value #RISES}
 * checkpoints before, and at least {@value #MIN_OUTSTANDING}. Not thread-safe: the driver's thread calls it.
 */
final class Saturation {
    static final int RISES = 3;
    static final int MIN_OUTSTANDING = 16;
    static final long MIN_CHECKPOINT_NANOS = 250_000_000L;

    private final long intervalNanos;
    private final long[] history = new long[RISES + 1];
    private long nextCheckNanos;
    private int checks;

    /** @param plannedNanos the point's planned length (its requests over its rate, or its duration) */
    Saturation(long startNanos, long plannedNanos) {
        this.intervalNanos = Math.max(MIN_CHECKPOINT_NANOS, plannedNanos / 10);
        this.nextCheckNanos = startNanos + intervalNanos;
    }

    /**
     * Observes the point at {@code nowNanos} with {@code outstanding} requests; returns why it is over-saturated, or
     * null to go on. Between checkpoints it only compares the time.
     */
    String observe(long nowNanos, long outstanding) {
        if (nowNanos < nextCheckNanos) return null;
        nextCheckNanos = nowNanos + intervalNanos;
        System.arraycopy(history, 1, history, 0, RISES);
        history[RISES] = outstanding;
        if (++checks <= RISES) return null;
        for (int i = 1; i <= RISES; i++) {
            if (history[i] <= history[i - 1]) return null;
        }
        if (outstanding < MIN_OUTSTANDING || outstanding < 2 * history[0]) return null;
        return "over-saturated: " + outstanding + " requests outstanding, up from " + history[0] + " over the last "
                + RISES + " checkpoints (" + String.format(java.util.Locale.ROOT, "%.1f", RISES * intervalNanos / 1e9)
                + " s); the target does not keep up with the offered rate";
    }
}
