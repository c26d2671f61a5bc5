package dev.llmbench.client.internal;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.ModelRouter;
import dev.llmbench.client.Provider;
import dev.llmbench.client.ProviderSettings;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.TransportKind;
import dev.llmbench.client.internal.codec.Codecs;
import dev.llmbench.client.internal.codec.EncodedRequest;
import dev.llmbench.client.internal.codec.ProviderCodec;
import dev.llmbench.client.internal.transport.HttpCall;
import dev.llmbench.client.internal.transport.Transport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * The reference client. Construction only copies the configuration; a provider's settings, codec and transport are
 * built on its first request, and the timer thread starts with the first request too.
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
    private final AtomicReferenceArray<ProviderRuntime> runtimes = new AtomicReferenceArray<>(Provider.values().length);
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private volatile SecretScrubber scrubber;
    private volatile boolean closed;

    public DefaultLlmClient(LlmClient.Builder builder) {
        this(builder, Codecs::forProvider);
    }

    /** With a codec lookup of the caller's choosing (tests). */
    DefaultLlmClient(LlmClient.Builder b, Function<Provider, ProviderCodec> codecs) {
        this.resolver = new SettingsResolver(b.env(), b.apiKeys(), b.baseUrls(), b.transports());
        this.transports = new TransportPool(b.maxConcurrency(), b.connectionsPerHost(), b.connectTimeout(),
                b.trustStore(), b.trustStorePassword());
        this.codecs = codecs;
        this.extraHeaders = flatten(b.headers());
        this.connectTimeout = b.connectTimeout();
        this.firstByteTimeout = b.firstByteTimeout();
        this.idleTimeout = b.idleTimeout();
        this.requestTimeout = b.requestTimeout();
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
        List<String> headers = new ArrayList<>(encoded.headers().size() + extraHeaders.length + 2 * request.headers().size() + 6);
        headers.addAll(encoded.headers());
        for (String h : extraHeaders) headers.add(h);
        request.headers().forEach((name, value) -> { headers.add(name); headers.add(value); });
        String key = rt.keys().next();
        if (key != null) rt.codec().authHeaders(key, (name, value) -> { headers.add(name); headers.add(value); });
        HttpCall call = new HttpCall(URI.create(rt.settings().baseUrl() + encoded.pathAndQuery()), "POST", headers, encoded.body());

        Exchange exchange = new Exchange(this, rt, providerModel, streaming, listener, future);
        future.attach(exchange);
        inFlight.add(exchange);
        if (closed) { // close() may have swept inFlight before the add
            exchange.abortOnClose();
            return future;
        }
        exchange.start(call);
        return future;
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
                rt = new ProviderRuntime(p, s, codecs.apply(p), transports.get(s.transport()), new KeyRing(s.apiKeys()));
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

    SecretScrubber scrubber() {
        SecretScrubber s = scrubber;
        if (s == null) scrubber = s = new SecretScrubber(resolver.allKeys());
        return s;
    }
}
