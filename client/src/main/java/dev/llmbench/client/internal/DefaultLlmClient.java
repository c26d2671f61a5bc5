package dev.llmbench.client.internal;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.ClientListener;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.ModelRouter;
import dev.llmbench.client.Provider;
import dev.llmbench.client.ProviderSettings;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.TransportKind;
import dev.llmbench.client.cache.CacheKey;
import dev.llmbench.client.cache.ResponseCache;
import dev.llmbench.client.internal.codec.Codecs;
import dev.llmbench.client.internal.codec.EncodedRequest;
import dev.llmbench.client.internal.codec.ProviderCodec;
import dev.llmbench.client.internal.transport.HttpCall;
import dev.llmbench.client.internal.transport.Transport;
import dev.llmbench.client.limit.FixedLimit;
import dev.llmbench.client.limit.KeyRing;
import dev.llmbench.client.limit.Limit;
import dev.llmbench.client.limit.Limiter;
import dev.llmbench.client.limit.Outcome;
import dev.llmbench.client.retry.RetryListener;
import dev.llmbench.client.retry.Retrying;
import dev.llmbench.client.retry.RetryPolicy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reference client, built from an immutable {@link ClientConfig}. Construction opens nothing; a provider's
 * settings, codec and transport are built on its first request, and the timer thread starts with the first request.
 *
 * <p>Each attempt takes a permit of one key's window ({@link KeyRing}: round robin, one window per key; without a
 * configured limit the window is unbounded and costs one CAS) and releases it with its outcome, so an AIMD window
 * adapts; a failed attempt is retried under the {@link RetryPolicy} on the client's timer thread unless part of the
 * response already reached the caller. A registered {@link ClientListener} hears permits, window changes and retries
 * through each provider's {@link ProviderEvents}; without one those calls are skipped.
 */
public final class DefaultLlmClient implements LlmClient {
    final Duration connectTimeout;
    final Duration firstByteTimeout;
    final Duration idleTimeout;
    final Duration requestTimeout;
    final SharedTimer timer = new SharedTimer();

    private final SettingsResolver resolver;
    private final TransportPool transports;
    private final Function<Provider, ProviderCodec> codecs;
    private final String[] extraHeaders;
    /** Stateless, so one instance serves every key of a client without a limit. */
    private static final Limit UNLIMITED = new FixedLimit(Integer.MAX_VALUE);

    private final Supplier<? extends Limit> limitPerKey;
    private final RetryPolicy retryPolicy;
    private final RetryListener retryListener;
    private final ClientListener clientListener; // null: NONE, nothing to report
    private final ResponseCache cache; // null: none
    private final CacheWriter cacheWriter; // null: no cache
    private final AtomicReferenceArray<ProviderRuntime> runtimes = new AtomicReferenceArray<>(Provider.values().length);
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    /** Retries waiting on the timer; close() runs them at once so that they end (cancelled) instead of hanging. */
    private final Set<Runnable> pendingRetries = ConcurrentHashMap.newKeySet();
    private volatile SecretScrubber scrubber;
    private volatile boolean closed;

    public DefaultLlmClient(ClientConfig config) {
        this(config, Codecs::forProvider);
    }

    /** With a codec lookup of the caller's choosing (tests). */
    DefaultLlmClient(ClientConfig c, Function<Provider, ProviderCodec> codecs) {
        this.resolver = new SettingsResolver(c.env(), c.apiKeys(), c.baseUrls(), c.transports());
        this.transports = new TransportPool(c.maxConcurrency(), c.connectionsPerHost(), c.connectTimeout(),
                c.trustStore(), c.trustStorePassword());
        this.codecs = codecs;
        this.extraHeaders = flatten(c.headers());
        this.connectTimeout = c.connectTimeout();
        this.firstByteTimeout = c.firstByteTimeout();
        this.idleTimeout = c.idleTimeout();
        this.requestTimeout = c.requestTimeout();
        Supplier<? extends Limit> limits = c.limitPerKey();
        this.limitPerKey = limits == null ? () -> UNLIMITED : limits;
        this.retryPolicy = c.retryPolicy();
        this.cache = c.cache();
        this.cacheWriter = cache == null ? null : new CacheWriter(cache);
        this.retryListener = c.retryListener();
        this.clientListener = c.listener() == ClientListener.NONE ? null : c.listener();
    }

    @Override
    public CompletableFuture<ChatResponse> complete(ChatRequest request) {
        return send(request, false, StreamListener.NONE);
    }

