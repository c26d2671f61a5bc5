package dev.llmbench.bench.jmh;

import dev.llmbench.bench.load.Prompts;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.StreamListener;
import dev.llmbench.simulator.Simulator;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End to end: streamed chat completions from the embedded simulator (134 one-token content chunks per response, no
 * injected delay, no limits) through a whole client, with {@code concurrency} requests kept in flight, closed loop, as
 * grpc-java's streaming benchmarks hold a fixed number of outstanding calls. {@code server}: {@code fixed} (the same
 * request every time, answered with the recorded bytes of the first answer: a zero-latency server streaming a fixed
 * response, so the server costs only its HTTP stack; what the targets assume) or {@code zero} (1,024 distinct
 * requests, each response generated: the simulator's whole provider stack per request).
 *
 * <p>Why: with the server adding nothing, this finds each transport's ceiling: how many streamed chunks per second the
 * client can take in, and what CPU each costs. Targets (2-core box, server sharing the cores): at c=64 at least
 * 750 k chunks/s and at most 3 ms CPU per 1,000 chunks; the official openai-java SDK ({@code openai-sdk}) is the
 * baseline (about 61 k chunks/s and 31.8 ms).
 *
 * <p>How: one benchmark thread is the load driver: each operation takes one completed response off a queue and
 * issues the next request, so exactly {@code concurrency} requests stay in flight while it runs (a pause between
 * iterations banks at most {@code concurrency} completions). The primary score is completed requests/s; the
 * {@link Chunks} counters give SSE events/s ({@code chunks}, every event including role, finish, usage and
 * [DONE]) and content chunks/s. {@link Cost} gives CPU per 1,000 chunks over the iteration: the whole process
 * ({@code cpuMsPer1kChunks}; client, simulator, JIT and GC, as the targets count it, since the server shares the
 * cores) and without the simulator's event-loop threads ({@code clientCpuMsPer1kChunks}), plus the system load
 * average and failed requests. {@code listener}: {@code cleartext} (HTTP/1.1 or h2c prior knowledge) or {@code tls}
 * (ALPN); {@code prompt}: the sweeps' short or ≈3,000-token system prompt (request bytes, not output). JMH's console
 * table prints the {@link Cost} values summed over the measured iterations (its rule for EVENTS counters): divide by
 * the iteration count, or read the per-iteration mean (min–max) that {@code -Dsweep=jmh} renders.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class EndToEndBenchmark {
    private static final int REQUESTS = 1024;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Param({"okhttp-h1", "okhttp-h2", "netty-h2", "jdk-h1", "jdk-h2", BenchClients.SDK, BenchClients.SDK_TUNED})
    public String client;

    @Param({"cleartext", "tls"})
    public String listener;

    @Param({"64", "256"})
    public int concurrency;

    @Param({"short", "long"})
    public String prompt;

    @Param({"fixed", "zero"})
    public String server;

    private Simulator sim;
    private LlmClient llm;
    private ChatRequest[] requests;
    private int next;
    /** Completed responses, or the Throwable of a failed request. */
    private final LinkedBlockingQueue<Object> done = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    @Setup(Level.Trial)
    public void start() {
        if (!server.equals("fixed") && !server.equals("zero")) {
            throw new IllegalArgumentException("server '" + server + "'; valid: fixed, zero");
        }
        sim = Simulator.builder().defaultProfile(server).start();
        Simulator.Listener l = switch (listener) {
            case "cleartext" -> Simulator.Listener.HTTP;
            case "tls" -> Simulator.Listener.TLS;
            default -> throw new IllegalArgumentException("listener '" + listener + "'; valid: cleartext, tls");
        };
        llm = BenchClients.create(client, sim.baseUrl(l, server, "v1"), sim.trustStore(), sim.trustStorePassword(), concurrency);
        String system = prompt.equals("long") ? Prompts.LONG_SYSTEM : Prompts.SHORT_SYSTEM;
        requests = new ChatRequest[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            requests[i] = server.equals("fixed") && i > 0 ? requests[0] : Prompts.request(BenchClients.MODEL, system, i, 256);
        }
        ChatResponse first = llm.stream(requests[0], StreamListener.NONE).join(); // fails the trial early, with the cause
        if (first.timing().tokenEvents() == 0) throw new IllegalStateException("the first response has no content: " + first);
        for (int i = 0; i < concurrency; i++) issue();
    }

    private void issue() {
        if (stopping) return;
        inFlight.incrementAndGet();
        llm.stream(requests[next++ & (REQUESTS - 1)], StreamListener.NONE).whenComplete((r, e) -> {
            done.add(e != null ? e : r);
            inFlight.decrementAndGet();
        });
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
        try {
            llm.close();
        } finally {
            sim.close();
        }
    }

    /** Takes one completion and keeps the loop full; a failed request counts in {@link Cost#failures}. */
    @Benchmark
    public Object stream(Chunks chunks, Cost cost) throws InterruptedException {
        Object o = done.poll(30, TimeUnit.SECONDS);
        if (o == null) throw new IllegalStateException("no response completed in 30 s (" + inFlight.get() + " in flight)");
        issue();
        if (o instanceof ChatResponse r) {
            chunks.chunks += r.timing().events();
            cost.seen += r.timing().events();
            chunks.contentChunks += r.timing().tokenEvents();
        } else {
            cost.failures++;
        }
        return o;
    }

    /** Per second: SSE events and content events received. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Chunks {
        public long chunks;
        public long contentChunks;

        @Setup(Level.Iteration)
        public void reset() { chunks = 0; contentChunks = 0; }
    }

    /** Per iteration: CPU per 1,000 chunks, load average, failures. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cost {
        public long failures;
        /** Chunks taken this iteration (the same count as Chunks.chunks; a State cannot be injected twice). */
        long seen;
        private long process0;
        private long sim0;
        private long processCpu;
        private long simCpu;
        private double load;

        @Setup(Level.Iteration)
        public void start() {
            seen = 0;
            failures = 0;
            process0 = OS.getProcessCpuTime();
            sim0 = simulatorCpu();
        }

        /**
         * Snapshots the CPU times when the iteration ends: JMH reads the counters only after the trial teardown of
         * the last iteration, which stops the client and the simulator.
         */
        @TearDown(Level.Iteration)
        public void end() {
            processCpu = OS.getProcessCpuTime() - process0;
            simCpu = simulatorCpu() - sim0;
            load = OS.getSystemLoadAverage();
        }

        public double cpuMsPer1kChunks() { return perKiloChunk(processCpu); }

        public double clientCpuMsPer1kChunks() { return perKiloChunk(processCpu - simCpu); }

        public double loadAverage() { return load; }

        private double perKiloChunk(long cpuNanos) {
            return seen == 0 ? Double.NaN : cpuNanos / 1e6 / (seen / 1000.0);
        }

        /** CPU of the simulator's Netty event loops (threads named llmbench-sim-*); they live through a trial. */
        private static long simulatorCpu() {
            long sum = 0;
            for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (t != null && t.getThreadName().startsWith("llmbench-sim")) {
                    long c = THREADS.getThreadCpuTime(t.getThreadId());
                    if (c > 0) sum += c;
                }
            }
            return sum;
        }
    }
}
