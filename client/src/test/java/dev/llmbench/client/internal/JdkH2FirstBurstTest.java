package dev.llmbench.client.internal;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.TransportKind;
import dev.llmbench.client.internal.codec.Codecs;
import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression test of the JDK HTTP/2 connection race (2ec19de, {@code ConnectionGate}): JDK 17's HttpClient opens a
 * connection for every request that finds none in its pool, and the ones that lose the race to the pool are never
 * closed by the client. A burst of first requests must open exactly one connection, counted by the server (so the
 * check does not depend on /proc, unlike {@code JdkClientLeakTest}). Without the gate the same burst opened one
 * connection per request (checked with {@code ConnectionGate.submit} sending at once: 16 of 16).
 */
class JdkH2FirstBurstTest {
    static ScriptedServer server;

    @BeforeAll
    static void start() { server = new ScriptedServer(100); }

    @AfterAll
    static void stop() { server.close(); }

    @ParameterizedTest
    @EnumSource(value = Listener.class, names = {"TLS", "HTTP"})
    void aBurstOfFirstRequestsOpensOneConnection(Listener listener) throws Exception {
        int burst = 16;
        try (DefaultLlmClient client = TestClients.build(LlmClient.builder().env(Map.of())
                .retryPolicy(dev.llmbench.client.retry.RetryPolicy.none())
                .apiKey(Provider.OPENAI, "sk-burst-test-key")
                .baseUrl(Provider.OPENAI, server.baseUrl(listener))
                .transport(TransportKind.JDK_H2)
                .maxConcurrency(burst)
                .trustStore(server.trustStore(), server.trustStorePassword()), Codecs::forProvider)) {
            server.resetCounters();
            List<CompletableFuture<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                calls.add(client.stream(ChatRequest.of("gpt-4.1-nano", "hi " + i).withHeader("x-test-tokens", "3")
                        .withHeader("x-test-token-delay-ms", "20"), StreamListener.NONE));
            }
            for (CompletableFuture<ChatResponse> c : calls) assertThat(c.get(20, TimeUnit.SECONDS).text()).isEqualTo("tok0 tok1 tok2 ");
            assertThat(server.requests.get()).isEqualTo(burst);
            assertThat(server.connections).as("connections the burst opened").hasSize(1);
        }
    }
}
