package dev.llmbench.bench.run;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The reference client ({@code dev.llmbench.client}): one shared client per cell, or one per request when asked. */
public final class RefClientPath implements ClientPath {
    public static final String ID = "ref";

    @Override
    public String id() { return ID; }

    @Override
    public PathSession open(SessionSpec spec) {
        return spec.clientPerRequest() ? new PerRequestSession(spec) : new SharedSession(build(spec));
    }

    /** A client configured for the endpoint only; the environment is consulted only when the endpoint leaves the key to it. */
    static LlmClient build(SessionSpec spec) {
        Endpoint e = spec.endpoint();
        Provider p = e.wireProvider();
        LlmClient.Builder b = LlmClient.builder()
                .env(e.apiKey() == null ? System.getenv() : Map.of())
                .transport(p, spec.transport())
                .maxConcurrency(spec.maxConcurrency());
        if (e.apiKey() != null) b.apiKey(p, e.apiKey());
        if (e.baseUrl() != null) b.baseUrl(p, e.baseUrl());
        if (e.trustStore() != null) b.trustStore(e.trustStore(), e.trustStorePassword());
        if (e.groundTruth()) b.header("x-sim-ground-truth", "1");
        Guard g = spec.guard();
        if (g != null) b.firstByteTimeout(g.firstByteTimeout()).idleTimeout(g.idleTimeout()).requestTimeout(g.requestTimeout());
        return b.build();
    }

    private record SharedSession(LlmClient client) implements PathSession {
        @Override
        public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
            return client.stream(request, listener);
        }

        @Override
        public void close() { client.close(); }
    }

    /**
     * A new client for every request, closed when it completes. Closing happens on a separate thread: a client must not
     * be closed from one of its own transport threads.
     */
    private static final class PerRequestSession implements PathSession {
        private final SessionSpec spec;
        private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "llmbench-client-closer");
            t.setDaemon(true);
            return t;
        });

        PerRequestSession(SessionSpec spec) { this.spec = spec; }

        @Override
        public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
            LlmClient client = build(new SessionSpec(spec.endpoint(), spec.transport(), 1, false, spec.guard()));
            CompletableFuture<ChatResponse> f;
            try {
                f = client.stream(request, listener);
            } catch (RuntimeException e) {
                closer.execute(client::close);
                throw e;
            }
            // the caller sees completion only after the close is queued, so no client outlives the session
            return f.whenComplete((r, t) -> closer.execute(client::close));
        }

        @Override
        public void close() {
            closer.shutdown();
            try {
                closer.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
