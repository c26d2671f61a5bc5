package dev.llmbench.client;

import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * okhttp-h2 with far more streams in flight than one connection takes (the simulator advertises
 * SETTINGS_MAX_CONCURRENT_STREAMS=100, as real providers). Unbounded, OkHttp piles streams onto a new connection before
 * its SETTINGS arrive; the server refuses the extras and then fails the whole connection (PROTOCOL_ERROR) when their
 * request bodies arrive, so every stream on it ends "stream was reset: CANCEL" — about a quarter of these requests.
 */
class OkHttpStreamBurstTest {
    @Test
    void burstsPastOneConnectionAllSucceed() throws Exception {
        try (Simulator sim = Simulator.builder().defaultProfile("zero").start();
             LlmClient client = SimulatorFixture.builder(sim, Listener.TLS, "zero").transport(TransportKind.OKHTTP_H2)
                     .maxConcurrency(500).build()) {
            Map<String, Integer> errors = new TreeMap<>();
            for (int round = 0; round < 2; round++) { // a cold burst, then one over the connections it opened
                List<CompletableFuture<ChatResponse>> all = new ArrayList<>();
                for (int i = 0; i < 500; i++) all.add(client.stream(ChatRequest.of("gpt-4.1-nano", "burst " + i), StreamListener.NONE));
                for (CompletableFuture<ChatResponse> f : all) {
                    try {
                        f.get(60, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        Throwable t = e;
                        while (t.getCause() != null) t = t.getCause();
                        errors.merge(t.toString(), 1, Integer::sum);
                    }
                }
            }
            assertThat(errors).as("failures by root cause").isEmpty();
        }
    }
}
