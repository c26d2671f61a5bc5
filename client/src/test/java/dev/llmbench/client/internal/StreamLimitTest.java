package dev.llmbench.client.internal;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.TransportKind;
import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More concurrent streams than the server's SETTINGS_MAX_CONCURRENT_STREAMS: nothing fails on the JDK client (bounded
 * and re-queued, JDK-8225647) or on Netty (more connections). OkHttp is left out: on a connection it just opened it
 * sends streams before the server's SETTINGS arrive (it assumes no limit until then), so a burst past the limit has
 * streams refused; with retryOnConnectionFailure(false), as the official SDKs set it, those calls fail.
 */
class StreamLimitTest {
    static final int SERVER_MAX_STREAMS = 8;
    static final int CONCURRENT = 30;
    static ScriptedServer server;

    @BeforeAll
    static void start() { server = new ScriptedServer(SERVER_MAX_STREAMS); }

    @AfterAll
    static void stop() { server.close(); }

    @BeforeEach
    void reset() { server.resetCounters(); }

    static Stream<Arguments> h2Transports() {
        return Stream.of(Arguments.of(TransportKind.JDK_H2, Listener.TLS), Arguments.of(TransportKind.JDK_H2, Listener.HTTP),
                Arguments.of(TransportKind.NETTY_H2, Listener.TLS), Arguments.of(TransportKind.NETTY_H2, Listener.H2C));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("h2Transports")
    void moreStreamsThanTheServerAllows(TransportKind kind, Listener listener) throws Exception {
        try (DefaultLlmClient client = TestClients.build(LlmClient.builder().env(Map.of()).retryPolicy(dev.llmbench.client.retry.RetryPolicy.none())
                .apiKey(Provider.OPENAI, "sk-limit-test")
                .baseUrl(Provider.OPENAI, server.baseUrl(listener))
                .transport(kind)
                .trustStore(server.trustStore(), server.trustStorePassword()), p -> new TestOpenAiCodec())) {
            // Warm one connection first so the server's SETTINGS are known, then flood it.
            client.stream(ChatRequest.of("gpt-4.1-nano", "warm"), StreamListener.NONE).get(10, TimeUnit.SECONDS);
            List<CompletableFuture<ChatResponse>> all = new ArrayList<>();
            ChatRequest slow = ChatRequest.of("gpt-4.1-nano", "x").withHeader("x-test-tokens", "5").withHeader("x-test-token-delay-ms", "20");
            for (int i = 0; i < CONCURRENT; i++) all.add(client.stream(slow, StreamListener.NONE));
            for (CompletableFuture<ChatResponse> f : all) assertThat(f.get(20, TimeUnit.SECONDS).text()).isEqualTo("tok0 tok1 tok2 tok3 tok4 ");

            switch (kind) {
                case JDK_H2 -> assertThat(server.maxActive.get()).as("JDK: one connection, bounded streams").isLessThanOrEqualTo(SERVER_MAX_STREAMS);
                case NETTY_H2 -> {
                    // Past the limit these stacks open more connections instead of queueing.
                    assertThat(server.connections.size()).isGreaterThan(1);
                    assertThat(server.maxActive.get()).isGreaterThan(SERVER_MAX_STREAMS);
                }
                default -> throw new AssertionError(kind);
            }
            if (kind == TransportKind.NETTY_H2) {
                assertThat(client.openConnections(kind)).isGreaterThanOrEqualTo(CONCURRENT / SERVER_MAX_STREAMS);
            }
        }
    }
}
