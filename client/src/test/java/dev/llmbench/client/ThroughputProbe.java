package dev.llmbench.client;

import dev.llmbench.simulator.Simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: drives N concurrent streams against the embedded simulator's {@code fixed} profile (a zero-latency
 * server replaying one 134-token OpenAI stream: the server costs only its HTTP stack) or {@code zero} profile (the
 * same response generated every time) and prints chunks/s, requests/s and CPU per 1,000 chunks. The simulator runs in
 * this JVM, so CPU is reported twice: the client's own threads (by name) and the whole process (client + server).
 * Transport {@code okhttp-lines} is the baseline: bare OkHttp (HTTP/2 over TLS, h2c over H2C) reading the body line by
 * line and counting {@code data:} lines, one dispatcher thread per stream, no decoding.
 *
 * <pre>
 * mvn -q -pl client test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp client/target/test-classes:client/target/classes:$(cat /tmp/cp.txt) dev.llmbench.client.ThroughputProbe \
 *      [transport=netty-h2|okhttp-lines] [streams=64] [seconds=10] [listener=TLS] [profile=fixed]
 * </pre>
 */
public final class ThroughputProbe {
    /** Lower-case name prefixes of client threads; OkHttp's own frame readers are "OkHttp TaskRunner" etc. */
    private static final String[] CLIENT_THREADS = {"llmbench-netty", "okhttp", "jdk-h", "llmbench-timer", "httpclient"};

    public static void main(String[] args) throws Exception {
        String transport = args.length > 0 ? args[0] : "netty-h2";
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Simulator.Listener listener = Simulator.Listener.valueOf(args.length > 3 ? args[3] : "TLS");
        String profile = args.length > 4 ? args[4] : "fixed";

        try (Simulator sim = Simulator.builder().defaultProfile(profile).start()) {
            if (transport.equals("okhttp-lines")) {
                BareOkHttp.run(sim, listener, profile, streams, seconds);
                return;
            }
            TransportKind kind = TransportKind.parse(transport);
            long t0 = System.nanoTime();
            LlmClient client = SimulatorFixture.builder(sim, listener, profile).transport(kind).maxConcurrency(streams)
                    .requestTimeout(Duration.ofMinutes(2)).build();
            long built = System.nanoTime();
            ChatRequest request = ChatRequest.of("gpt-4.1-nano", "Tell me something.");
            ChatResponse first = client.stream(request, StreamListener.NONE).join();
            long firstDone = System.nanoTime();
            System.out.printf("construction %.3f ms, first call %.1f ms (events=%d, protocol=%s)%n",
                    (built - t0) / 1e6, (firstDone - built) / 1e6, first.timing().events(), first.protocol());

            run(client, request, streams, Math.max(2, seconds / 3), false); // warm-up (JIT)
            run(client, request, streams, seconds, true);
            client.close();
        }
    }

    private static void run(LlmClient client, ChatRequest request, int streams, int seconds, boolean print) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong chunks = new AtomicLong();
        AtomicLong tokens = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(streams);

        long clientCpu0 = clientCpu(threads);
        long processCpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            new Runnable() {
                @Override
                public void run() {
                    if (stop.get()) { finished.countDown(); return; }
                    client.stream(request, StreamListener.NONE).whenComplete((r, e) -> {
                        if (e != null) failures.incrementAndGet();
                        else {
                            requests.incrementAndGet();
                            chunks.addAndGet(r.timing().events());
                            tokens.addAndGet(r.timing().tokenEvents());
                        }
                        this.run();
                    });
                }
            }.run();
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        stop.set(true);
        finished.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long clientCpu = clientCpu(threads) - clientCpu0;
        long processCpu = os.getProcessCpuTime() - processCpu0;
        if (print) print(streams, elapsed, requests.get(), failures.get(), chunks.get(), tokens.get(), clientCpu, processCpu);
    }

    /** Prints one result line; CPU in nanoseconds. */
    static void print(int streams, double elapsed, long requests, long failures, long chunks, long tokens,
                      long clientCpu, long processCpu) {
        double k = chunks / 1000.0;
        System.out.printf("streams=%d %.1fs: %d requests (%d failed), %,.0f chunks/s (%,.0f content chunks/s), %,.0f req/s, "
                        + "client CPU %.3f ms/1000 chunks, process CPU (client+simulator) %.3f ms/1000 chunks, load avg %.1f%n",
                streams, elapsed, requests, failures, chunks / elapsed, tokens / elapsed, requests / elapsed,
                clientCpu / 1e6 / k, processCpu / 1e6 / k, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time of the live client threads (transport I/O, dispatchers, timer); pooled threads live through a run. */
    static long clientCpu(ThreadMXBean threads) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            if (info == null) continue;
            for (String prefix : CLIENT_THREADS) {
                if (info.getThreadName().toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
                    long t = threads.getThreadCpuTime(id);
                    if (t > 0) sum += t;
                    break;
                }
            }
        }
        return sum;
    }
}
