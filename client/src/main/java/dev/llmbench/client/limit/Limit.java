package dev.llmbench.client.limit;

/**
 * A concurrency limit that learns from request outcomes, in the spirit of Netflix concurrency-limits.
 * Implementations are thread-safe and lock-free: samples arrive from many transport threads at once.
 */
public interface Limit {

    /** The current number of requests allowed in flight. */
    int limit();

    /**
     * Feeds one finished request.
     *
     * @param startNanos {@link System#nanoTime()} when the request got its permit
     * @param inFlight   requests in flight (this one included) when it got its permit
     * @param outcome    how it ended
     */
    void onSample(long startNanos, int inFlight, Outcome outcome);

    /** Registers a listener called after each change of {@link #limit()} (from the thread that changed it). */
    void addListener(LimitListener listener);

    /** Notified when a limit changes. Must be quick and must not block. */
    @FunctionalInterface
    interface LimitListener {
        void onLimitChange(int oldLimit, int newLimit);
    }
}
