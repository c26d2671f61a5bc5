package dev.llmbench.bench.jmh;

import dev.llmbench.bench.target.ForkedSimulator;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.StreamListener;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Client construction and first call, cold: the JVM counterpart of the lessons' "import time" table (import of
 * litellm 1.5 s, openai 0.3 s; lazy imports and cache init took it from 4.2 s to 0.12 s).
 *
 * <p>Why: a short script pays this once per process, before any request. Single-shot mode with no warm-up: each fork
 * measures exactly one construction ({@code build}: {@code LlmClient.builder()...build()}, classes loaded, nothing
 * connected yet) or one construction plus the first streamed request ({@code buildAndFirstCall}: class loading,
 * connect, TLS if any, first response), in a fresh JVM. The simulator runs in its own process
 * ({@link ForkedSimulator}, started per fork in the trial setup, profile {@code zero}) so that it loads none of the
 * client's classes (Netty, Jackson) into the measured JVM. More forks ({@code -f}) give more samples; the JMH default
 * is set to 5. Scores are milliseconds.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
@State(Scope.Benchmark)
public class ClientStartupBenchmark {

    @Param({"okhttp-h2", "netty-h2", "jdk-h2", BenchClients.SDK})
    public String client;

    @Param({"tls"})
    public String listener;

    private ForkedSimulator sim;
    private String baseUrl;
    private LlmClient built;

    @Setup(Level.Trial)
    public void start() {
        sim = ForkedSimulator.start(42, Map.of());
        String root = switch (listener) {
            case "cleartext" -> sim.httpRoot();
            case "tls" -> sim.tlsRoot();
            default -> throw new IllegalArgumentException("listener '" + listener + "'; valid: cleartext, tls");
        };
        baseUrl = root + "/zero/v1";
    }

    @TearDown(Level.Iteration)
    public void closeClient() {
        if (built != null) built.close();
        built = null;
    }

    @TearDown(Level.Trial)
    public void stop() { sim.close(); }

    @Benchmark
    public LlmClient build() {
        built = BenchClients.create(client, baseUrl, sim.trustStore(), sim.trustStorePassword(), 64);
        return built;
    }

    @Benchmark
    public ChatResponse buildAndFirstCall() {
        built = BenchClients.create(client, baseUrl, sim.trustStore(), sim.trustStorePassword(), 64);
        return built.stream(ChatRequest.of(BenchClients.MODEL, "Tell me something."), StreamListener.NONE).join();
    }
}
