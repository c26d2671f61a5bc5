package dev.llmbench.bench.load;

import dev.llmbench.bench.model.Batch;
import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Overhead;
import dev.llmbench.bench.model.RequestRecord;
import dev.llmbench.bench.model.Slo;
import dev.llmbench.bench.model.SteadyState;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.StreamTiming;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one cell: a warm-up phase (excluded), then the measured phase, either closed loop (a {@link Semaphore} of
 * {@code concurrency} permits; the single driver thread issues the next request as soon as one completes) or open loop
 * (Poisson arrivals from a seeded generator, in-flight requests capped by the same semaphore). The measured phase
 * sends {@link LoadPlan#requests()} requests or, timed, dispatches for {@link LoadPlan#durationNanos()}; the requests
 * in flight when it stops dispatching complete and count. Requests are the path's asynchronous streams: no thread per
 * request. Open-loop latencies are measured from each request's <em>intended</em> start, so a stalled driver or a full
 * in-flight cap shows up in the numbers instead of being hidden (no coordinated omission); the gap between intended
 * and actual dispatch is recorded as {@link Metric#DISPATCH_LAG}. An open-loop point asked to
 * ({@link LoadPlan#stopSaturated()}) stops early when {@link Saturation} finds it over-saturated, cancelling what is in
 * flight, and says why ({@link CellMeasurement#stoppedEarly()}). With an SLO every completion is judged by it
 * ({@link Slo#met}).
 */
public final class LoadDriver {
    /** A cell that has not finished by then is cut short: its outstanding requests are cancelled and counted so. */
    private final long cellTimeoutNanos;
    private final Progress progress;

    public LoadDriver(Progress progress, long cellTimeoutSeconds) {
        this.progress = progress;
        this.cellTimeoutNanos = TimeUnit.SECONDS.toNanos(cellTimeoutSeconds);
    }

    /**
     * Runs the cell and writes its histogram log to {@code hlog} and its per-request records next to it
     * ({@link RequestLog#besideHlog}).
     */
    public CellMeasurement run(PathSession session, RequestFactory requests, LoadPlan plan, Path hlog)
            throws IOException, InterruptedException {
        try (RequestLog log = RequestLog.besideHlog(hlog)) {
            return run(session, requests, plan, hlog, log);
        }
    }

    /**
     * Runs the cell and writes its histogram log to {@code hlog}; every request, warm-up included, is sent with its
     * id from {@code log} as the {@value RequestLog#HEADER} header and added to {@code log} (which the caller closes).
     */
    public CellMeasurement run(PathSession session, RequestFactory requests, LoadPlan plan, Path hlog, RequestLog log)
            throws IOException, InterruptedException {
        if (plan.warmup() > 0) {
            new Phase(session, requests, plan.warmup(), 0, plan.concurrency(), true, null, null).logTo(log).closedLoop();
        }
        ResourceMeter meter = new ResourceMeter();
        Phase measured = new Phase(session, requests, plan.requests(), plan.durationNanos(), plan.concurrency(), false, meter, plan.slo())
                .logTo(log);
        long startEpochMs = System.currentTimeMillis();
        long retriesBefore = session.retries();
        meter.start();
        if (plan.openLoop()) measured.openLoop(plan.rate(), plan.seed(), plan.stopSaturated());
        else measured.closedLoop();
        long retries = session.retries() - retriesBefore;
        double cpuMillis = meter.cpuMillis();
        int peakThreads = meter.peakThreads();
        long wallNanos = Math.max(1, measured.lastDoneNanos.get() - measured.startNanos);
        OutcomeTally t = measured.tally;
        CellRecorder.Summary summary = measured.recorder.finish(hlog, startEpochMs, startEpochMs + wallNanos / 1_000_000,
                t.failures());
        Overhead overhead = measured.groundTruthRequests.get() > 0
                ? summary.toOverhead(measured.idealWallMicros() * 1_000.0 / wallNanos) : null;
        return new CellMeasurement(wallNanos / 1e9, plan.openLoop() ? plan.rate() : Double.NaN, t.outcomes(retries),
                t.tokens(), summary.latency(), summary.adjusted(), overhead, measured.steadyState(), measured.batch(),
                cpuMillis, peakThreads, t.protocols(), List.of(), plan.slo(), measured.sloMet(), measured.stoppedEarly);
    }

    /**
     * Records one ok response's latencies, the same way for every path: TTFB, TTFT, E2E from the send of the attempt
     * that produced the response; QUEUE, TTFT_SUBMIT, E2E_SUBMIT from the caller's submit (0 = unknown: skipped); ITL
     * between token events; TPOT from the first to the last token event over (output tokens - 1); TAIL from the last
     * token event to the end.
     */
    static void recordTimes(CellRecorder recorder, StreamTiming timing, long outputTokens, long submitNanos) {
        long send = timing.sendNanos();
        if (send == 0) return;
        if (timing.headersNanos() != 0) recorder.record(Metric.TTFB, timing.headersNanos() - send);
        if (timing.firstTokenNanos() != 0) recorder.record(Metric.TTFT, timing.firstTokenNanos() - send);
        if (timing.endNanos() != 0) recorder.record(Metric.E2E, timing.endNanos() - send);
        if (submitNanos != 0) {
            recorder.record(Metric.QUEUE, send - submitNanos);
            if (timing.firstTokenNanos() != 0) recorder.record(Metric.TTFT_SUBMIT, timing.firstTokenNanos() - submitNanos);
            if (timing.endNanos() != 0) recorder.record(Metric.E2E_SUBMIT, timing.endNanos() - submitNanos);
        }
        int events = timing.tokenEvents();
        for (int i = 1; i < events; i++) {
            recorder.record(Metric.ITL, timing.tokenEventNanos(i) - timing.tokenEventNanos(i - 1));
        }
        if (events > 0) {
            long last = timing.tokenEventNanos(events - 1);
            long tpot = RequestRecord.tpotNanos(timing.firstTokenNanos(), last, outputTokens);
            if (tpot >= 0) recorder.record(Metric.TPOT, tpot);
            if (timing.endNanos() != 0) recorder.record(Metric.TAIL, timing.endNanos() - last);
        }
    }

    /**
     * One phase's requests and their bookkeeping. The driver's thread dispatches; completions arrive on transport
     * threads. A request holds one of the {@code concurrency} permits from dispatch until its bookkeeping is done, so
     * holding all permits means nothing is in flight.
     */
    private final class Phase {
        final PathSession session;
        final RequestFactory requests;
        /** Requests to send; 0 = no count limit (a timed phase). */
        final int count;
        final long durationNanos;
        final int concurrency;
        final boolean warmup;
        final Slo slo;
        final OutcomeTally tally = new OutcomeTally();
        final CellRecorder recorder = new CellRecorder();
        final Semaphore permits;
        final AtomicLong lastDoneNanos = new AtomicLong();
        final AtomicLong groundTruthRequests = new AtomicLong();
        /** Closed loop: server-side busy time per slot, µs (a slot is used by one request at a time). */
        final long[] slotServerMicros;
        final ConcurrentLinkedQueue<Integer> freeSlots = new ConcurrentLinkedQueue<>();
        /** Open loop: latest (intended start + server-side duration), µs after the phase start. */
        final AtomicLong openLoopIdealMicros = new AtomicLong();
        /** The requests in flight by index, to cancel them at a time limit or a saturation stop. */
        final ConcurrentHashMap<Integer, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
        /**
         * Per completion, in completion order: when (nanoTime), the output tokens if ok (-1 if it failed or was a
         * cache hit), its submit-to-end time, whether it met the SLO. Grown and written under {@code this}.
         */
        long[] doneNanos;
        long[] doneTokens;
        long[] doneE2eSubmitNanos;
        boolean[] doneMet;
        /** Per request index below {@link Batch#LESSONS_REQUESTS}: when it completed, and its output tokens if ok. */
        final long[] requestDoneNanos = new long[Batch.LESSONS_REQUESTS];
        final long[] requestTokens = new long[Batch.LESSONS_REQUESTS];
        int completions;
        long sloMet;
        /** Set once completions stop counting towards the window (a saturation stop cancels what is left). */
        boolean windowClosed;
        final int windowFrom;
        /** Closed loop: the window's closing completion; known up front for a counted phase, set when a timed one stops. */
        int windowTo;
        double windowFromCpu = Double.NaN;
        double windowToCpu = Double.NaN;
        final ResourceMeter meter;
        long startNanos;
        /** Requests dispatched so far (the driver's thread only). */
        int dispatched;
        boolean open;
        String stoppedEarly;
        /** Where each request's record goes and where its id comes from ({@link #logTo}). */
        RequestLog log;

        Phase(PathSession session, RequestFactory requests, int count, long durationNanos, int concurrency, boolean warmup,
              ResourceMeter meter, Slo slo) {
            this.session = session;
            this.requests = requests;
            this.count = count;
            this.durationNanos = durationNanos;
            this.concurrency = concurrency;
            this.warmup = warmup;
            this.slo = slo;
            this.permits = new Semaphore(concurrency);
            this.slotServerMicros = new long[concurrency];
            for (int i = 0; i < concurrency; i++) freeSlots.add(i);
            int initial = count > 0 ? count : 1024;
            this.doneNanos = new long[initial];
            this.doneTokens = new long[initial];
            this.doneE2eSubmitNanos = new long[initial];
            this.doneMet = new boolean[initial];
            this.meter = meter;
            this.windowFrom = concurrency;
            this.windowTo = durationNanos > 0 ? Integer.MAX_VALUE : count - concurrency;
        }

        /** Sets the phase's request log; before it runs. */
        Phase logTo(RequestLog log) {
            this.log = java.util.Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * The steady window ({@link SteadyState}) between completions {@code from} and {@code to} (1-based, in
         * completion order): the ones after the first up to and including the second. Read after every request
         * completed.
         */
        synchronized SteadyState steadyState() {
            int from = open ? Math.max(1, completions / 10) : windowFrom;
            int to = open ? completions - from : windowTo;
            if (from < 1 || to <= from || to > completions) return SteadyState.empty();
            long ok = 0;
            long all = 0;
            long met = 0;
            long tokens = 0;
            long e2e = 0;
            for (int i = from; i < to; i++) { // completions from+1 .. to, 0-based from .. to-1
                all++;
                if (doneMet[i]) met++;
                if (doneTokens[i] >= 0) {
                    ok++;
                    tokens += doneTokens[i];
                    e2e += doneE2eSubmitNanos[i];
                }
            }
            double seconds = (doneNanos[to - 1] - doneNanos[from - 1]) / 1e9;
            if (seconds <= 0) return SteadyState.empty();
            double cpu = open ? Double.NaN : windowToCpu - windowFromCpu;
            return new SteadyState(seconds, ok, tokens, cpu, ok == 0 ? Double.NaN : e2e / 1e9 / ok, all, met);
        }

        synchronized long sloMet() { return sloMet; }

        /** The first {@link Batch#LESSONS_REQUESTS} requests by index, from the phase start to the last of them completing. */
        synchronized Batch batch() {
            int k = Math.min(Batch.LESSONS_REQUESTS, dispatched);
            long last = 0;
            long tokens = 0;
            for (int i = 0; i < k; i++) {
                if (requestDoneNanos[i] == 0) return Batch.NONE; // cut short: no batch wall
                last = Math.max(last, requestDoneNanos[i]);
                tokens += requestTokens[i];
            }
            return k == 0 ? Batch.NONE : new Batch(k, (last - startNanos) / 1e9, tokens);
        }

        /**
         * Books completion of request {@code i} ({@code tokens} -1 unless ok) submitted at {@code submitNanos}, and
         * reads the CPU at the window's edges.
         */
        private synchronized void booked(int i, long nanos, long tokens, long submitNanos, boolean met) {
            if (met) sloMet++;
            if (i < Batch.LESSONS_REQUESTS) {
                requestDoneNanos[i] = nanos;
                requestTokens[i] = Math.max(0, tokens);
            }
            if (windowClosed) return;
            int k = completions++;
            if (k == doneNanos.length) grow();
            doneNanos[k] = nanos;
            doneTokens[k] = tokens;
            doneE2eSubmitNanos[k] = nanos - submitNanos;
            doneMet[k] = met;
            if (meter != null && !open) {
                if (k + 1 == windowFrom) windowFromCpu = meter.cpuMillis();
                if (k + 1 == windowTo) windowToCpu = meter.cpuMillis();
            }
        }

        private void grow() {
            int n = doneNanos.length * 2;
            doneNanos = Arrays.copyOf(doneNanos, n);
            doneTokens = Arrays.copyOf(doneTokens, n);
            doneE2eSubmitNanos = Arrays.copyOf(doneE2eSubmitNanos, n);
            doneMet = Arrays.copyOf(doneMet, n);
        }

        /** Whether another request may go out: the count is not reached and, when timed, the time is not up. */
        private boolean more(long nowNanos) {
            return (count == 0 || dispatched < count) && (durationNanos == 0 || nowNanos - startNanos < durationNanos);
        }

        void closedLoop() throws InterruptedException {
            startNanos = System.nanoTime();
            while (more(System.nanoTime())) {
                if (durationNanos == 0) {
                    permits.acquire();
                } else if (!permits.tryAcquire(startNanos + durationNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    break;
                }
                if (!more(System.nanoTime())) { // the time ran out while waiting for the permit
                    permits.release();
                    break;
                }
                dispatch(dispatched++, 0);
            }
            if (durationNanos > 0) closeTimedWindow();
            awaitAll();
        }

        /** A timed closed loop stopped dispatching: from here in-flight falls, so the window closes at n - c. */
        private synchronized void closeTimedWindow() {
            windowTo = dispatched - concurrency;
            if (meter != null && windowTo > windowFrom) windowToCpu = meter.cpuMillis();
        }

        void openLoop(double rate, long seed, boolean stopSaturated) throws InterruptedException {
            open = true;
            SplittableRandom random = new SplittableRandom(seed);
            double meanGapNanos = 1e9 / rate;
            startNanos = System.nanoTime();
            Saturation saturation = stopSaturated
                    ? new Saturation(startNanos, durationNanos > 0 ? durationNanos : (long) (count * meanGapNanos)) : null;
            long intended = startNanos;
            while (true) {
                if (dispatched > 0) intended += (long) (-Math.log(1.0 - random.nextDouble()) * meanGapNanos);
                if (!more(intended)) break;
                for (long wait; (wait = intended - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
                if (saturation != null) {
                    long now = System.nanoTime();
                    long outstanding = dispatched - completionsSoFar() + (long) ((now - intended) / meanGapNanos);
                    String reason = saturation.observe(now, outstanding);
                    if (reason != null) {
                        stopSaturated(reason);
                        break;
                    }
                }
                permits.acquire(); // a full in-flight cap delays dispatch: that delay counts against latency
                recorder.record(Metric.DISPATCH_LAG, System.nanoTime() - intended);
                dispatch(dispatched++, intended);
            }
            awaitAll();
        }

        private synchronized int completionsSoFar() { return completions; }

        /** Stops an over-saturated point: what is still in flight is cancelled (and counted so), outside the window. */
        private void stopSaturated(String reason) {
            synchronized (this) {
                stoppedEarly = reason;
                windowClosed = true;
            }
            inFlight.values().forEach(f -> f.cancel(true));
        }

        private void dispatch(int i, long intendedNanos) {
            Integer slot = open ? null : freeSlots.poll();
            String id = log.id(warmup, i);
            long dispatchedNanos = System.nanoTime();
            // the caller's submit: open loop, when the schedule wanted the request; closed loop, the hand-over below
            RequestProbe probe = new RequestProbe(slot == null ? -1 : slot, intendedNanos, open ? intendedNanos : dispatchedNanos,
                    warmup ? null : recorder);
            tally.sent();
            CompletableFuture<ChatResponse> f;
            try {
                f = session.stream(requests.request(i, warmup).withHeader(RequestLog.HEADER, id), probe);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            inFlight.put(i, f);
            f.whenComplete((r, t) -> {
                try {
                    long tokens = completed(probe, r, t);
                    // one reading for the steady window, ERROR and the record, so that they agree
                    long now = System.nanoTime();
                    if (!warmup) booked(i, now, tokens, probe.submitNanos, tokens >= 0 && slo != null && metSlo(r, probe, tokens));
                    if (t != null && !warmup) recorder.record(Metric.ERROR, now - probe.submitNanos);
                    log.add(id, warmup, i, probe, r, t, now);
                } finally {
                    inFlight.remove(i);
                    lastDoneNanos.accumulateAndGet(System.nanoTime(), Math::max);
                    if (slot != null) freeSlots.add(slot);
                    permits.release();
                    progress.step();
                }
            });
        }

        /** Whether an ok response met the SLO: TTFT and E2E from the submit, TPOT over its token events. */
        private boolean metSlo(ChatResponse r, RequestProbe probe, long outputTokens) {
            StreamTiming timing = r.timing();
            long submit = probe.submitNanos;
            long ttft = timing.firstTokenNanos() != 0 ? timing.firstTokenNanos() - submit : -1;
            long e2e = timing.endNanos() != 0 ? timing.endNanos() - submit : -1;
            int events = timing.tokenEvents();
            long tpot = events > 0 ? RequestRecord.tpotNanos(timing.firstTokenNanos(), timing.tokenEventNanos(events - 1), outputTokens) : -1;
            return slo.met(ttft, tpot, e2e);
        }

        /** Tallies and records one finished request; its output tokens if it was an ok (not cached) response, else -1. */
        private long completed(RequestProbe probe, ChatResponse r, Throwable t) {
            if (t != null) {
                tally.failed(t instanceof CompletionException && t.getCause() != null ? t.getCause() : t, session::redact);
                return -1;
            }
            if (r.cacheHit()) {
                tally.cacheHit(); // no request was sent: kept out of tokens and latency
                return -1;
            }
            tally.ok(r);
            if (warmup) return -1;
            long out = r.usage().outputTokens();
            recordTimes(recorder, r.timing(), out, probe.submitNanos);
            recordGroundTruth(r.timing(), probe, out);
            return out;
        }

        private void recordGroundTruth(StreamTiming timing, RequestProbe probe, long outputTokens) {
            long serverFirst = probe.firstTokenServerMicros();
            long ttft = timing.ttftNanos();
            if (serverFirst < 0 || ttft < 0) return;
            groundTruthRequests.incrementAndGet();
            recorder.recordOverhead(OverheadKind.TTFT, ttft - serverFirst * 1_000);
            probe.recordTpotOverhead(recorder, outputTokens);
            probe.recordLegs(recorder, timing.sendNanos(), timing.firstTokenNanos());
            long serverDone = Math.max(0, probe.lastServerMicros());
            if (open) {
                openLoopIdealMicros.accumulateAndGet((probe.intendedNanos - startNanos) / 1_000 + serverDone, Math::max);
            } else if (probe.slot >= 0) {
                slotServerMicros[probe.slot] += serverDone; // the slot is ours until released after this
            }
        }

        /**
         * The wall a harness with zero overhead would have needed: closed loop, the busiest slot's summed server-side
         * durations (each slot runs its requests back to back); open loop, the latest intended start plus its
         * server-side duration.
         */
        long idealWallMicros() {
            if (open) return openLoopIdealMicros.get();
            long max = 0;
            for (long v : slotServerMicros) max = Math.max(max, v);
            return max;
        }

        /** Waits until nothing is in flight; past the cell's time limit, cancels what is left (counted as cancelled). */
        private void awaitAll() throws InterruptedException {
            if (permits.tryAcquire(concurrency, cellTimeoutNanos, TimeUnit.NANOSECONDS)) {
                permits.release(concurrency);
                return;
            }
            inFlight.values().forEach(f -> f.cancel(true));
            if (!permits.tryAcquire(concurrency, 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests did not complete even after being cancelled: "
                        + (concurrency - permits.availablePermits()) + " left");
            }
            permits.release(concurrency);
        }
    }
}
