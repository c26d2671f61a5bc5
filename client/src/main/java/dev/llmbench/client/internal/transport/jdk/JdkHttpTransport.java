package dev.llmbench.client.internal.transport.jdk;

import dev.llmbench.client.internal.transport.CallGuard;
import dev.llmbench.client.internal.transport.ConnectTimeoutException;
import dev.llmbench.client.internal.transport.DaemonThreads;
import dev.llmbench.client.internal.transport.HttpCall;
import dev.llmbench.client.internal.transport.Protocols;
import dev.llmbench.client.internal.transport.ResponseSink;
import dev.llmbench.client.internal.transport.StreamSlots;
import dev.llmbench.client.internal.transport.Transport;
import dev.llmbench.client.internal.transport.TransportConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;

/**
 * The JDK's {@link HttpClient}, forced to HTTP/1.1 or HTTP/2 (ALPN over TLS; over cleartext the JDK can only try
 * {@code Upgrade: h2c}, it has no prior-knowledge mode). The body arrives through a {@link HttpResponse.BodySubscriber}
 * on the client's executor, pushing each ByteBuffer to the sink; no thread waits on a stream.
 *
 * <p>HTTP/2 streams per host are bounded by {@link StreamSlots}; a request the JDK refuses with "too many
 * concurrent streams" lowers the bound and is queued again (it was never sent, so this is safe), a few times at most.
 * A {@link ConnectionGate} per host lets one request open the HTTP/2 connection before the others are sent, so that
 * the JDK opens one connection, not one per request of the first burst (JDK 17 does not close the extra ones).
 */
public final class JdkHttpTransport implements Transport {
    private final boolean http2;
    private final ExecutorService executor;
    /** Null once closed: JDK 17 only ends the client's selector thread once nothing reaches the client (see close()). */
    private volatile HttpClient client;
    private final ConcurrentHashMap<String, StreamSlots> slotsByHost = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConnectionGate> gatesByHost = new ConcurrentHashMap<>();
    /** Refusals one request may see before its failure is reported; each one lowers the bound. */
    private static final int MAX_REQUEUES = 8;

    public JdkHttpTransport(boolean http2, TransportConfig config) {
        this.http2 = http2;
        this.executor = Executors.newCachedThreadPool(new DaemonThreads(http2 ? "jdk-h2" : "jdk-h1"));
        this.client = HttpClient.newBuilder()
                .version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .sslContext(config.tls().sslContext())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public Cancellable send(HttpCall call, ResponseSink sink) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri());
        List<String> h = call.headers();
        for (int i = 0; i < h.size(); i += 2) b.header(h.get(i), h.get(i + 1));
        JdkCall jdkCall = new JdkCall(sink, http2 ? slotsFor(call.uri()) : null, http2 ? gateFor(call.uri()) : null);
        // Over TLS the JDK pools an HTTP/2 connection before it sends a stream's body, so the body starting tells the
        // gate there is one; over cleartext the body may go out on the HTTP/1.1 upgrade request, so only the response does.
        boolean tls = "https".equalsIgnoreCase(call.uri().getScheme());
        b.method(call.method(), "GET".equals(call.method()) ? HttpRequest.BodyPublishers.noBody()
                : tls && http2 ? new SignallingBody(HttpRequest.BodyPublishers.ofByteArray(call.body()), jdkCall::connected)
                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        jdkCall.start(b.build());
        return jdkCall;
    }

    @Override
    public int openConnections() { return -1; } // the JDK client does not expose its pool

    @Override
    public void close() {
        HttpClient c = client;
        client = null;
        // JDK 21+: shutdownNow() closes every connection at once (close() would wait for exchanges without bound).
        if (c != null && SHUTDOWN_NOW != null) {
            try {
                SHUTDOWN_NOW.invoke(c);
                AWAIT_TERMINATION.invoke(c, CLOSE_WAIT);
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // closing anyway
            }
        }
        executor.shutdownNow();
        // JDK 17 has no such method: its selector thread ends, closing the pooled connections (HTTP/1.1 and, on 17.0.15,
        // HTTP/2), only once the client is unreachable AND nothing is pending. So close() drops the client: the JDK's
        // exchanges hold our calls and through them this transport, and a caller may hold its closed LlmClient, so a field
        // still pointing at the client would keep it alive, with the thread and sockets. HTTP/2 connections outside the
        // pool are never closed on 17; the ConnectionGate keeps the JDK from opening any.
    }

    /** {@code HttpClient.shutdownNow()} and {@code awaitTermination(Duration)} (JDK 21+), or null on older runtimes. */
    private static final java.lang.reflect.Method SHUTDOWN_NOW = method("shutdownNow");
    private static final java.lang.reflect.Method AWAIT_TERMINATION = method("awaitTermination", java.time.Duration.class);
    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(2);

