package dev.llmbench.bench.path;

import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.bench.target.KeyMask;
import dev.llmbench.bench.model.WindowSample;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.ClientListener;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.limit.AimdLimit;
import dev.llmbench.client.limit.FixedLimit;
import dev.llmbench.client.limit.Limit;
import dev.llmbench.client.limit.Outcome;
import dev.llmbench.client.retry.RetryCounter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The reference client ({@code dev.llmbench.client}): one shared client per cell, or one per request when asked.
 * {@link RefClientOptions} add the client's own concurrency window (fixed or AIMD, per key), several keys and
 * retries; the session counts the client's retries and records the window over time (through the client's public
 * {@link ClientListener}: each key's window changes with the in-flight of that key, and its permits).
 */
public final class RefClientPath implements ClientPath {
    public static final String ID = "ref";
    /** Window points kept per cell (a change happens at most once per finished request). */
    private static final int MAX_WINDOW_POINTS = 200_000;

    private final RefClientOptions options;

    public RefClientPath() { this(RefClientOptions.RAW); }

    public RefClientPath(RefClientOptions options) { this.options = options; }

    @Override
    public String id() { return ID; }

    public RefClientOptions options() { return options; }

    @Override
    public PathSession open(SessionSpec spec) {
        return spec.clientPerRequest() ? new PerRequestSession(spec, options) : new SharedSession(spec, options);
    }

    /** A client configured for the endpoint only; the environment is consulted only when the endpoint leaves the key to it. */
    static LlmClient build(SessionSpec spec) { return builder(spec, RefClientOptions.RAW, 1).build(); }

    static LlmClient.Builder builder(SessionSpec spec, RefClientOptions options, int keys) {
        Endpoint e = spec.endpoint();
        Provider p = e.wireProvider();
        LlmClient.Builder b = LlmClient.builder()
                .env(e.apiKey() == null ? System.getenv() : Map.of())
                .transport(p, spec.transport())
                .maxConcurrency(spec.maxConcurrency())
                .retryPolicy(options.retry());
        if (e.apiKey() != null) b.apiKey(p, keys(e.apiKey(), keys));
        if (e.baseUrl() != null) b.baseUrl(p, e.baseUrl());
        if (e.trustStore() != null) b.trustStore(e.trustStore(), e.trustStorePassword());
        if (e.groundTruth()) b.header("x-sim-ground-truth", "1");
        Guard g = spec.guard();
        if (g != null) b.firstByteTimeout(g.firstByteTimeout()).idleTimeout(g.idleTimeout()).requestTimeout(g.requestTimeout());
        return b;
    }

    /** {@code n} distinct keys derived from a generated simulator key (the simulator's limits are per key). */
    static String keys(String key, int n) {
        if (n == 1) return key;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(key + "-k" + i);
        return String.join(",", out);
    }

    /**
     * One shared client; its limits (one per key) are made here so that their window can be recorded. Window changes
     * come from the client's {@link ClientListener} with the in-flight of that key at the change; the in-flight of the
     * first and closing points is the count of that key's permits held, from the same listener's acquire and release.
     */
    private static final class SharedSession implements PathSession {
        private final LlmClient client;
        private final RetryCounter retries = new RetryCounter();
        private final List<WindowSample> window = Collections.synchronizedList(new ArrayList<>());
        private final List<Limit> limits = new ArrayList<>(); // guarded by this; index = key
        private final AtomicIntegerArray held; // index = key: permits held
        private final UnaryOperator<String> mask;
        private volatile long originNanos;

        SharedSession(SessionSpec spec, RefClientOptions options) {
            this.mask = KeyMask.of(spec.endpoint());
            this.held = new AtomicIntegerArray(Math.max(1, options.keys()));
            LlmClient.Builder b = builder(spec, options, options.keys()).retryListener(retries);
            int ceiling = options.ceiling(spec.maxConcurrency());
            if (options.limit() != RefClientOptions.Limit.NONE) {
                b.concurrencyLimit(observed(() -> options.limit() == RefClientOptions.Limit.FIXED ? new FixedLimit(ceiling)
                        : AimdLimit.builder().min(Math.min(RefClientOptions.AIMD_FLOOR, ceiling)).max(ceiling).build()));
                b.listener(new WindowObserver());
            }
            this.client = b.build();
        }

        /** Wraps the factory: each limit it makes is key {@code i} (the ring makes them in key order) and is recorded. */
        private Supplier<Limit> observed(Supplier<Limit> make) {
            return () -> {
                Limit l = make.get();
                int key;
                synchronized (this) {
                    key = limits.size();
                    limits.add(l);
                }
                record(key, l.limit(), held(key));
                return l;
            };
        }

        /** The client's view of each key (the session talks to one provider): permits taken and given back, window changes. */
        private final class WindowObserver implements ClientListener {
            @Override
            public void onPermitAcquired(Provider p, int keyIndex, int inFlight, long queuedNanos) {
                if (keyIndex < held.length()) held.incrementAndGet(keyIndex);
            }

            @Override
            public void onPermitReleased(Provider p, int keyIndex, Outcome outcome) {
                if (keyIndex < held.length()) held.decrementAndGet(keyIndex);
            }

            @Override
            public void onWindowChange(Provider p, int keyIndex, int oldLimit, int newLimit, int inFlight) {
                record(keyIndex, newLimit, inFlight);
            }
        }

        private int held(int key) { return key < held.length() ? held.get(key) : 0; }

        private void record(int key, int limit, int inFlight) {
            long now = System.nanoTime();
            if (originNanos == 0) originNanos = now;
            if (window.size() < MAX_WINDOW_POINTS) window.add(new WindowSample((now - originNanos) / 1e9, key, limit, inFlight));
        }

        @Override
        public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
            if (originNanos == 0) originNanos = System.nanoTime();
            return client.stream(request, listener);
        }

        @Override
        public long retries() { return retries.total(); }

        @Override
        public String redact(String text) { return mask.apply(text); }

        /** The points so far, closed by each key's current window (so a window that never changed still spans the cell). */
        @Override
        public List<WindowSample> window() {
            List<Limit> made;
            synchronized (this) { made = List.copyOf(limits); }
            for (int k = 0; k < made.size(); k++) record(k, made.get(k).limit(), held(k));
            synchronized (window) { return List.copyOf(window); }
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
        private final RefClientOptions options;
        private final RetryCounter retries = new RetryCounter();
        private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "llmbench-client-closer");
            t.setDaemon(true);
            return t;
        });

        private final UnaryOperator<String> mask;

        PerRequestSession(SessionSpec spec, RefClientOptions options) {
            this.spec = spec;
            this.options = options;
            this.mask = KeyMask.of(spec.endpoint());
        }

        @Override
        public String redact(String text) { return mask.apply(text); }

        @Override
        public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
            LlmClient client = builder(new SessionSpec(spec.endpoint(), spec.transport(), 1, false, spec.guard()), options, options.keys())
                    .retryListener(retries).build();
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
        public long retries() { return retries.total(); }

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
