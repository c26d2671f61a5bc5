package dev.llmbench.bench.load;

import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.path.Guard;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.model.Batch;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Overhead;
import dev.llmbench.bench.model.SoakSample;
import dev.llmbench.bench.model.SteadyState;
import dev.llmbench.bench.model.Tokens;
import dev.llmbench.client.ChatResponse;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
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
import java.util.concurrent.atomic.LongAdder;

/**
 * A soak cell: one client under a closed loop of {@code concurrency} in-flight streams for a fixed time, sampled every
 * few seconds (heap in use after the JVM's latest collection, live threads, open sockets, the interval's ok/failed
 * requests and output tok/s) so that growth in memory, threads or connections, or sagging throughput, shows. No
 * collection is forced: a forced full GC would pause the streams it samples and land inside their latencies. Every
 * request is accounted for and recorded ({@link RequestLog}) as in {@link LoadDriver}; those still running when the
 * time is up are awaited (each is bounded by the client's request limit), then any left are cancelled and counted so.
 * The soak's steady window is its fixed time: the load is held from its start to its end.
 */
public final class SoakDriver {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final OutcomeTally tally = new OutcomeTally();
    private final CellRecorder recorder = new CellRecorder();
    private final AtomicLong lastDoneNanos = new AtomicLong();
    private final ConcurrentHashMap<Integer, CompletableFuture<ChatResponse>> inFlight = new ConcurrentHashMap<>();
    private final LongAdder steadyOk = new LongAdder();
    private final LongAdder steadyTokens = new LongAdder();
    private final LongAdder steadyE2eNanos = new LongAdder();
    /** When the soak's time is up (nanoTime); completions after it are the drain. */
    private volatile long endNanos = Long.MAX_VALUE;

    /** Where each request's record goes and where its id comes from; set by {@link #run}. */
    private RequestLog log;

    /** Runs the soak, writing its histogram log to {@code hlog} and its per-request records next to it. */
    public CellMeasurement run(PathSession session, RequestFactory requests, int concurrency, int warmup, Guard guard, Path hlog)
            throws IOException, InterruptedException {
        try (RequestLog log = RequestLog.besideHlog(hlog)) {
            return run(session, requests, concurrency, warmup, guard, hlog, log);
        }
    }

    /**
     * Runs the soak, writing its histogram log to {@code hlog}; every request, warm-up included, is sent with its id
     * from {@code log} as the {@value RequestLog#HEADER} header and added to {@code log} (which the caller closes). The
     * log spills to its file as the soak runs, so its records do not accumulate on the heap the soak samples.
     */
    public CellMeasurement run(PathSession session, RequestFactory requests, int concurrency, int warmup, Guard guard, Path hlog,
                               RequestLog log) throws IOException, InterruptedException {
        this.log = java.util.Objects.requireNonNull(log, "log");
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
        endNanos = end;
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
        long endedNanos = System.nanoTime();
        double steadyCpuMillis = meter.cpuMillis();
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
        Overhead overhead = summary.toOverhead(Double.NaN);
        Tokens tokens = tally.tokens();
        // the soak holds its concurrency from start to end: its whole measured time is the steady window
        SteadyState steady = tally.okCount() > 0
                ? new SteadyState((endedNanos - start) / 1e9, steadyOk.sum(), steadyTokens.sum(), steadyCpuMillis,
                        steadyOk.sum() > 0 ? steadyE2eNanos.sum() / 1e9 / steadyOk.sum() : Double.NaN)
                : SteadyState.empty();
        return new CellMeasurement(wallNanos / 1e9, Double.NaN, tally.outcomes(), tokens, summary.latency(), summary.adjusted(),
                overhead, steady, Batch.NONE, cpuMillis, peakThreads, tally.protocols(), samples);
    }

    private SoakSample sample(long start, long since, long[] last) {
        double heapMb = heapAfterLastGc() / (1024.0 * 1024.0);
        long now = System.nanoTime();
        long ok = tally.okCount();
        long failed = tally.failures();
        long tokens = tally.outputTokens.sum();
        double seconds = Math.max(1e-9, (now - since) / 1e9);
        SoakSample s = new SoakSample(Math.round((now - start) / 1e7) / 100.0, Double.isNaN(heapMb) ? heapMb : Math.round(heapMb * 10) / 10.0,
                THREADS.getThreadCount(), LeakCheck.openSockets(), ok - last[0], failed - last[1], (tokens - last[2]) / seconds);
        last[0] = ok;
        last[1] = failed;
        last[2] = tokens;
        return s;
    }

    /**
     * Heap in use right after the JVM's most recent collection (what was really retained then), or NaN before the
     * first one; read from the collectors' last GC info, so nothing is forced.
     */
    static double heapAfterLastGc() {
        long latestEnd = -1;
        double used = Double.NaN;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof com.sun.management.GarbageCollectorMXBean sun)) continue;
            com.sun.management.GcInfo info = sun.getLastGcInfo();
            if (info == null || info.getEndTime() <= latestEnd) continue;
            latestEnd = info.getEndTime();
            long sum = 0;
            for (var e : info.getMemoryUsageAfterGc().entrySet()) {
                if (isHeap(e.getKey())) sum += e.getValue().getUsed();
            }
            used = sum;
        }
        return used;
    }

    private static boolean isHeap(String pool) {
        for (var p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().equals(pool)) return p.getType() == java.lang.management.MemoryType.HEAP;
        }
        return false;
    }

    private void startRequest(PathSession session, RequestFactory requests, int i, boolean warmup, Semaphore permits) {
        OutcomeTally t = warmup ? null : tally;
        if (t != null) t.sent();
        String requestId = log.id(warmup, i);
        long dispatched = System.nanoTime();
        RequestProbe probe = new RequestProbe(-1, 0, dispatched, warmup ? null : recorder);
        CompletableFuture<ChatResponse> f;
        try {
            f = session.stream(requests.request(i, warmup).withHeader(RequestLog.HEADER, requestId), probe);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        Integer id = warmup ? -1 - i : i;
        inFlight.put(id, f);
        f.whenComplete((r, err) -> {
            try {
                long now = System.nanoTime(); // one reading for ERROR, the steady window and the record
                if (t != null) completed(session, r, err, probe, now);
                log.add(requestId, warmup, i, probe, r, err, now);
            } finally {
                inFlight.remove(id);
                lastDoneNanos.accumulateAndGet(System.nanoTime(), Math::max);
                permits.release();
            }
        });
    }

    private void completed(PathSession session, ChatResponse r, Throwable err, RequestProbe probe, long now) {
        if (err != null) {
            tally.failed(err instanceof CompletionException && err.getCause() != null ? err.getCause() : err, session::redact);
            recorder.record(Metric.ERROR, now - probe.submitNanos);
            return;
        }
        if (r.cacheHit()) {
            tally.cacheHit();
            return;
        }
        tally.ok(r);
        long out = r.usage().outputTokens();
        if (now <= endNanos) {
            steadyOk.increment();
            steadyTokens.add(out);
            steadyE2eNanos.add(now - probe.submitNanos);
        }
        LoadDriver.recordTimes(recorder, r.timing(), out, probe.submitNanos);
        long serverFirst = probe.firstTokenServerMicros();
        long ttft = r.timing().ttftNanos();
        if (serverFirst >= 0 && ttft >= 0) {
            recorder.recordOverhead(OverheadKind.TTFT, ttft - serverFirst * 1_000);
            probe.recordTpotOverhead(recorder, out);
            probe.recordLegs(recorder, r.timing().sendNanos(), r.timing().firstTokenNanos());
        }
    }
}
