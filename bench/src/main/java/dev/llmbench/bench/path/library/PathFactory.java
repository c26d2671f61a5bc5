package dev.llmbench.bench.path.library;

import dev.llmbench.bench.path.PathTarget;
import dev.llmbench.bench.path.PathVariant;
import dev.llmbench.bench.path.generic.LangChain4jClient;
import dev.llmbench.bench.path.sdk.AnthropicSdkClient;
import dev.llmbench.bench.path.sdk.GeminiSdkClient;
import dev.llmbench.bench.path.sdk.OpenAiSdkClient;
import dev.llmbench.client.LlmClient;

/**
 * Builds the {@link LlmClient} for one row of the {@code path} sweep, so the driver measures every path the same way:
 * <pre>{@code
 * PathTarget target = new PathTarget(Provider.OPENAI, sim.baseUrl(TLS, "openai", "v1"), key,
 *         sim.trustStore(), sim.trustStorePassword(), concurrency);
 * try (LlmClient client = PathFactory.create(LibraryKind.SDK, PathVariant.TUNED, target)) { ... }
 * }</pre>
 * Base URLs always include the version segment ({@code /v1}, or {@code /v1beta} for Gemini); each adapter derives
 * what its library wants. {@code GENERIC} has no tuned variant (the variant is ignored).
 */
public final class PathFactory {
    private PathFactory() {}

    public static LlmClient create(LibraryKind path, PathVariant variant, PathTarget target) {
        return switch (path) {
            case REF -> reference(target);
            case SDK -> switch (target.provider()) {
                case OPENAI, TOGETHER, GENERIC -> new OpenAiSdkClient(target, variant);
                case ANTHROPIC -> new AnthropicSdkClient(target, variant);
                case GEMINI -> new GeminiSdkClient(target, variant);
            };
            case GENERIC -> new LangChain4jClient(target);
        };
    }

    /** The reference client sized to the concurrency (its defaults are already the tuned ones). */
    private static LlmClient reference(PathTarget target) {
        LlmClient.Builder b = LlmClient.builder()
                .env(java.util.Map.of())
                .apiKey(target.provider(), target.apiKey())
                .baseUrl(target.provider(), target.baseUrl())
                .maxConcurrency(target.concurrency());
        if (target.trustStore() != null) b.trustStore(target.trustStore(), target.trustStorePassword());
        target.headers().forEach(b::header);
        return b.build();
    }

    /** The row label used in reports, e.g. {@code sdk-tuned}, {@code generic}, {@code ref}. */
    public static String label(LibraryKind path, PathVariant variant) {
        return path == LibraryKind.SDK ? path.id() + "-" + variant.id() : path.id();
    }
}
