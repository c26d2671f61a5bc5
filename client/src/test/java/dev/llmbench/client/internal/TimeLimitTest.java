package dev.llmbench.client.internal;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.TransportKind;
import dev.llmbench.client.internal.codec.Codecs;
import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.llmbench.client.internal.FailureTest.awaitNoThreadsNamed;
import static dev.llmbench.client.internal.FailureTest.failure;
import static dev.llmbench.client.internal.FailureTest.request;
import static dev.llmbench.client.internal.FailureTest.threadsNamed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's time limits on every transport over TLS: they wait for real (seconds per transport), so this class is
 * kept out of the mutation profile's test set (see TESTING.md), unlike {@link FailureTest}.
 */
class TimeLimitTest {
    static ScriptedServer server;

    @BeforeAll
    static void start() { server = new ScriptedServer(100); }

    @AfterAll
    static void stop() { server.close(); }

    static DefaultLlmClient client(ScriptedServer server, TransportKind kind, Duration firstByte, Duration idle, Duration total) {
        return TestClients.build(LlmClient.builder().env(Map.of()).retryPolicy(dev.llmbench.client.retry.RetryPolicy.none())
                .apiKey(Provider.OPENAI, FailureTest.KEY)
                .baseUrl(Provider.OPENAI, server.baseUrl(Listener.TLS))
                .transport(kind)
                .firstByteTimeout(firstByte).idleTimeout(idle).requestTimeout(total)
                .trustStore(server.trustStore(), server.trustStorePassword()), Codecs::forProvider);
    }

    /**
     * Each phase on a client whose other limits cannot fire first, so the phase does not depend on how long a cold
     * connection takes (the TLS set-up counts towards the first-byte limit, and this test once gave every phase 600 ms
     * on a cold connection): FIRST_BYTE with a server that never answers, the other limits 10 s; IDLE with a stream
     * that stalls after two tokens, sent on a warmed-up connection under a first-byte limit of 1.2 s (the watchdog first
     * looks at the idle limit when the first-byte one would have passed); TOTAL with a 4 s stream of tokens every 40 ms
     * under an idle limit equal to the total one, which the watchdog checks first.
     */
    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void timeLimits(TransportKind kind) {
        Duration slack = Duration.ofSeconds(10);
        try (DefaultLlmClient client = client(server, kind, Duration.ofMillis(600), slack, slack)) {
            LlmException firstByte = failure(client.stream(request("x-test-fault", "stall-first-byte"), StreamListener.NONE));
            assertThat(firstByte).isInstanceOfSatisfying(LlmException.Timeout.class,
                    t -> assertThat(t.phase()).isEqualTo(LlmException.Timeout.Phase.FIRST_BYTE));
            assertThat(client.inFlight()).isZero();
        }
        try (DefaultLlmClient client = client(server, kind, Duration.ofMillis(1200), Duration.ofMillis(600), slack)) {
            assertThat(client.stream(ChatRequest.of("gpt-4.1-nano", "warm-up"), StreamListener.NONE).join().text()).startsWith("tok0");
            LlmException idle = failure(client.stream(request("x-test-fault", "stall-mid-stream"), StreamListener.NONE));
            assertThat(idle).isInstanceOfSatisfying(LlmException.Timeout.class,
                    t -> assertThat(t.phase()).isEqualTo(LlmException.Timeout.Phase.IDLE));
            assertThat(client.inFlight()).isZero();
        }
        try (DefaultLlmClient client = client(server, kind, slack, Duration.ofMillis(2000), Duration.ofMillis(2000))) {
            LlmException total = failure(client.stream(request("x-test-tokens", "100").withHeader("x-test-token-delay-ms", "40"),
                    StreamListener.NONE));
            assertThat(total).isInstanceOfSatisfying(LlmException.Timeout.class,
                    t -> assertThat(t.phase()).isEqualTo(LlmException.Timeout.Phase.TOTAL));
            assertThat(client.inFlight()).isZero();
        }
    }

    @Test
    void timeoutsShareOneTimerThread() throws Exception {
        try (DefaultLlmClient client = client(server, TransportKind.NETTY_H2, Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(5))) {
            List<CompletableFuture<?>> stalled = new ArrayList<>();
            for (int i = 0; i < 30; i++) stalled.add(client.stream(request("x-test-fault", "stall-first-byte"), StreamListener.NONE));
            for (CompletableFuture<?> f : stalled) assertThat(failure(f)).isInstanceOf(LlmException.Timeout.class);
            assertThat(threadsNamed("llmbench-timer")).isEqualTo(1L);
            assertThat(threadsNamed("llmbench-netty")).isBetween(1L, 2L);
        }
        awaitNoThreadsNamed("llmbench-timer");
        awaitNoThreadsNamed("llmbench-netty");
    }
}