    @Override
    public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
        return send(request, true, listener == null ? StreamListener.NONE : listener);
    }

    @Override
    public ProviderSettings settings(Provider provider) {
        ProviderRuntime rt = runtimes.get(provider.ordinal());
        return rt != null ? rt.settings() : resolver.resolve(provider);
    }

    /** Connections the transport of {@code kind} holds open, or -1 if it was never started or cannot tell. */
    public int openConnections(TransportKind kind) {
        Transport t = transports.started(kind);
        return t == null ? -1 : t.openConnections();
    }

    /** Requests sent and not yet finished. */
    public int inFlight() { return inFlight.size(); }

    /** True once the timer thread exists (it starts with the first request). */
    public boolean timerStarted() { return timer.started(); }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (Exchange e : inFlight) e.abortOnClose();
        for (Runnable r : pendingRetries) if (pendingRetries.remove(r)) r.run();
        if (cacheWriter != null) cacheWriter.close();
        transports.close();
        timer.close();
    }

    private CompletableFuture<ChatResponse> send(ChatRequest request, boolean streaming, StreamListener listener) {
        RequestFuture future = new RequestFuture();
        ProviderRuntime rt;
        EncodedRequest encoded;
        String providerModel = ModelRouter.providerModel(request.model());
        try {
            if (closed) throw new LlmException.Cancelled();
            rt = runtime(ModelRouter.route(request.model()));
            encoded = rt.codec().encode(request, providerModel, streaming);
        } catch (LlmException e) {
            return failEarly(future, listener, scrubber().scrub(e));
        } catch (RuntimeException e) {
            return failEarly(future, listener, scrubber().scrub(new LlmException.Config(
                    "cannot prepare the request: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
        List<String> headers = new ArrayList<>(encoded.headers().size() + extraHeaders.length + 2 * request.headers().size());
        headers.addAll(encoded.headers());
        for (String h : extraHeaders) headers.add(h);
        request.headers().forEach((name, value) -> { headers.add(name); headers.add(value); });
        URI uri = URI.create(rt.settings().baseUrl() + encoded.pathAndQuery());
        CacheKey cacheKey = null;
        if (cache != null) {
            try {
                cacheKey = CacheKey.of(request, rt.provider(), rt.settings().baseUrl());
            } catch (RuntimeException e) {
                cacheKey = null; // not keyable (e.g. odd extra fields): just not cached
            }
            if (cacheKey != null) {
                java.util.Optional<ChatResponse> hit = cache.get(cacheKey);
                if (hit.isPresent()) {
                    listener.onComplete(hit.get());
                    return CompletableFuture.completedFuture(hit.get());
                }
            }
        }
        CompletableFuture<ChatResponse> sent = sendUncached(rt, uri, headers, encoded.body(), providerModel, streaming, listener);
        if (cacheKey != null) {
            CacheKey k = cacheKey;
            sent.thenAccept(r -> cacheWriter.store(k, r));
        }
        return sent;
    }

    private CompletableFuture<ChatResponse> sendUncached(ProviderRuntime rt, URI uri, List<String> headers, byte[] body,
                                                         String providerModel, boolean streaming, StreamListener listener) {
        Retrying retrying = rt.retrying();
        if (retrying == null) return attempt(rt, uri, headers, body, providerModel, streaming, listener);

        // Failed attempts stay silent; the caller's listener hears the final failure only.
        AttemptListener quiet = new AttemptListener(listener);
        CompletableFuture<ChatResponse> retried = retrying.call(
                () -> attempt(rt, uri, headers, body, providerModel, streaming, quiet), quiet::delivered);
        CompletableFuture<ChatResponse> result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean c = super.cancel(mayInterruptIfRunning);
                if (c) retried.cancel(mayInterruptIfRunning);
                return c;
            }
        };
        retried.whenComplete((r, t) -> {
            if (t == null) {
                result.complete(r);
                return;
            }
            LlmException e = t instanceof LlmException l ? l : Failures.classify(t, connectTimeout);
            try {
                if (!result.isDone()) listener.onError(e);
            } finally {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void scheduleRetry(Runnable task, long delayNanos) {
        if (closed) {
            task.run();
            return;
        }
        pendingRetries.add(task);
        try {
            timer.schedule(() -> { if (pendingRetries.remove(task)) task.run(); }, delayNanos);
        } catch (RejectedExecutionException e) { // closed meanwhile
            if (pendingRetries.remove(task)) task.run();
        }
    }

    /** One attempt: a permit of one key's window, then the exchange; the permit goes back with the outcome. */
    private CompletableFuture<ChatResponse> attempt(ProviderRuntime rt, URI uri, List<String> headers, byte[] body,
                                                    String providerModel, boolean streaming, StreamListener listener) {
        RequestFuture future = new RequestFuture();
        CompletableFuture<KeyRing.Lease> lease = rt.keys().acquire();
        if (lease.isDone()) {
            start(lease.join(), 0, rt, uri, headers, body, providerModel, streaming, listener, future);
        } else {
            long queuedAt = rt.events() == null ? 0 : System.nanoTime();
            future.waitFor(lease);
            lease.thenAccept(l -> {
                if (future.isDone()) l.release(Outcome.IGNORED); // cancelled while queued: never sent, never reported
                else start(l, queuedAt, rt, uri, headers, body, providerModel, streaming, listener, future);
            });
        }
        return future;
    }

    /** @param queuedAt when the attempt queued for its permit, 0 if it got one at once (or nobody listens) */
    private void start(KeyRing.Lease lease, long queuedAt, ProviderRuntime rt, URI uri, List<String> sharedHeaders,
                       byte[] body, String providerModel, boolean streaming, StreamListener listener, RequestFuture future) {
        ProviderEvents events = rt.events();
        if (events == null) {
            future.beforeCompletion(lease::release);
        } else {
            Limiter.Permit permit = lease.permit();
            long queuedNanos = queuedAt == 0 ? 0 : Math.max(0, permit.startNanos() - queuedAt);
            events.permitAcquired(lease.keyIndex(), permit.inFlightAtStart(), queuedNanos);
            future.beforeCompletion(failure -> events.release(lease, failure));
        }
        String key = lease.apiKey();
        List<String> headers = sharedHeaders;
        if (key != null) {
            headers = new ArrayList<>(sharedHeaders.size() + 4);
            headers.addAll(sharedHeaders);
            List<String> h = headers;
            rt.codec().authHeaders(key, (name, value) -> { h.add(name); h.add(value); });
        }
        HttpCall call = new HttpCall(uri, "POST", headers, body);
        Exchange exchange = new Exchange(this, rt, providerModel, streaming, listener, future);
        future.attach(exchange);
        inFlight.add(exchange);
        if (closed) { // close() may have swept inFlight before the add
            exchange.abortOnClose();
            return;
        }
        exchange.start(call);
    }

    private static CompletableFuture<ChatResponse> failEarly(RequestFuture future, StreamListener listener, LlmException e) {
        try {
            listener.onError(e);
        } finally {
            future.completeExceptionally(e);
        }
        return future;
    }

    private ProviderRuntime runtime(Provider p) {
        ProviderRuntime rt = runtimes.get(p.ordinal());
        if (rt != null) return rt;
        synchronized (runtimes) {
            rt = runtimes.get(p.ordinal());
            if (rt == null) {
                ProviderSettings s = resolver.resolveForUse(p);
                KeyRing keys = KeyRing.ofPossiblyNone(s.apiKeys(), limitPerKey);
                ProviderEvents events = clientListener == null ? null : new ProviderEvents(p, clientListener, retryListener);
                if (events != null) events.observe(keys);
                Retrying retrying = retryPolicy.maxAttempts() <= 1 ? null
                        : new Retrying(retryPolicy, this::scheduleRetry, events == null ? retryListener : events);
                rt = new ProviderRuntime(p, s, codecs.apply(p), transports.get(s.transport()), keys, retrying, events);
                runtimes.set(p.ordinal(), rt);
            }
            return rt;
        }
    }

    private static String[] flatten(Map<String, String> headers) {
        String[] flat = new String[headers.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            flat[i++] = e.getKey();
            flat[i++] = e.getValue();
        }
        return flat;
    }

    void finished(Exchange e) { inFlight.remove(e); }

    /** The key ring of {@code provider} (its windows), once the provider served a request. */
    public java.util.Optional<KeyRing> keyRing(Provider provider) {
        ProviderRuntime rt = runtimes.get(provider.ordinal());
        return java.util.Optional.ofNullable(rt == null ? null : rt.keys());
    }

    SecretScrubber scrubber() {
        SecretScrubber s = scrubber;
        if (s == null) scrubber = s = new SecretScrubber(resolver.allKeys());
        return s;
    }
}
