package dev.llmbench.bench.path.library;

import dev.llmbench.bench.path.ClientPath;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.path.PathTarget;
import dev.llmbench.bench.path.PathVariant;
import dev.llmbench.bench.path.RefClientPath;
import dev.llmbench.bench.path.SessionSpec;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.bench.target.KeyMask;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.StreamListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A third-party library as a sweep path: an official SDK (default or tuned settings) or the generic multi-provider
 * library, built by {@link PathFactory} as an {@link LlmClient} so the driver measures it exactly like the reference.
 * Every adapter sends a request's own headers ({@link ChatRequest#headers()}: the simulator's {@code x-sim-fault},
 * the driver's {@code x-request-id}) with that request, as the reference client does.
 */
public final class LibraryClientPath implements ClientPath {
    private final LibraryKind path;
    private final PathVariant variant;

    public LibraryClientPath(LibraryKind path, PathVariant variant) {
        this.path = path;
        this.variant = variant;
    }

    /** Every path the {@code path} sweep compares, the reference client first. */
    public static List<ClientPath> all() {
        return List.of(new RefClientPath(),
                new LibraryClientPath(LibraryKind.SDK, PathVariant.DEFAULT),
                new LibraryClientPath(LibraryKind.SDK, PathVariant.TUNED),
                new LibraryClientPath(LibraryKind.GENERIC, PathVariant.DEFAULT));
    }

    @Override
    public String id() { return PathFactory.label(path, variant); }

    /** The library picks its own stack: the SDKs run on OkHttp, LangChain4j on the JDK client. */
    @Override
    public String transportLabel(dev.llmbench.client.TransportKind requested) {
        return path == LibraryKind.GENERIC ? "jdk" : "okhttp";
    }

    @Override
    public PathSession open(SessionSpec spec) {
        Endpoint e = spec.endpoint();
        String baseUrl = e.baseUrl() != null ? e.baseUrl() : e.wireProvider().defaultBaseUrl();
        String key = e.apiKey() != null ? e.apiKey() : System.getenv(e.wireProvider().keyVariable());
        if (baseUrl == null || key == null) {
            throw new LlmException.Config(id() + " path for " + e.provider() + " needs a base URL and "
                    + e.wireProvider().keyVariable());
        }
        Map<String, String> headers = e.groundTruth() ? Map.of("x-sim-ground-truth", "1") : Map.of();
        LlmClient client = PathFactory.create(path, variant, new PathTarget(e.wireProvider(), baseUrl, key,
                e.trustStore(), e.trustStorePassword(), spec.maxConcurrency(), headers));
        java.util.function.UnaryOperator<String> mask = KeyMask.of(e);
        return new PathSession() {
            @Override
            public String redact(String text) { return mask.apply(text); }

            @Override
            public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
                return client.stream(request, listener);
            }

            @Override
            public void close() { client.close(); }
        };
    }
}
