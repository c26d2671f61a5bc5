package dev.llmbench.bench.load;

import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.path.Guard;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.SoakSample;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.StreamTiming;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak cell: one client under a closed loop of {@code concurrency} in-flight streams for a fixed time, sampled every
 * few seconds (used heap after a GC, live threads, open sockets, the interval's ok/failed requests and output tok/s)
 * so that growth in memory, threads or connections, or sagging throughput, shows. Every request is accounted for as
 * in {@link LoadDriver}; those still running when the time is up are awaited (each is bounded by the client's request
 * limit), then any left are cancelled and counted so.
 */
public final class SoakDriver {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final OutcomeTally tally = new OutcomeTally();
    private final CellRecorder recorder = new CellRecorder();
    private final AtomicLong lastDoneNanos = new AtomicLong();
    private final ConcurrentHashMap<Integer, CompletableFuture<ChatResponse>> inFlight = new ConcurrentHashMap<>();

    public CellMeasurement run(PathSession session, RequestFactory requests, int concurrency, int warmup, Guard guard, Path hlog)
            throws IOException, InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        for (int i = 0; i < warmup; i++) {
            permits.acquire();
            startRequest(session, requests, i, true, permits);
        }
        permits.acquire(concurrency); // warm-up done
        permits.release(concurrency);

        ResourceMeter meter = new ResourceMeter();
        List<SoakSample> samples = new ArrayList<>();
        long startEpochMs = System.currentTimeMillis();
        meter.start();
        long start = System.nanoTime();
        long end = start + guard.soak().toNanos();
        long every = guard.sampleEvery().toNanos();
        long nextSample = start + every;
        long[] last = {0, 0, 0}; // ok, failures, output tokens at the previous sample
        long lastSampleNanos = start;
        int i = 0;
        while (System.nanoTime() < end) {
            if (permits.tryAcquire(10, TimeUnit.MILLISECONDS)) startRequest(session, requests, i++, false, permits);
            long now = System.nanoTime();
            if (now >= nextSample) {
                samples.add(sample(start, lastSampleNanos, last));
                lastSampleNanos = System.nanoTime();
                nextSample += every;
            }
        }
        // the rest: each is bounded by the client's own request limit
        if (!permits.tryAcquire(concurrency, guard.requestTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
            inFlight.values().forEach(f -> f.cancel(true));
            if (!permits.tryAcquire(concurrency, 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("soak requests did not complete even after being cancelled");
            }
        }
        samples.add(sample(start, lastSampleNanos, last));
        double cpuMillis = meter.cpuMillis();
        int peakThreads = meter.peakThreads();
        long wallNanos = Math.max(1, lastDoneNanos.get() - start);
        CellRecorder.Summary summary = recorder.finish(hlog, startEpochMs, startEpochMs + wallNanos / 1_000_000, tally.failures());
        return new CellMeasurement(wallNanos / 1e9, tally.outcomes(), tally.outputTokens.sum(), tally.inputTokens.sum(),
                tally.cachedInputTokens.sum(), tally.reasoningTokens.sum(), summary.latency(), null, cpuMillis, peakThreads,
                tally.estimatedUsage.sum(), tally.protocols(), summary.adjusted(), samples);
    }

    private SoakSample sample(long start, long since, long[] last) {
        System.gc(); // used heap right after a collection: what is really retained
        double heapMb = MEMORY.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        long now = System.nanoTime();
        long ok = tally.okCount();
        long failed = tally.failures();
        long tokens = tally.outputTokens.sum();
        double seconds = Math.max(1e-9, (now - since) / 1e9);
        SoakSample s = new SoakSample(Math.round((now - start) / 1e7) / 100.0, Math.round(heapMb * 10) / 10.0,
                THREADS.getThreadCount(), LeakCheck.openSockets(), ok - last[0], failed - last[1], (tokens - last[2]) / seconds);
        last[0] = ok;
        last[1] = failed;
        last[2] = tokens;
        return s;
    }

    private void startRequest(PathSession session, RequestFactory requests, int i, boolean warmup, Semaphore permits) {
        OutcomeTally t = warmup ? null : tally;
        if (t != null) t.sent();
        long dispatched = System.nanoTime();
        CompletableFuture<ChatResponse> f;
        try {
            f = session.stream(requests.request(i, warmup), dev.llmbench.client.StreamListener.NONE);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        Integer id = warmup ? -1 - i : i;
        inFlight.put(id, f);
        f.whenComplete((r, err) -> {
            try {
                if (t != null) completed(session, r, err, dispatched);
            } finally {
                inFlight.remove(id);
                lastDoneNanos.accumulateAndGet(System.nanoTime(), Math::max);
                permits.release();
            }
        });
    }

    private void completed(PathSession session, ChatResponse r, Throwable err, long dispatched) {
        if (err != null) {
            tally.failed(err instanceof CompletionException && err.getCause() != null ? err.getCause() : err, session::redact);
            recorder.record(Metric.ERROR, System.nanoTime() - dispatched);
            return;
        }
        if (r.cacheHit()) {
            tally.cacheHit();
            return;
        }
        tally.ok(r);
        LoadDriver.recordTimes(recorder, r.timing(), r.usage().outputTokens(), dispatched);
    }
}
