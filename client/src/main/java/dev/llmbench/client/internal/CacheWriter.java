package dev.llmbench.client.internal;

import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.cache.CacheKey;
import dev.llmbench.client.cache.ResponseCache;
import dev.llmbench.client.internal.transport.DaemonThreads;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Takes cache writes off the transport threads: one daemon thread, started with the first write, and a bounded queue;
 * a write that finds the queue full (the disk slower than the responses) is dropped and counted — a cache may miss
 * a write, a request never waits for one.
 */
final class CacheWriter implements AutoCloseable {
    private static final int QUEUE = 1024;

    private final ResponseCache cache;
    private final LongAdder dropped = new LongAdder();
    private volatile ThreadPoolExecutor thread;
    private volatile boolean closed;

    CacheWriter(ResponseCache cache) {
        this.cache = cache;
    }

    void store(CacheKey key, ChatResponse response) {
        if (closed) return;
        try {
            executor().execute(() -> cache.put(key, response));
        } catch (RejectedExecutionException e) {
            dropped.increment(); // queue full, or closing
        }
    }

    /** Writes dropped because the queue was full or the client was closing. */
    long dropped() { return dropped.sum(); }

    /** The writer thread, started on first use; refused once closed. Package-private for the close-race test. */
    ThreadPoolExecutor executor() {
        ThreadPoolExecutor t = thread;
        if (t != null) return t;
        synchronized (this) {
            if (closed) throw new RejectedExecutionException("closed"); // no thread may start after close()
            if (thread == null) {
                thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                        new DaemonThreads("llmbench-cache-writer"), new ThreadPoolExecutor.AbortPolicy());
            }
            return thread;
        }
    }

    /** Lets queued writes finish (each bounded by the cache's busy timeout), waiting at most 2 s. */
    @Override
    public void close() {
        ThreadPoolExecutor t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t == null) return;
        t.shutdown();
        try {
            t.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
