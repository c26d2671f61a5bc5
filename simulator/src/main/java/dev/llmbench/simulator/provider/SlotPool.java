package dev.llmbench.simulator.provider;

import io.netty.util.concurrent.EventExecutor;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lock-free FIFO semaphore whose waiters are callbacks run on their own event loop (no thread ever blocks).
 * Used for a profile's generation capacity and for per-connection generation caps.
 */
final class SlotPool {
    private final int size;
    private final AtomicInteger free;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();

    private record Waiter(EventExecutor executor, Runnable granted) {}

    SlotPool(int size) {
        this.size = size;
        this.free = new AtomicInteger(size);
    }

    /** True if a slot was taken now, without queueing. */
    boolean tryAcquire() {
        for (;;) {
            int f = free.get();
            if (f <= 0) return false;
            if (free.compareAndSet(f, f - 1)) return true;
        }
    }

    /**
     * Runs {@code granted} once a slot is held: inline if one is free and nobody waits, else later on {@code executor}.
     * The callee owns the slot and must {@link #release()} it, even if it no longer needs it.
     */
    void acquire(EventExecutor executor, Runnable granted) {
        if (waiters.isEmpty() && tryAcquire()) {
            granted.run();
            return;
        }
        waiters.add(new Waiter(executor, granted));
        drain();
    }

    void release() {
        free.incrementAndGet();
        drain();
    }

    /** True when no slot is taken and nobody waits. */
    boolean idle() { return free.get() == size && waiters.isEmpty(); }

    int waiting() { return waiters.size(); }

    private void drain() {
        while (!waiters.isEmpty() && tryAcquire()) {
            Waiter w = waiters.poll();
            if (w == null) {
                free.incrementAndGet();
                continue;
            }
            w.executor().execute(w.granted());
        }
    }
}
