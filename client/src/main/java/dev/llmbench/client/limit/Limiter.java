package dev.llmbench.client.limit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Hands out in-flight permits under a {@link Limit} without ever blocking a thread: {@link #acquire()} returns a
 * future completed at once when the window has room, else queued (FIFO) and completed by a later
 * {@link Permit#release(Outcome)}. Releasing feeds the outcome to the limit, so an {@link AimdLimit} adapts the window.
 *
 * <p>Lock-free: an atomic in-flight counter, a concurrent waiter queue and a single-drainer ("work in progress")
 * loop, so releases racing with acquires never strand a waiter and completions never recurse without bound.
 * Queued futures complete on the releasing thread (a transport thread): continue with the {@code ...Async}
 * variants if the continuation is heavy. Cancelling a queued future withdraws it.
 */
public final class Limiter {
    private final Limit limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger drainWork = new AtomicInteger();
    private final ConcurrentLinkedQueue<CompletableFuture<Permit>> waiters = new ConcurrentLinkedQueue<>();
    private final List<WindowListener> listeners = new CopyOnWriteArrayList<>();

    public Limiter(Limit limit) {
        this.limit = Objects.requireNonNull(limit, "limit");
        limit.addListener((oldLimit, newLimit) -> {
            long now = System.nanoTime();
            int held = inFlight.get();
            for (WindowListener l : listeners) l.onWindowChange(now, oldLimit, newLimit, held);
            if (newLimit > oldLimit) drain();
        });
    }

    /** A limiter with the lessons' AIMD window (floor 4, ceiling {@code maxConcurrency}). */
    public static Limiter aimd(int maxConcurrency) {
        return new Limiter(AimdLimit.builder().min(Math.min(4, maxConcurrency)).max(maxConcurrency).build());
    }

    /** A plain semaphore of {@code n} permits. */
    public static Limiter fixed(int n) { return new Limiter(new FixedLimit(n)); }

    /** A permit now if the window has room and nobody is queued, else empty. Never queues. */
    public Optional<Permit> tryAcquire() {
        if (!waiters.isEmpty()) return Optional.empty();
        int n = tryReserve();
        return n < 0 ? Optional.empty() : Optional.of(new Permit(n));
    }

    /** A permit, now or when one is released. The future is never completed exceptionally by the limiter. */
    public CompletableFuture<Permit> acquire() {
        if (waiters.isEmpty()) {
            int n = tryReserve();
            if (n >= 0) return CompletableFuture.completedFuture(new Permit(n));
        }
        CompletableFuture<Permit> f = new CompletableFuture<>();
        waiters.add(f);
        waiting.incrementAndGet();
        drain(); // a release may have happened between the failed reserve and the enqueue
        return f;
    }

    /** Requests holding a permit. */
    public int inFlight() { return inFlight.get(); }

    /** Queued acquirers (cancelled ones may be counted until the next drain). */
    public int waiting() { return waiting.get(); }

    /** The current window. */
    public int limit() { return limit.limit(); }

    public Limit limitAlgorithm() { return limit; }

    /** The window now, for sampling into a time series. */
    public Window snapshot() { return new Window(System.nanoTime(), limit.limit(), inFlight.get(), waiting.get()); }

    /** Called on every change of the window (e.g. a {@link WindowRecorder}). */
    public void addListener(WindowListener listener) { listeners.add(Objects.requireNonNull(listener)); }

    /** Reserves one slot; returns the in-flight count including it, or -1 when the window is full. */
    private int tryReserve() {
        for (;;) {
            int cur = inFlight.get();
            if (cur >= limit.limit()) return -1;
            if (inFlight.compareAndSet(cur, cur + 1)) return cur + 1;
        }
    }

    /** Hands free slots to waiters; one thread drains at a time, others just ask it to loop again. */
    private void drain() {
        if (drainWork.getAndIncrement() != 0) return;
        int missed = 1;
        do {
            CompletableFuture<Permit> w;
            while ((w = waiters.peek()) != null) {
                if (w.isDone()) { // cancelled or timed out by its owner; only the drainer polls, so w is the head
                    waiters.poll();
                    waiting.decrementAndGet();
                    continue;
                }
                int n = tryReserve();
                if (n < 0) break;
                waiters.poll();
                waiting.decrementAndGet();
                Permit p = new Permit(n);
                if (!w.complete(p)) inFlight.decrementAndGet(); // lost a race with cancel: give the slot back
            }
            missed = drainWork.addAndGet(-missed);
        } while (missed != 0);
    }

    @Override
    public String toString() {
        return "Limiter[limit=" + limit.limit() + ", inFlight=" + inFlight.get() + ", waiting=" + waiting.get() + "]";
    }

    /** One request's right to be in flight. Release exactly once; later releases are ignored. */
    public final class Permit {
        private static final AtomicIntegerFieldUpdater<Permit> RELEASED =
                AtomicIntegerFieldUpdater.newUpdater(Permit.class, "released");
        private final long startNanos = System.nanoTime();
        private final int inFlightAtStart;
        private volatile int released;

        private Permit(int inFlightAtStart) { this.inFlightAtStart = inFlightAtStart; }

        /** Ends the request and feeds its outcome to the limit. Returns false if already released. */
        public boolean release(Outcome outcome) {
            if (!RELEASED.compareAndSet(this, 0, 1)) return false;
            inFlight.decrementAndGet();
            limit.onSample(startNanos, inFlightAtStart, outcome);
            drain();
            return true;
        }

        /** Ends the request with its failure ({@code null} for success), classified by {@link Outcome#of}. */
        public boolean release(Throwable failure) { return release(Outcome.of(failure)); }

        public long startNanos() { return startNanos; }

        /** In-flight requests, this one included, when the permit was granted. */
        public int inFlightAtStart() { return inFlightAtStart; }

        public boolean isReleased() { return released != 0; }
    }

    /** The window at one moment. */
    public record Window(long nanoTime, int limit, int inFlight, int waiting) {}

    /**
     * Observes window changes. Called on the thread that changed it, before waiters are let into a grown window: be
     * quick, never block.
     */
    @FunctionalInterface
    public interface WindowListener {
        /** The window is now {@code limit}, with {@code inFlight} permits held. */
        void onWindow(long nanoTime, int limit, int inFlight);

        /** The window changed from {@code oldLimit} to {@code newLimit}; the limiter calls this, by default {@link #onWindow}. */
        default void onWindowChange(long nanoTime, int oldLimit, int newLimit, int inFlight) { onWindow(nanoTime, newLimit, inFlight); }
    }
}
