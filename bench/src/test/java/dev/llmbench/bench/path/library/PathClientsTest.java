package dev.llmbench.bench.path.library;

import dev.llmbench.bench.path.PathTarget;
import dev.llmbench.bench.path.PathVariant;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Every SDK and LangChain4j adapter against the embedded simulator's no-delay profile, over TLS and cleartext. */
class PathClientsTest {
    private static final int OUTPUT_TOKENS = 16;
    private static Simulator sim;

    @BeforeAll
    static void start() {
        sim = Simulator.builder()
                .set("zero.output.mean", Integer.toString(OUTPUT_TOKENS))
                .set("zero.output.sigma", "0")
                .set("zero.decode.tokensPerEvent", "1")
                .set("zero.thinking.default", "false")
                // a forced 429 says retry-after: 0, so the default SDKs' own retries (seconds of backoff otherwise) are quick
                .set("zero.fault.retryAfterMs", "0")
                .start();
    }

    @AfterAll
    static void stop() { if (sim != null) sim.close(); }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (LibraryKind path : List.of(LibraryKind.SDK, LibraryKind.GENERIC)) {
            for (PathVariant variant : path == LibraryKind.SDK ? PathVariant.values() : new PathVariant[] {PathVariant.DEFAULT}) {
                for (Provider p : List.of(Provider.OPENAI, Provider.TOGETHER, Provider.ANTHROPIC, Provider.GEMINI)) {
                    out.add(Arguments.of(path, variant, p));
                }
            }
        }
        return out.stream();
    }

    static String model(Provider p) {
        return switch (p) {
            case OPENAI -> "gpt-4.1-nano";
            case TOGETHER -> "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo";
            case ANTHROPIC -> "claude-haiku-4-5";
            case GEMINI -> "gemini/gemini-3-flash";
            case GENERIC -> "local-model";
        };
    }

    static PathTarget target(Simulator.Listener listener, Provider p, int concurrency) {
        String version = p == Provider.GEMINI ? "v1beta" : "v1";
        return new PathTarget(p, sim.baseUrl(listener, "zero", version), "sk-test-" + p.name().toLowerCase(),
                sim.trustStore(), sim.trustStorePassword(), concurrency);
    }

    @ParameterizedTest(name = "{0}-{1} {2} over TLS, 8 concurrent")
    @MethodSource("cases")
    void streamsEightConcurrentRequestsOverTls(LibraryKind path, PathVariant variant, Provider provider) {
        AtomicInteger tokens = new AtomicInteger();
        AtomicInteger completions = new AtomicInteger();
        StreamListener listener = new StreamListener() {
            @Override public void onToken(CharSequence text, boolean thought, long nanoTime) { tokens.incrementAndGet(); }
            @Override public void onComplete(ChatResponse response) { completions.incrementAndGet(); }
        };
        try (LlmClient client = PathFactory.create(path, variant, target(Simulator.Listener.TLS, provider, 8))) {
            List<CompletableFuture<ChatResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(client.stream(ChatRequest.of(model(provider), "Say something " + i).withMaxTokens(64), listener));
            }
            for (CompletableFuture<ChatResponse> f : futures) {
                ChatResponse r = f.orTimeout(20, TimeUnit.SECONDS).join();
                assertResponse(r, provider);
            }
            assertThat(completions.get()).isEqualTo(8);
            assertThat(tokens.get()).isEqualTo(8 * OUTPUT_TOKENS);
        }
    }

    @ParameterizedTest(name = "{0}-{1} {2} over cleartext")
    @MethodSource("cases")
    void streamsOverCleartext(LibraryKind path, PathVariant variant, Provider provider) {
        try (LlmClient client = PathFactory.create(path, variant, target(Simulator.Listener.HTTP, provider, 2))) {
            ChatResponse r = client.stream(ChatRequest.of(model(provider), "Hello").withSystem("Be brief."), StreamListener.NONE)
                    .orTimeout(20, TimeUnit.SECONDS).join();
            assertResponse(r, provider);
        }
    }

    /**
     * A forced 429 ends in a rate-limit error on every path. The default SDKs retry it on their own, hidden from the
     * caller; the simulator's request count shows those retries: openai-java and anthropic-java send 3 requests
     * (2 retries, immediate under {@code retry-after: 0}), the tuned SDKs and the generic libraries 1. google-genai's
     * default is left out: its retry interceptor ignores retry-after and backs off for seconds (5 attempts).
     */
    @ParameterizedTest(name = "{0}-{1} {2} maps a forced 429")
    @MethodSource("cases")
    void mapsForcedRateLimit(LibraryKind path, PathVariant variant, Provider provider) {
        boolean sdkDefault = path == LibraryKind.SDK && variant == PathVariant.DEFAULT;
        assumeFalse(sdkDefault && provider == Provider.GEMINI, "google-genai's default retries back off for seconds, ignoring retry-after");
        List<LlmException> errors = new ArrayList<>();
        StreamListener listener = new StreamListener() {
            @Override public void onError(LlmException error) { errors.add(error); }
        };
        try (LlmClient client = PathFactory.create(path, variant, target(Simulator.Listener.TLS, provider, 2))) {
            long before = sim.requests();
            CompletableFuture<ChatResponse> f = client.stream(
                    ChatRequest.of(model(provider), "Hello").withHeader("x-sim-fault", "rate-limit"), listener);
            assertThatThrownBy(() -> f.orTimeout(20, TimeUnit.SECONDS).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(LlmException.RateLimited.class);
            assertThat(errors).singleElement().isInstanceOf(LlmException.RateLimited.class)
                    .extracting(LlmException::status).isEqualTo(429);
            long attempts = sim.requests() - before;
            assertThat(attempts).as("requests the server saw for one call").isEqualTo(sdkDefault ? 3 : 1);
        }
    }

    @ParameterizedTest(name = "{0}-{1} {2} maps a bad key")
    @MethodSource("cases")
    void mapsBadKeyToAuth(LibraryKind path, PathVariant variant, Provider provider) {
        assumeFalse(variant == PathVariant.DEFAULT && path == LibraryKind.SDK, "same code path as tuned, minus retries");
        PathTarget good = target(Simulator.Listener.HTTP, provider, 1);
        PathTarget bad = new PathTarget(provider, good.baseUrl(), "bad-key", null, null, 1);
        try (LlmClient client = PathFactory.create(path, variant, bad)) {
            assertThatThrownBy(() -> client.stream(ChatRequest.of(model(provider), "Hello"), StreamListener.NONE)
                    .orTimeout(20, TimeUnit.SECONDS).join())
                    .cause().isInstanceOf(LlmException.Auth.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).doesNotContain("bad-key");
                        assertThat(String.valueOf(((LlmException) e).body())).doesNotContain("bad-key");
                    });
        }
    }

    private static void assertResponse(ChatResponse r, Provider provider) {
        assertThat(r.provider()).isEqualTo(provider);
        assertThat(r.usage().reported()).as("usage reported").isTrue();
        assertThat(r.usage().outputTokens()).isEqualTo(OUTPUT_TOKENS);
        assertThat(r.usage().inputTokens()).isPositive();
        assertThat(r.text()).isNotEmpty();
        assertThat(r.timing().tokenEvents()).isEqualTo(OUTPUT_TOKENS);
        assertThat(r.timing().ttftNanos()).isPositive().isLessThanOrEqualTo(r.timing().e2eNanos());
        assertThat(r.timing().events()).isGreaterThanOrEqualTo(OUTPUT_TOKENS);
        assertThat(r.protocol()).isIn("h2", "http/1.1", "unknown");
    }
}