    private static java.lang.reflect.Method method(String name, Class<?>... params) {
        try {
            return HttpClient.class.getMethod(name, params); // public API of an exported package: no --add-opens
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** True when the runtime's HttpClient can close its connections itself (JDK 21+). */
    public static boolean runtimeClosesConnections() { return SHUTDOWN_NOW != null && AWAIT_TERMINATION != null; }

    /** The learned stream bound for the host of {@code uri} (tests and reports). */
    public int streamLimit(URI uri) { return slotsFor(uri).limit(); }

    private StreamSlots slotsFor(URI uri) {
        return slotsByHost.computeIfAbsent(hostKey(uri), k -> new StreamSlots(StreamSlots.DEFAULT_LIMIT));
    }

    private ConnectionGate gateFor(URI uri) {
        return gatesByHost.computeIfAbsent(hostKey(uri), k -> new ConnectionGate());
    }

    private static String hostKey(URI uri) { return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort(); }

    @Override
    public String toString() { return http2 ? "jdk-h2" : "jdk-h1"; }

    /** A request body that calls {@code onStart} when the JDK subscribes to it, i.e. starts sending it. */
    private record SignallingBody(HttpRequest.BodyPublisher body, Runnable onStart) implements HttpRequest.BodyPublisher {
        @Override
        public long contentLength() { return body.contentLength(); }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            onStart.run();
            body.subscribe(subscriber);
        }
    }

    static boolean isStreamLimit(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof IOException && String.valueOf(t.getMessage()).contains("too many concurrent streams")) return true;
        }
        return false;
    }

    /** One request: holds its slot from start to end, and retries once on the stream-limit refusal. */
    private final class JdkCall extends CallGuard implements HttpResponse.BodyHandler<Void> {
        private volatile HttpRequest request;
        private final StreamSlots slots;
        private final ConnectionGate gate;
        /** Set when the gate made this call the one to open the connection; cleared once it has one or has ended. */
        private final java.util.concurrent.atomic.AtomicBoolean pioneer = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile CompletableFuture<HttpResponse<Void>> future;
        private volatile Flow.Subscription subscription;
        private volatile Subscriber subscriber;
        private int requeues;
        private final java.util.concurrent.atomic.AtomicBoolean slotHeld = new java.util.concurrent.atomic.AtomicBoolean();

        JdkCall(ResponseSink sink, StreamSlots slots, ConnectionGate gate) {
            super(sink);
            this.slots = slots;
            this.gate = gate;
        }

        void start(HttpRequest r) {
            request = r;
            start();
        }

        private void start() {
            if (slots == null) launch();
            else slots.submit(() -> { slotHeld.set(true); gate.submit(this::launchAs); });
        }

        private void launchAs(boolean asPioneer) {
            pioneer.set(asPioneer);
            launch();
        }

        private void launch() {
            if (ended()) { releaseSlot(); endPioneer(); return; }
            HttpClient c = client;
            if (c == null) { releaseSlot(); endPioneer(); fail(new IOException("transport closed"), System.nanoTime()); return; }
            CompletableFuture<HttpResponse<Void>> f = c.sendAsync(request, this);
            future = f;
            f.whenComplete((r, e) -> { if (e != null) failed(e); });
        }

        /** This request has a pooled HTTP/2 connection (its body is going out, or its response arrived). */
        void connected() {
            if (gate == null) return;
            pioneer.set(false);
            gate.connected();
        }

        /** A pioneer that ends without a connection passes the role on. */
        private void endPioneer() {
            if (gate != null && pioneer.compareAndSet(true, false)) gate.pioneerEnded();
        }

        private void failed(Throwable e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (slots != null && requeues < MAX_REQUEUES && isStreamLimit(cause) && !ended()) {
                requeues++;
                slots.refused();
                releaseSlot();
                endPioneer();
                start();
                return;
            }
            if (gate != null && !ended()) gate.lost(); // not our own cancel: the connection may be gone
            releaseSlot();
            endPioneer();
            fail(cause instanceof HttpConnectTimeoutException ? new ConnectTimeoutException(cause) : cause, System.nanoTime());
        }

        private void releaseSlot() {
            if (slotHeld.compareAndSet(true, false)) slots.release();
        }

        @Override
        public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
            long now = System.nanoTime();
            connected();
            HttpHeaders headers = info.headers();
            if (!ended()) {
                sink.onHeaders(info.statusCode(), info.version() == HttpClient.Version.HTTP_2 ? Protocols.H2 : Protocols.HTTP_1_1,
                        name -> headers.firstValue(name).orElse(null), now);
            }
            Subscriber b = new Subscriber();
            subscriber = b;
            return b;
        }

        @Override
        protected void abort() {
            Flow.Subscription s = subscription;
            if (s != null) s.cancel();
            // After a cancel the JDK calls the subscriber no more, so its body would never complete and the JDK 17
            // client would count the exchange as pending for good, keeping its selector thread and sockets after
            // close(). Ending the body here ends the exchange (and its future, which frees the slot).
            Subscriber b = subscriber;
            if (b != null) b.body.completeExceptionally(new IOException("cancelled"));
            CompletableFuture<HttpResponse<Void>> f = future;
            if (f != null) f.cancel(true);
            endPioneer();
            // The slot is freed when the JDK reports the cancelled exchange through the future.
        }

        private final class Subscriber implements HttpResponse.BodySubscriber<Void> {
            private final CompletableFuture<Void> body = new CompletableFuture<>();

            @Override
            public CompletionStage<Void> getBody() { return body; }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                if (ended()) {
                    s.cancel();
                    body.completeExceptionally(new IOException("cancelled"));
                } else s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> items) {
                long now = System.nanoTime();
                for (int i = 0, n = items.size(); i < n && !ended(); i++) sink.onBody(items.get(i), now);
            }

            @Override
            public void onError(Throwable t) {
                if (gate != null && !ended()) gate.lost();
                releaseSlot();
                fail(t, System.nanoTime());
                body.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                releaseSlot();
                complete(System.nanoTime());
                body.complete(null);
            }
        }
    }
}
