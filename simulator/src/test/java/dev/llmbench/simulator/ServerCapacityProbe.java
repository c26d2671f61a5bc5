package dev.llmbench.simulator;

import dev.llmbench.simulator.server.ExchangeHandler;
import dev.llmbench.simulator.server.ServerConfig;
import dev.llmbench.simulator.server.SimulatorServer;
import dev.llmbench.simulator.tls.LoopbackCertificate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput probe, not a test: N concurrent streaming OpenAI-format requests against the {@code zero} profile over
 * HTTP/1.1 and h2c with OkHttp, printing events/s, requests/s and the server's event-loop CPU per event.
 * The client is deliberately cheap (counts SSE event terminators in raw bytes) so the numbers bound the server side.
 * The {@code raw} rows serve a fixed pre-encoded 134-event response from a bare {@link SimulatorServer}, isolating
 * the HTTP layer's cost from the providers' encoding.
 *
 * <pre>
 * mvn -pl simulator test-compile
 * java -cp simulator/target/test-classes:simulator/target/classes:$(cat cp.txt) \
 *     dev.llmbench.simulator.ServerCapacityProbe [concurrency=64] [seconds=5] [maxTokens=200] [zero|raw|all] [h1,h2c]
 * </pre>
 */
public final class ServerCapacityProbe {

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int maxTokens = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String which = args.length > 3 ? args[3] : "all"; // zero | raw | all
        List<String> modes = List.of((args.length > 4 ? args[4] : "h1,h2c").split(",")); // h1 | h2c | h1,h2c
        if (!which.equals("raw")) zero(concurrency, seconds, maxTokens, modes);
        if (!which.equals("zero")) raw(concurrency, seconds, maxTokens, modes);
    }

    private static void zero(int concurrency, int seconds, int maxTokens, List<String> modes) throws Exception {
        try (Simulator sim = Simulator.builder().defaultProfile("zero").start()) {
            for (String mode : modes) {
                boolean h2 = mode.equals("h2c");
                String url = sim.baseUrl(h2 ? Simulator.Listener.H2C : Simulator.Listener.HTTP, "zero", "v1")
                        + "/chat/completions";
                probe(url, h2, concurrency, seconds, maxTokens, "zero " + mode);
            }
        }
    }

    private static void raw(int concurrency, int seconds, int maxTokens, List<String> modes) throws Exception {
        Path dir = Files.createTempDirectory("probe");
        ByteBuf response = fixedResponse(134);
        ExchangeHandler raw = ex -> {
            ex.startStream(200, Map.of("content-type", "text/event-stream"));
            ex.end(response.duplicate()); // unreleasable: shared by every response, never copied
        };
        try (SimulatorServer server = SimulatorServer.start(ServerConfig.defaults(), raw,
                LoopbackCertificate.generate(dir, "probe"))) {
            for (String mode : modes) {
                boolean h2 = mode.equals("h2c");
                String url = server.root(h2 ? Simulator.Listener.H2C : Simulator.Listener.HTTP) + "/raw";
                probe(url, h2, concurrency, seconds, maxTokens, "raw  " + mode);
            }
        }
    }

    private static void probe(String url, boolean h2, int concurrency, int seconds, int maxTokens, String label)
            throws InterruptedException {
        OkHttpClient client = client(h2, concurrency);
        run(client, url, concurrency, 3, maxTokens, null); // warm-up: JIT, connections
        run(client, url, concurrency, seconds, maxTokens, label);
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** {@code n} OpenAI-sized chunks plus [DONE], encoded once. */
    private static ByteBuf fixedResponse(int n) {
        StringBuilder sse = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sse.append("data: {\"id\":\"chatcmpl-probe\",\"object\":\"chat.completion.chunk\",\"created\":1,")
                    .append("\"model\":\"sim-zero\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" tok")
                    .append(i).append("\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        }
        sse.append("data: [DONE]\n\n");
        byte[] bytes = sse.toString().getBytes(StandardCharsets.UTF_8);
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
    }

    private static OkHttpClient client(boolean h2, int concurrency) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(concurrency);
        dispatcher.setMaxRequestsPerHost(concurrency);
        return new OkHttpClient.Builder()
                .protocols(List.of(h2 ? Protocol.H2_PRIOR_KNOWLEDGE : Protocol.HTTP_1_1))
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
                .readTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static void run(OkHttpClient client, String url, int concurrency, int seconds, int maxTokens,
                            String label) throws InterruptedException {
        byte[] body = ("{\"model\":\"gpt-4.1-nano\",\"stream\":true,\"max_tokens\":" + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Say something long.\"}]}").getBytes();
        LongAdder events = new LongAdder();
        LongAdder requests = new LongAdder();
        LongAdder failures = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        long serverCpuBefore = serverCpuNanos(false);
        long serverUserBefore = serverCpuNanos(true);
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                while (!stop.get()) {
                    Request request = new Request.Builder().url(url).header("Authorization", "Bearer sk-probe")
                            .post(RequestBody.create(body, MediaType.get("application/json"))).build();
                    try (Response response = client.newCall(request).execute()) {
                        if (response.code() != 200) {
                            failures.increment();
                            continue;
                        }
                        events.add(countEvents(response.body().source(), buffer));
                        requests.increment();
                    } catch (Exception e) {
                        failures.increment();
                    }
                }
            }, "probe-" + i);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread worker : workers) worker.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long serverCpu = serverCpuNanos(false) - serverCpuBefore;
        long serverUser = serverCpuNanos(true) - serverUserBefore;
        if (label == null) return;
        System.out.printf("%-4s c=%d maxTokens=%d: %,.0f events/s, %,.0f requests/s, %d failures,"
                        + " server event loops %.2f CPU-s (%.2f us/event, %.0f%% user) over %.1f s, load avg %.1f%n",
                label, concurrency, maxTokens, events.sum() / elapsed, requests.sum() / elapsed, failures.sum(),
                serverCpu / 1e9, events.sum() == 0 ? 0 : serverCpu / 1e3 / events.sum(),
                serverCpu == 0 ? 0 : 100.0 * serverUser / serverCpu, elapsed,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** SSE events end with a blank line: count "\n\n" pairs across reads, without decoding anything. */
    private static long countEvents(BufferedSource source, byte[] buffer) throws java.io.IOException {
        long count = 0;
        byte previous = 0;
        int n;
        while ((n = source.read(buffer)) != -1) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '\n' && previous == '\n') count++;
                if (b != '\r') previous = b;
            }
        }
        return count;
    }

    /** CPU time (or user-mode CPU time only) of the simulator's event-loop threads (named llmbench-sim-*). */
    private static long serverCpuNanos(boolean userOnly) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("llmbench-sim")) {
                long cpu = userOnly ? threads.getThreadUserTime(id) : threads.getThreadCpuTime(id);
                if (cpu > 0) total += cpu;
            }
        }
        return total;
    }
}
