package dev.llmbench.client.internal.transport.okhttp;

import dev.llmbench.client.internal.transport.CallGuard;
import dev.llmbench.client.internal.transport.ConnectTimeoutException;
import dev.llmbench.client.internal.transport.DaemonThreads;
import dev.llmbench.client.internal.transport.HttpCall;
import dev.llmbench.client.internal.transport.Protocols;
import dev.llmbench.client.internal.transport.ResponseSink;
import dev.llmbench.client.internal.transport.StreamSlots;
import dev.llmbench.client.internal.transport.Transport;
import dev.llmbench.client.internal.transport.TransportConfig;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;
import okio.BufferedSource;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * OkHttp, HTTP/1.1 only or HTTP/2 (ALPN h2 over TLS, prior knowledge over cleartext).
 *
 * <p>Requests go through {@code enqueue}; OkHttp's model reads a response body on a dispatcher thread, so a streaming
 * body occupies one dispatcher thread while it lasts (OkHttp has no non-blocking body API). The dispatcher is sized
 * to {@code maxConcurrency} both overall and per host, replacing OkHttp's default 5-per-host cap, and the pool keeps
 * enough idle connections at that concurrency: one per request on HTTP/1.1, one per 100 streams on HTTP/2, so a dip
 * in load does not evict connections needed again a moment later (each new HTTP/2 connection takes a burst before its
 * SETTINGS). Timeouts other than connect are the client core's, so OkHttp's read/write/call timeouts are off; it never
 * retries on its own.
 *
 * <p>HTTP/2: until a new connection's SETTINGS arrive OkHttp assumes it takes any number of streams, so a burst past
 * what the open connections take piles onto the next connection, past the server's SETTINGS_MAX_CONCURRENT_STREAMS. The
 * server refuses the extras, and a strict one (Netty) then fails the whole connection with PROTOCOL_ERROR when the
 * refused stream's request body arrives, taking every stream on it down. So streams per host are bounded by {@link
 * StreamSlots} to {@code limit x (connections + 1)}: at most one limit's worth more than the open connections take
 * (counting a connection once its SETTINGS are known), which is what a new connection may receive before its SETTINGS.
 * A stream refused anyway (REFUSED_STREAM: never processed, safe to send again) is queued again, a few times at most,
 * and sent once another stream to the host ended ({@link StreamSlots#resubmit}). Unlike on the JDK transport a refusal
 * does not lower the bound: OkHttp reads each connection's limit from its SETTINGS and keeps to it, so a refusal here
 * is a race (a burst before the SETTINGS, or a stream the server still counts while the client already read its end),
 * not a lower limit. The bound's {@code limit} stays what the servers advertise.
 */
public final class OkHttpTransport implements Transport {
    private static final int READ_BUFFER = 16 * 1024;
    private static final ThreadLocal<ByteBuffer> READ_BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(READ_BUFFER));

    private final boolean http2;
    private final ExecutorService executor;
    private final ConnectionPool pool;
    private final OkHttpClient tlsClient;
    private final OkHttpClient cleartextClient;
    private final ConcurrentHashMap<String, StreamSlots> slotsByHost = new ConcurrentHashMap<>();
    /**
     * HTTP/2 connections a response arrived on, hence whose SETTINGS OkHttp has applied, and that still take new
     * streams (weak: closed ones go). Guards {@link #refusals} too.
     */
    private final Set<Connection> settled = Collections.newSetFromMap(new WeakHashMap<>());
    /** REFUSED_STREAM resets per connection: OkHttp takes no new streams on a connection after its second. */
    private final WeakHashMap<Connection, Integer> refusals = new WeakHashMap<>();
    /** Refusals one request may see before its failure is reported. */
    private static final int MAX_REQUEUES = 8;

    public OkHttpTransport(boolean http2, TransportConfig config) {
        this.http2 = http2;
        int n = config.maxConcurrency();
        // Like OkHttp's own default executor (unbounded, threads die after 60 s idle), but daemon and named.
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DaemonThreads(http2 ? "okhttp-h2" : "okhttp-h1"));
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(n);
        dispatcher.setMaxRequestsPerHost(n);
        this.pool = new ConnectionPool(Math.max(5, http2 ? Math.max(config.connectionsPerHost(), n / StreamSlots.DEFAULT_LIMIT + 1) : n),
                5, TimeUnit.MINUTES);
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(pool)
                .connectTimeout(config.connectTimeout())
                .readTimeout(0, TimeUnit.MILLISECONDS)
                .writeTimeout(0, TimeUnit.MILLISECONDS)
                .callTimeout(0, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .sslSocketFactory(config.tls().sslContext().getSocketFactory(), config.tls().trustManager());
        if (http2) {
            builder.addNetworkInterceptor(chain -> {
                Connection c = chain.connection();
                try {
                    Response r = chain.proceed(chain.request());
                    if (c != null) settledResponse(c);
                    return r;
                } catch (StreamResetException e) {
                    if (c != null && isRefused(e)) refused(c);
                    throw e;
                }
            });
        }
        OkHttpClient base = builder.build();
        this.tlsClient = base.newBuilder()
                .protocols(http2 ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1) : List.of(Protocol.HTTP_1_1))
                .build();
        // H2_PRIOR_KNOWLEDGE must be the only protocol listed.
        this.cleartextClient = http2 ? base.newBuilder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build() : tlsClient;
    }

    @Override
    public Cancellable send(HttpCall call, ResponseSink sink) {
        Headers.Builder headers = new Headers.Builder();
        List<String> h = call.headers();
        String contentType = null;
        for (int i = 0; i < h.size(); i += 2) {
            if (h.get(i).equalsIgnoreCase("content-type")) contentType = h.get(i + 1);
            headers.add(h.get(i), h.get(i + 1));
        }
        RequestBody body = "GET".equals(call.method()) ? null
                : RequestBody.create(call.body(), contentType == null ? null : MediaType.parse(contentType));
        Request request = new Request.Builder().url(call.uri().toString()).headers(headers.build())
                .method(call.method(), body).build();
        OkHttpClient client = "https".equalsIgnoreCase(call.uri().getScheme()) ? tlsClient : cleartextClient;
        StreamingCall streaming = new StreamingCall(client.newCall(request), sink, http2 ? slotsFor(call.uri()) : null);
        streaming.start();
        return streaming;
    }

    /** The learned per-connection stream bound for the host of {@code uri} (tests and reports). */
    public int streamLimit(URI uri) { return slotsFor(uri).limit(); }

    private StreamSlots slotsFor(URI uri) {
        String key = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        return slotsByHost.computeIfAbsent(key, k -> new StreamSlots(StreamSlots.DEFAULT_LIMIT, this::settledConnections));
    }

    /**
     * Connections whose SETTINGS are known, plus one: the one a burst past them may open. A connection counts only
     * once a response arrived on it, as before that OkHttp takes its stream limit to be unbounded, and only while it is
     * open and takes new streams (closed ones linger in the weak set until collected). Counted over every host (more
     * permissive with several hosts, never stricter) and never above the pool's live count.
     */
    private int settledConnections() { return settledConnections(pool.connectionCount()); }

    /** {@link #settledConnections()} with the pool's live count given (package-private for the regression test). */
    int settledConnections(int poolConnections) {
        int open = 0;
        synchronized (settled) {
            for (Connection c : settled) if (!c.socket().isClosed()) open++;
        }
        return Math.min(open, poolConnections) + 1;
    }

    /** A response arrived on {@code c}: the server's SETTINGS precede it, so OkHttp keeps to c's limit from now on. */
    void settledResponse(Connection c) {
        synchronized (settled) {
            if (refusals.getOrDefault(c, 0) < 2) settled.add(c);
        }
    }

    /**
     * A stream on {@code c} was refused. After the second, OkHttp retires c (RealConnection.trackFailure sets
     * noNewExchanges): it still counts in the pool while its streams finish, but takes no new ones, so from then on it
     * does not widen the bound (which would let a burst pile onto a new connection before its SETTINGS).
     */
    void refused(Connection c) {
        synchronized (settled) {
            if (refusals.merge(c, 1, Integer::sum) >= 2) settled.remove(c);
        }
    }

    static boolean isRefused(Throwable t) {
        return t instanceof StreamResetException reset && reset.errorCode == ErrorCode.REFUSED_STREAM;
    }

    @Override
    public int openConnections() { return pool.connectionCount(); }

    @Override
    public void close() {
        tlsClient.dispatcher().cancelAll();
        executor.shutdown();
        pool.evictAll();
    }

    @Override
    public String toString() { return http2 ? "okhttp-h2" : "okhttp-h1"; }

    /** One call: the callback reads the body to its end on the dispatcher thread; on HTTP/2 it holds a slot meanwhile. */
    private static final class StreamingCall extends CallGuard implements Callback {
        private volatile Call call;
        private final StreamSlots slots;
        private final AtomicBoolean slotHeld = new AtomicBoolean();
        private int requeues;

        StreamingCall(Call call, ResponseSink sink, StreamSlots slots) {
            super(sink);
            this.call = call;
            this.slots = slots;
        }

        void start() {
            if (slots == null) call.enqueue(this);
            else slots.submit(this::admitted);
        }

        /** Holding a slot: sends the call, unless it was cancelled while waiting for one. */
        private void admitted() {
            slotHeld.set(true);
            if (ended()) releaseSlot();
            else call.enqueue(this);
        }

        private void releaseSlot() {
            if (slotHeld.compareAndSet(true, false)) slots.release();
        }

        @Override
        public void onFailure(Call c, IOException e) {
            if (slots != null && requeues < MAX_REQUEUES && isRefused(e) && !ended()) {
                requeues++;
                releaseSlot();
                call = c.clone();
                slots.resubmit(this::admitted);
                return;
            }
            releaseSlot();
            IOException error = e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).contains("connect")
                    ? new ConnectTimeoutException(e) : e;
            fail(error, System.nanoTime());
        }

        @Override
        public void onResponse(Call c, Response response) {
            try (ResponseBody body = response.body()) {
                long now = System.nanoTime();
                if (ended()) return;
                Protocol p = response.protocol();
                String protocol = p == Protocol.HTTP_2 || p == Protocol.H2_PRIOR_KNOWLEDGE ? Protocols.H2 : Protocols.HTTP_1_1;
                sink.onHeaders(response.code(), protocol, response::header, now);
                BufferedSource source = body.source();
                ByteBuffer buf = READ_BUFFERS.get();
                while (!ended()) {
                    buf.clear();
                    int n = source.read(buf);
                    now = System.nanoTime();
                    if (n < 0) break;
                    buf.flip();
                    sink.onBody(buf, now);
                }
                releaseSlot();
                complete(System.nanoTime());
            } catch (IOException | RuntimeException e) {
                releaseSlot();
                fail(e, System.nanoTime());
            } finally {
                releaseSlot();
            }
        }

        @Override
        protected void abort() { call.cancel(); }
    }
}
