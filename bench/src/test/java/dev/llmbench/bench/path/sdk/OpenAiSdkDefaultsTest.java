package dev.llmbench.bench.path.sdk;

import dev.llmbench.bench.path.PathTarget;
import dev.llmbench.bench.path.PathVariant;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.simulator.Simulator;
import okhttp3.Protocol;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What openai-java 4.8's default OkHttp adapter does, for RESULTS.md's path reading: it hides the negotiated protocol,
 * so this looks inside. Eight overlapping streams over TLS end up on one pooled connection: ALPN chose HTTP/2 and
 * the streams were multiplexed (over HTTP/1.1 they would have needed eight). The SDK raises OkHttp's per-host
 * dispatcher limit from 5 to its 64 total, so the per-host cap that google-genai keeps does not apply here.
 */
class OpenAiSdkDefaultsTest {

    @Test
    void defaultNegotiatesHttp2OverTlsAndMultiplexesOnOneConnection() {
        try (Simulator sim = Simulator.builder().set("zero.latency.medianMs", "150")
                .set("zero.output.mean", "8").set("zero.output.sigma", "0").start()) {
            PathTarget target = new PathTarget(Provider.OPENAI, sim.baseUrl(Simulator.Listener.TLS, "zero", "v1"), "sk-test",
                    sim.trustStore(), sim.trustStorePassword(), 8);
            try (OpenAiSdkClient client = new OpenAiSdkClient(target, PathVariant.DEFAULT)) {
                okhttp3.OkHttpClient ok = client.sdkOkHttp();
                assertThat(ok.protocols()).containsExactly(Protocol.HTTP_2, Protocol.HTTP_1_1);
                assertThat(ok.dispatcher().getMaxRequests()).isEqualTo(64);
                assertThat(ok.dispatcher().getMaxRequestsPerHost()).isEqualTo(64);

                List<CompletableFuture<ChatResponse>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) futures.add(client.stream(ChatRequest.of("gpt-4.1-nano", "hi " + i), StreamListener.NONE));
                for (CompletableFuture<ChatResponse> f : futures) assertThat(f.orTimeout(20, TimeUnit.SECONDS).join().usage().outputTokens()).isEqualTo(8);
                assertThat(ok.connectionPool().connectionCount()).as("connections for 8 overlapping streams").isEqualTo(1);
            }
        }
    }
}
