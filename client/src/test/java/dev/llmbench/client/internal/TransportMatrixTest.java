package dev.llmbench.client.internal;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.StreamTiming;
import dev.llmbench.client.TransportKind;
import dev.llmbench.client.internal.transport.Protocols;
import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/** Every transport over cleartext and TLS against a real HTTP/1.1 + h2 + TLS server, through the client core. */
class TransportMatrixTest {
    static ScriptedServer server;

    @BeforeAll
    static void start() { server = new ScriptedServer(100); }

    @AfterAll
    static void stop() { server.close(); }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Listener l : List.of(Listener.HTTP, Listener.TLS)) {
            for (TransportKind k : TransportKind.values()) out.add(Arguments.of(l, k));
        }
        return out.stream();
    }

    static DefaultLlmClient client(Listener listener, TransportKind kind) {
        return TestClients.build(LlmClient.builder().env(Map.of()).retryPolicy(dev.llmbench.client.retry.RetryPolicy.none())
                .apiKey(Provider.OPENAI, "sk-matrix-test-key")
                .baseUrl(Provider.OPENAI, server.baseUrl(listener))
                .transport(kind)
                .trustStore(server.trustStore(), server.trustStorePassword()), p -> new TestOpenAiCodec());
    }

    static String expectedProtocol(TransportKind kind) {
        return switch (kind) {
            case OKHTTP_H1, JDK_H1 -> Protocols.HTTP_1_1;
            case OKHTTP_H2, NETTY_H2, JDK_H2 -> Protocols.H2;
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void streamsWithExactTimingAndReusesConnections(Listener listener, TransportKind kind) throws Exception {
        try (DefaultLlmClient client = client(listener, kind)) {
            List<String> tokens = new ArrayList<>();
            String[] opened = new String[1];
            ChatRequest request = ChatRequest.of("gpt-4.1-nano", "hello").withHeader("x-test-tokens", "7")
                    .withHeader("x-test-token-delay-ms", "1");
            ChatResponse r = client.stream(request, new StreamListener() {
                @Override public void onOpen(int status, String protocol, long nanoTime) { opened[0] = protocol; }
                @Override public void onToken(CharSequence text, boolean thought, long nanoTime) { tokens.add(text.toString()); }
            }).get(10, TimeUnit.SECONDS);

            assertThat(r.text()).isEqualTo("tok0 tok1 tok2 tok3 tok4 tok5 tok6 ");
            assertThat(tokens).hasSize(7).startsWith("tok0 ");
            assertThat(r.protocol()).isEqualTo(opened[0]);
            assertThat(r.protocol()).isEqualTo(expectedProtocol(kind)); // JDK_H2 on cleartext: via Upgrade: h2c
            assertThat(r.usage().reported()).isTrue();
            assertThat(r.usage().outputTokens()).isEqualTo(7);
            assertThat(r.usage().inputTokens()).isEqualTo(3);
            assertThat(r.finishReason()).isEqualTo("stop");
            assertThat(r.model()).isEqualTo("gpt-4.1-nano");
            StreamTiming t = r.timing();
            assertThat(t.tokenEvents()).isEqualTo(7);
            assertThat(t.events()).isEqualTo(1 + 7 + 3); // role chunk, tokens, finish, usage, [DONE]
            assertThat(t.ttfbNanos()).isPositive();
            assertThat(t.ttftNanos()).isGreaterThanOrEqualTo(t.ttfbNanos()).isLessThanOrEqualTo(t.e2eNanos());
            for (int i = 1; i < t.tokenEvents(); i++) assertThat(t.tokenEventNanos(i)).isGreaterThanOrEqualTo(t.tokenEventNanos(i - 1));
            assertThat(t.firstEventNanos()).isLessThanOrEqualTo(t.firstTokenNanos()); // the role-only chunk is an event, not a token

            // Reuse: 20 more requests, 4 at a time, do not open a connection per request.
            for (int round = 0; round < 5; round++) {
                List<CompletableFuture<ChatResponse>> batch = new ArrayList<>();
                for (int i = 0; i < 4; i++) batch.add(client.stream(ChatRequest.of("gpt-4.1-nano", "again"), StreamListener.NONE));
                for (CompletableFuture<ChatResponse> f : batch) assertThat(f.get(10, TimeUnit.SECONDS).text()).isEqualTo("tok0 tok1 tok2 tok3 tok4 ");
            }
            int open = client.openConnections(kind);
            // HTTP/1.1: one per concurrent request (+1 a response may not have released yet); HTTP/2: one.
            if (open >= 0) assertThat(open).isBetween(1, expectedProtocol(kind).equals(Protocols.H2) ? 1 : 5);
            assertThat(client.inFlight()).isZero();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void completesNonStreaming(Listener listener, TransportKind kind) throws Exception {
        try (DefaultLlmClient client = client(listener, kind)) {
            ChatResponse r = client.complete(ChatRequest.of("gpt-4.1-nano", "hello").withHeader("x-test-tokens", "3"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(r.text()).isEqualTo("tok0 tok1 tok2 ");
            assertThat(r.usage()).satisfies(u -> {
                assertThat(u.reported()).isTrue();
                assertThat(u.outputTokens()).isEqualTo(3);
            });
            assertThat(r.timing().ttftNanos()).isPositive().isLessThanOrEqualTo(r.timing().e2eNanos());
            assertThat(r.timing().events()).isEqualTo(1);
        }
    }
}
