package dev.llmbench.bench.path.library;

import dev.llmbench.bench.path.PathTarget;
import dev.llmbench.bench.path.PathVariant;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each library negotiates against the simulator, where the adapter can see it, and that response headers are
 * observed (TTFB > 0 and before the first token) on every SDK and LangChain4j path.
 */
class PathProtocolsTest {
    private static Simulator sim;

    @BeforeAll
    static void start() { sim = Simulator.builder().set("zero.output.mean", "4").set("zero.output.sigma", "0").start(); }

    @AfterAll
    static void stop() { if (sim != null) sim.close(); }

    @ParameterizedTest(name = "{0}-{1} {2} over {3} negotiates {4}")
    @CsvSource({
            // openai-java / anthropic-java hide OkHttp's Response: protocol not visible (OkHttp: h2 by ALPN, else h1)
            "SDK, DEFAULT, OPENAI,    TLS,  unknown",
            "SDK, TUNED,   ANTHROPIC, HTTP, unknown",
            // openai-java tuned: our OkHttp client behind the SDK's HttpClient interface, same default protocols
            "SDK, TUNED,   OPENAI,    TLS,  h2",
            "SDK, TUNED,   TOGETHER,  HTTP, http/1.1",
            // google-genai: OkHttp default protocols, observed by a network interceptor
            "SDK, DEFAULT, GEMINI,    TLS,  h2",
            "SDK, TUNED,   GEMINI,    TLS,  h2",
            "SDK, DEFAULT, GEMINI,    HTTP, http/1.1",
            // LangChain4j on java.net.http: h2 by ALPN, and by Upgrade: h2c over cleartext
            "GENERIC, DEFAULT, OPENAI,    TLS,  h2",
            "GENERIC, DEFAULT, ANTHROPIC, TLS,  h2",
            "GENERIC, DEFAULT, OPENAI,    HTTP, h2",
            "GENERIC, DEFAULT, GEMINI,    HTTP, h2",
    })
    void negotiates(LibraryKind path, PathVariant variant, Provider provider, Simulator.Listener listener, String protocol) {
        PathTarget target = new PathTarget(provider, sim.baseUrl(listener, "zero", provider == Provider.GEMINI ? "v1beta" : "v1"),
                "sk-test", sim.trustStore(), sim.trustStorePassword(), 2);
        try (LlmClient client = PathFactory.create(path, variant, target)) {
            ChatResponse r = client.stream(ChatRequest.of(PathClientsTest.model(provider), "hi"), StreamListener.NONE)
                    .orTimeout(20, TimeUnit.SECONDS).join();
            assertThat(r.protocol()).isEqualTo(protocol);
            assertThat(r.timing().ttfbNanos()).as("headers observed").isPositive()
                    .isLessThanOrEqualTo(r.timing().ttftNanos());
        }
    }
}
