package dev.llmbench.client.limit;

/** A limit that never changes: the plain semaphore the lessons started from. */
public final class FixedLimit implements Limit {
    private final int limit;

    public FixedLimit(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
        this.limit = limit;
    }

    @Override public int limit() { return limit; }

    @Override public void onSample(long startNanos, int inFlight, Outcome outcome) {}

    @Override public void addListener(LimitListener listener) {}

    @Override public String toString() { return "FixedLimit[" + limit + "]"; }
}
