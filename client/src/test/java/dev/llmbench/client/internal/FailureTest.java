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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Typed errors, faults, cancellation and close, on every transport over TLS, through the production codecs (the
 * messages asserted are the real OpenAI codec's). The time limits, which wait for real, are in {@link TimeLimitTest}.
 */
class FailureTest {
    static final String KEY = "sk-secret-failure-test-0123456789";
    static ScriptedServer server;

    @BeforeAll
    static void start() { server = new ScriptedServer(100); }

    @AfterAll
    static void stop() { server.close(); }

    static DefaultLlmClient client(TransportKind kind, Duration firstByte, Duration idle, Duration total) {
        return TestClients.build(LlmClient.builder().env(Map.of()).retryPolicy(dev.llmbench.client.retry.RetryPolicy.none())
                .apiKey(Provider.OPENAI, KEY)
                .baseUrl(Provider.OPENAI, server.baseUrl(Listener.TLS))
                .transport(kind)
                .firstByteTimeout(firstByte).idleTimeout(idle).requestTimeout(total)
                .trustStore(server.trustStore(), server.trustStorePassword()), Codecs::forProvider);
    }

    static DefaultLlmClient client(TransportKind kind) {
        return client(kind, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    /** The failure of {@code f}, after checking the listener saw the same one. */
    static LlmException failure(CompletableFuture<?> f) {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(LlmException.class);
        return (LlmException) e.getCause();
    }

    /** The real OpenAI stream decoder's messages for a stream cut before [DONE] and for an unparseable chunk. */
    static final String TRUNCATED = "OpenAI: truncated stream (no data: [DONE])";
    static final String MALFORMED = "OpenAI: malformed";

    static ChatRequest request(String header, String value) {
        return ChatRequest.of("gpt-4.1-nano", "hello").withHeader(header, value);
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void httpErrorsAreTypedAndScrubbed(TransportKind kind) {
        try (DefaultLlmClient client = client(kind)) {
            for (boolean streaming : new boolean[] {true, false}) {
                Map<Integer, Class<? extends LlmException>> expected = Map.of(401, LlmException.Auth.class,
                        400, LlmException.BadRequest.class, 404, LlmException.BadRequest.class,
                        429, LlmException.RateLimited.class, 529, LlmException.Overloaded.class, 500, LlmException.ServerError.class);
                for (var e : expected.entrySet()) {
                    AtomicReference<LlmException> seen = new AtomicReference<>();
                    StreamListener listener = new StreamListener() {
                        @Override public void onError(LlmException error) { seen.set(error); }
                    };
                    ChatRequest r = request("x-test-status", String.valueOf(e.getKey()));
                    LlmException error = failure(streaming ? client.stream(r, listener) : client.complete(r));
                    assertThat(error).isInstanceOf(e.getValue());
                    assertThat(error.status()).isEqualTo(e.getKey());
                    // the real codec's message: provider, status, the error's type, the provider's message (scrubbed)
                    assertThat(error.getMessage()).isEqualTo("OpenAI " + e.getKey() + " invalid_request_error: Incorrect API key provided: "
                            + SecretScrubber.MASK);
                    assertThat(error.body()).contains("Incorrect API key provided").doesNotContain(KEY).contains(SecretScrubber.MASK);
                    assertThat(String.valueOf(error.getMessage())).doesNotContain(KEY);
                    if (streaming) assertThat(seen.get()).isSameAs(error);
                    if (error instanceof LlmException.RateLimited rl) assertThat(rl.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                }
            }
            assertThat(client.inFlight()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void streamFaults(TransportKind kind) {
        try (DefaultLlmClient client = client(kind)) {
            assertThat(failure(client.stream(request("x-test-fault", "reset-mid-stream"), StreamListener.NONE)))
                    .isInstanceOf(LlmException.Connection.class);
            assertThat(failure(client.stream(request("x-test-fault", "truncate"), StreamListener.NONE)))
                    .isInstanceOf(LlmException.Protocol.class).hasMessage(TRUNCATED);
            assertThat(failure(client.stream(request("x-test-fault", "malformed-chunk"), StreamListener.NONE)))
                    .isInstanceOf(LlmException.Protocol.class).hasMessageStartingWith(MALFORMED);
            // The client still works afterwards.
            assertThat(client.stream(ChatRequest.of("gpt-4.1-nano", "hi"), StreamListener.NONE).join().text()).startsWith("tok0");
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void cancellingTheFutureCancelsTheCall(TransportKind kind) throws Exception {
        try (DefaultLlmClient client = client(kind)) {
            CompletableFuture<String> firstToken = new CompletableFuture<>();
            AtomicReference<LlmException> listenerError = new AtomicReference<>();
            CompletableFuture<?> f = client.stream(request("x-test-tokens", "1000").withHeader("x-test-token-delay-ms", "20"),
                    new StreamListener() {
                        @Override public void onToken(CharSequence text, boolean thought, long nanoTime) { firstToken.complete(text.toString()); }
                        @Override public void onError(LlmException error) { listenerError.set(error); }
                    });
            assertThat(firstToken.get(10, TimeUnit.SECONDS)).isEqualTo("tok0 ");
            assertThat(f.cancel(true)).isTrue();
            assertThat(f.isCancelled()).isTrue();
            assertThat(listenerError.get()).isInstanceOf(LlmException.Cancelled.class);
            assertThat(client.inFlight()).isZero();
            // The server sees the stream go away (RST_STREAM or closed connection).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.active.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(server.active.get()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void closeFailsInFlightRequestsAsCancelled(TransportKind kind) {
        DefaultLlmClient client = client(kind);
        CompletableFuture<?> f = client.stream(request("x-test-fault", "stall-mid-stream"), StreamListener.NONE);
        client.close();
        assertThat(failure(f)).isInstanceOf(LlmException.Cancelled.class);
        assertThat(failure(client.stream(ChatRequest.of("gpt-4.1-nano", "late"), StreamListener.NONE)))
                .isInstanceOf(LlmException.Cancelled.class);
    }

    static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    static void awaitNoThreadsNamed(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threadsNamed(prefix) > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(threadsNamed(prefix)).as("live threads named " + prefix).isZero();
    }

    @Test
    void connectFailureIsAConnectionError() {
        try (DefaultLlmClient client = TestClients.build(LlmClient.builder().env(Map.of()).retryPolicy(dev.llmbench.client.retry.RetryPolicy.none())
                .apiKey(Provider.OPENAI, KEY).baseUrl(Provider.OPENAI, "http://127.0.0.1:1/v1"), Codecs::forProvider)) {
            assertThatThrownBy(() -> client.stream(ChatRequest.of("gpt-4.1-nano", "x"), StreamListener.NONE).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(LlmException.Connection.class);
        }
    }
}
