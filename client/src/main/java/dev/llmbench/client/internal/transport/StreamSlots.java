package dev.llmbench.client.internal.transport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Bounds in-flight HTTP/2 streams to one host for the JDK client, which opens one connection per host and fails a
 * request past the server's SETTINGS_MAX_CONCURRENT_STREAMS with "too many concurrent streams" (JDK-8225647) instead
 * of queueing it. The JDK does not expose the server's setting, so the bound starts at a safe default (real providers
 * advertise about 100) and lowered by each refusal to one below what was then in flight: a burst of N streams against
 * a limit of M sees N - M refusals and ends with the bound at M. The bound never grows back (servers rarely raise
 * it mid-run). Requests past the bound wait in a lock-free queue and are started as slots free up; no thread waits.
 *
 * <p>A stack that opens more connections (OkHttp) scales the bound: {@code limit x scale}, see {@code OkHttpTransport}.
 */
public final class StreamSlots {
    public static final int DEFAULT_LIMIT = 100;

    private final AtomicInteger limit;
    private final IntSupplier scale;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    /** One connection: at most {@code initialLimit} streams. */
    public StreamSlots(int initialLimit) { this(initialLimit, () -> 1); }

    /** At most {@code limit x scale} streams, {@code scale} read at each acquire (at least 1). */
    public StreamSlots(int initialLimit, IntSupplier scale) {
        this.limit = new AtomicInteger(initialLimit);
        this.scale = scale;
    }

    /** Runs {@code start} now if a slot is free, else when one frees up. */
    public void submit(Runnable start) {
        if (tryAcquire()) start.run();
        else {
            waiting.add(start);
            drain(); // a slot may have freed between the failed acquire and the add
        }
    }

    /**
     * Like {@link #submit}, for a request whose stream the server refused: queued behind the waiting ones and started
     * when another stream ends (the server has then freed one), at once only when none is in flight. Sending it again
     * at once would hit the same full connection: the server counts a stream until its last frame is written, the
     * client frees it once that frame is read.
     */
    public void resubmit(Runnable start) {
        waiting.add(start);
        if (inFlight.get() == 0) drain(); // no stream left whose end would start it
    }

    /** A stream ended: frees its slot and starts a waiting request if any. */
    public void release() {
        inFlight.decrementAndGet();
        drain();
    }

    /** A stream holding a slot was refused for the stream limit: lower the bound (never below 1). */
    public void refused() {
        int open = inFlight.get() / scale();
        limit.updateAndGet(l -> Math.max(1, Math.min(l, open) - 1));
    }

    public int inFlight() { return inFlight.get(); }

    public int limit() { return limit.get(); }

    private int scale() { return Math.max(1, scale.getAsInt()); }

    private boolean tryAcquire() {
        while (true) {
            int n = inFlight.get();
            if (n >= limit.get() * scale()) return false;
            if (inFlight.compareAndSet(n, n + 1)) return true;
        }
    }

    private void drain() {
        while (!waiting.isEmpty() && tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) { inFlight.decrementAndGet(); continue; }
            next.run();
        }
    }
}
