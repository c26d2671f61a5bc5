package dev.llmbench.client;

import dev.llmbench.client.internal.ClientConfig;
import dev.llmbench.client.internal.DefaultLlmClient;
import dev.llmbench.client.limit.AimdLimit;
import dev.llmbench.client.limit.Limit;
import dev.llmbench.client.retry.RetryListener;
import dev.llmbench.client.retry.RetryPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The reference client. Build one and share it: it is thread-safe and reuses connections (the lessons measured a
 * client per request cutting throughput 3.6x: docs/lessons.md, "client-reuse"). Building opens nothing; transports
 * start on first use.
 *
 * <pre>{@code
 * try (LlmClient client = LlmClient.builder().maxConcurrency(32).build()) {
 *     ChatResponse r = client.stream(ChatRequest.of("gpt-4.1-nano", "Hi"), listener).join();
 * }
 * }</pre>
 */
public interface LlmClient extends AutoCloseable {

    /** Sends a non-streaming request. The future fails with an {@link LlmException}. */
    CompletableFuture<ChatResponse> complete(ChatRequest request);

    /**
     * Sends a streaming request; events go to {@code listener} as they arrive and the future completes with the
     * whole response (or fails with an {@link LlmException}). Cancelling the future cancels the request.
     */
    CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener);

    /** The resolved settings the client uses for {@code provider} (keys redacted in toString). */
    ProviderSettings settings(Provider provider);

    /** Closes connections and threads. In-flight requests fail with {@link LlmException.Cancelled}. */
    @Override
    void close();

    static Builder builder() { return new Builder(); }

    /** Configuration; anything not set comes from the environment or the defaults documented on each setter. */
    final class Builder {
        private Map<String, String> env = System.getenv();
        private final Map<Provider, String> apiKeys = new EnumMap<>(Provider.class);
        private final Map<Provider, String> baseUrls = new EnumMap<>(Provider.class);
        private final Map<Provider, TransportKind> transports = new EnumMap<>(Provider.class);
        private final Map<String, String> headers = new java.util.LinkedHashMap<>();
        private int maxConcurrency = 64;
        private int connectionsPerHost = 1;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration firstByteTimeout = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofMinutes(10);
        private Path trustStore;
        private String trustStorePassword;
        private Supplier<? extends Limit> limitPerKey;
        private boolean aimd;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RetryListener retryListener = RetryListener.NONE;
        private ClientListener listener = ClientListener.NONE;
        private dev.llmbench.client.cache.ResponseCache cache;

        Builder() {}

        /** Where keys and base URLs are read from when not set explicitly (default {@link System#getenv()}). */
        public Builder env(Map<String, String> env) { this.env = Map.copyOf(env); return this; }

        /** The key (or comma-separated keys, used round robin) for {@code provider}; overrides the environment. */
        public Builder apiKey(Provider provider, String key) { apiKeys.put(provider, Objects.requireNonNull(key)); return this; }

        /** Base URL including the version path (e.g. {@code http://127.0.0.1:8000/v1}); overrides the environment. */
        public Builder baseUrl(Provider provider, String url) { baseUrls.put(provider, Objects.requireNonNull(url)); return this; }

        /** The transport for {@code provider}. Defaults follow the lessons: OpenAI and Gemini h2, Together and Anthropic h1. */
        public Builder transport(Provider provider, TransportKind kind) { transports.put(provider, Objects.requireNonNull(kind)); return this; }

        /** The same transport for every provider. */
        public Builder transport(TransportKind kind) {
            for (Provider p : Provider.values()) transports.put(p, Objects.requireNonNull(kind));
            return this;
        }

        /**
         * A header sent with every request, e.g. the simulator's {@code x-sim-ground-truth: 1}; per-request headers go
         * on {@link ChatRequest#withHeader}. Not for keys: use {@link #apiKey}.
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** In-flight requests the transports are sized for (dispatchers, pools, streams); default 64. */
        public Builder maxConcurrency(int n) {
            if (n < 1) throw new IllegalArgumentException("maxConcurrency must be >= 1: " + n);
            maxConcurrency = n;
            return this;
        }

        /** HTTP/2 connections per host for the Netty transport (streams are spread across them); default 1. */
        public Builder connectionsPerHost(int n) {
            if (n < 1) throw new IllegalArgumentException("connectionsPerHost must be >= 1: " + n);
            connectionsPerHost = n;
            return this;
        }

        public Builder connectTimeout(Duration d) { connectTimeout = positive(d, "connectTimeout"); return this; }

        /** Limit from send to response headers. */
        public Builder firstByteTimeout(Duration d) { firstByteTimeout = positive(d, "firstByteTimeout"); return this; }

        /** Limit on silence between two reads of a streaming body. */
        public Builder idleTimeout(Duration d) { idleTimeout = positive(d, "idleTimeout"); return this; }

        /** Limit on a whole request. */
        public Builder requestTimeout(Duration d) { requestTimeout = positive(d, "requestTimeout"); return this; }

        /**
         * A PKCS12 truststore trusted in addition to the JDK's default trust (e.g. the simulator's self-signed
         * certificate). Certificate and host name checks stay on.
         */
        public Builder trustStore(Path file, String password) {
            this.trustStore = Objects.requireNonNull(file);
            this.trustStorePassword = password;
            return this;
        }

        /**
         * Adaptive concurrency as the lessons' AIMD semaphore: each key of each provider gets its own window, floor 4,
         * ceiling {@link #maxConcurrency} (+1 per success while the window is in use, halved on 429/529/timeout).
         * Requests beyond the window wait inside the client (no thread held). Off by default: without a limit every
         * request is sent at once.
         */
        public Builder aimd() {
            this.aimd = true;
            this.limitPerKey = null;
            return this;
        }

        /**
         * A concurrency limit of the caller's choosing, one instance per key of each provider (e.g. a
         * {@link dev.llmbench.client.limit.FixedLimit} for comparison, or an {@link AimdLimit} the caller observes).
         */
        public Builder concurrencyLimit(Supplier<? extends Limit> perKey) {
            this.limitPerKey = Objects.requireNonNull(perKey);
            this.aimd = false;
            return this;
        }

        /**
         * Retries of failed requests (never after part of a response reached the caller). Default
         * {@link RetryPolicy#defaults()} (2 retries, as the official SDKs); benchmarks pass {@link RetryPolicy#none()}.
         * Each attempt takes its own concurrency permit, so a 429 shrinks the window before its retry queues.
         */
        public Builder retryPolicy(RetryPolicy policy) { this.retryPolicy = Objects.requireNonNull(policy); return this; }

        /** Told about every retry (e.g. a {@link dev.llmbench.client.retry.RetryCounter} for reports). */
        public Builder retryListener(RetryListener listener) { this.retryListener = Objects.requireNonNull(listener); return this; }

        /**
         * Told about concurrency permits, changes of each key's window and retries (see {@link ClientListener}); replaces
         * any listener set before. Default {@link ClientListener#NONE}, which costs nothing.
         */
        public Builder listener(ClientListener listener) { this.listener = Objects.requireNonNull(listener); return this; }

        /**
         * A response cache (e.g. {@link dev.llmbench.client.cache.ShardedSqliteCache}): a request whose key (provider,
         * base URL and everything in the request that changes the output; never the key) is stored completes at once
         * with {@link ChatResponse#cacheHit()} true — no request is sent, the listener gets only {@code onComplete} — and
         * successful responses are stored in the background. The caller owns and closes the cache. Default: none.
         */
        public Builder cache(dev.llmbench.client.cache.ResponseCache cache) { this.cache = Objects.requireNonNull(cache); return this; }

        public LlmClient build() { return new DefaultLlmClient(config()); }

        /** The immutable snapshot {@link #build()} hands the implementation. */
        ClientConfig config() {
            return new ClientConfig(env, apiKeys, baseUrls, transports, headers, maxConcurrency, connectionsPerHost,
                    connectTimeout, firstByteTimeout, idleTimeout, requestTimeout, trustStore, trustStorePassword,
                    effectiveLimitPerKey(), retryPolicy, retryListener, listener, cache);
        }

        /** The per-key limit factory, or null for no limit. */
        private Supplier<? extends Limit> effectiveLimitPerKey() {
            if (!aimd) return limitPerKey;
            int max = maxConcurrency;
            return () -> AimdLimit.builder().min(Math.min(4, max)).max(max).build();
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
            return d;
        }
    }
}
