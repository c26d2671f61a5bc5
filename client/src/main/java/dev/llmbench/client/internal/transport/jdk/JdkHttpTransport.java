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
 */
public final class JdkHttpTransport implements Transport {
    private final boolean http2;
    private final ExecutorService executor;
    /** Null once closed: JDK 17 only ends the client's selector thread once nothing reaches the client (see close()). */
    private volatile HttpClient client;
    private final ConcurrentHashMap<String, StreamSlots> slotsByHost = new ConcurrentHashMap<>();
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
        b.method(call.method(), "GET".equals(call.method()) ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        JdkCall jdkCall = new JdkCall(b.build(), sink, http2 ? slotsFor(call.uri()) : null);
        jdkCall.start();
        return jdkCall;
    }

    @Override
    public int openConnections() { return -1; } // the JDK client does not expose its pool

    @Override
    public void close() {
        HttpClient c = client;
        client = null;
        executor.shutdownNow();
        // HttpClient is AutoCloseable from JDK 21 on. On 17 its selector thread (and with it the HTTP/1.1 connections;
        // HTTP/2 ones only get a GOAWAY) ends only once the client is unreachable AND nothing is pending. So close() drops
        // the client: the JDK's exchanges hold our calls and through them this transport, and a caller may hold its
        // closed LlmClient, so a field still pointing at the client would keep it alive, with the thread and sockets.
        if (c instanceof AutoCloseable closeable) {
            try { closeable.close(); } catch (Exception ignored) { /* closing anyway */ }
        }
    }

    /** The learned stream bound for the host of {@code uri} (tests and reports). */
    public int streamLimit(URI uri) { return slotsFor(uri).limit(); }

    private StreamSlots slotsFor(URI uri) {
        String key = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        return slotsByHost.computeIfAbsent(key, k -> new StreamSlots(StreamSlots.DEFAULT_LIMIT));
    }

    @Override
    public String toString() { return http2 ? "jdk-h2" : "jdk-h1"; }

    static boolean isStreamLimit(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof IOException && String.valueOf(t.getMessage()).contains("too many concurrent streams")) return true;
        }
        return false;
    }

    /** One request: holds its slot from start to end, and retries once on the stream-limit refusal. */
    private final class JdkCall extends CallGuard implements HttpResponse.BodyHandler<Void> {
        private final HttpRequest request;
        private final StreamSlots slots;
        private volatile CompletableFuture<HttpResponse<Void>> future;
        private volatile Flow.Subscription subscription;
        private volatile Subscriber subscriber;
        private int requeues;
        private final java.util.concurrent.atomic.AtomicBoolean slotHeld = new java.util.concurrent.atomic.AtomicBoolean();

        JdkCall(HttpRequest request, ResponseSink sink, StreamSlots slots) {
            super(sink);
            this.request = request;
            this.slots = slots;
        }

        void start() {
            if (slots == null) launch();
            else slots.submit(() -> { slotHeld.set(true); launch(); });
        }

        private void launch() {
            if (ended()) { releaseSlot(); return; }
            HttpClient c = client;
            if (c == null) { releaseSlot(); fail(new IOException("transport closed"), System.nanoTime()); return; }
            CompletableFuture<HttpResponse<Void>> f = c.sendAsync(request, this);
            future = f;
            f.whenComplete((r, e) -> { if (e != null) failed(e); });
        }

        private void failed(Throwable e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (slots != null && requeues < MAX_REQUEUES && isStreamLimit(cause) && !ended()) {
                requeues++;
                slots.refused();
                releaseSlot();
                start();
                return;
            }
            releaseSlot();
            fail(cause instanceof HttpConnectTimeoutException ? new ConnectTimeoutException(cause) : cause, System.nanoTime());
        }

        private void releaseSlot() {
            if (slotHeld.compareAndSet(true, false)) slots.release();
        }

        @Override
        public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
            long now = System.nanoTime();
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
