package dev.llmbench.bench.jmh;

import dev.llmbench.bench.path.library.LibraryKind;
import dev.llmbench.bench.path.library.PathFactory;
import dev.llmbench.bench.path.PathTarget;
import dev.llmbench.bench.path.PathVariant;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.Provider;
import dev.llmbench.client.TransportKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The clients the end-to-end and start-up benchmarks compare, by {@code @Param} value: a reference-client transport
 * id ({@code okhttp-h1}, {@code okhttp-h2}, {@code netty-h2}, {@code jdk-h1}, {@code jdk-h2}) or the official
 * openai-java SDK as the path sweep builds it: {@code openai-sdk} (its defaults) or {@code openai-sdk-tuned}
 * (dispatcher and pool sized to the concurrency, retries off).
 */
final class BenchClients {
    static final String SDK = "openai-sdk";
    static final String SDK_TUNED = "openai-sdk-tuned";
    /** Routes to the OpenAI codec; the simulator's zero profile answers any model. */
    static final String MODEL = "gpt-4.1-nano";

    private BenchClients() {}

    /**
     * A client for OpenAI at {@code baseUrl} (with the version path), sized for {@code concurrency} in-flight requests.
     *
     * @param trustStore the simulator's truststore (used for https base URLs), with its password
     */
    static LlmClient create(String client, String baseUrl, Path trustStore, String password, int concurrency) {
        String key = "sk-sim-jmh-0123456789";
        if (client.equals(SDK) || client.equals(SDK_TUNED)) {
            PathTarget target = new PathTarget(Provider.OPENAI, baseUrl, key, trustStore, password, concurrency);
            return PathFactory.create(LibraryKind.SDK, client.equals(SDK) ? PathVariant.DEFAULT : PathVariant.TUNED, target);
        }
        return LlmClient.builder().env(Map.of())
                .apiKey(Provider.OPENAI, key)
                .baseUrl(Provider.OPENAI, baseUrl)
                .trustStore(trustStore, password)
                .transport(TransportKind.parse(client))
                .maxConcurrency(concurrency)
                .requestTimeout(Duration.ofMinutes(2))
                .build();
    }
}
