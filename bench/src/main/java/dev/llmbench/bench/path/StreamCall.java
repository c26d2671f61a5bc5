package dev.llmbench.bench.path;

import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.Usage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One streaming request through a library: records the same timestamps as the reference client into a
 * {@link CallTiming}, forwards tokens to the {@link StreamListener} and settles the future exactly once.
 *
 * <p>Each call is registered under an id sent as the {@link #PROBE_HEADER} request header, so hooks inside a
 * library's HTTP stack (which only see the HTTP request) can report when response headers arrived and over which
 * protocol. Callbacks for one request run in order (the library delivers one stream sequentially).
 */
public final class StreamCall {
    /** Request header carrying the call id to the library's HTTP hooks; the simulator ignores it. */
    public static final String PROBE_HEADER = "x-llmbench-probe";

    private static final ConcurrentHashMap<String, StreamCall> IN_FLIGHT = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private final Provider provider;
    private final String model;
    private final StreamListener listener;
    private final String id = Long.toString(IDS.incrementAndGet());
    private final CallTiming timing = new CallTiming();
    private final CompletableFuture<ChatResponse> future = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder(256);
    private final StringBuilder thinking = new StringBuilder();
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile String protocol = "unknown";

    public StreamCall(Provider provider, String model, StreamListener listener) {
        this.provider = provider;
        this.model = model;
        this.listener = listener == null ? StreamListener.NONE : listener;
        IN_FLIGHT.put(id, this);
    }

    /** The call registered under a {@link #PROBE_HEADER} value, or null. */
    public static StreamCall byId(String id) { return id == null ? null : IN_FLIGHT.get(id); }

    public String id() { return id; }

    public CompletableFuture<ChatResponse> future() { return future; }

    public CallTiming timing() { return timing; }

    /** Marks the send; call just before handing the request to the library. */
    public void send() { timing.markSend(System.nanoTime()); }

    /** Response headers arrived ({@code protocol} null when the library does not show it). */
    public void headers(int status, String protocol, long nanos) {
        timing.markHeaders(nanos);
        if (protocol != null) this.protocol = protocol;
        if (status >= 200 && status < 300) listener.onOpen(status, this.protocol, nanos);
    }

    /** Any streamed chunk/event arrived. */
    public void event(long nanos) { timing.markEvent(nanos); }

    /** A content (or thinking) delta; empty or null deltas are not tokens. */
    public void token(String delta, boolean thought, long nanos) {
        if (delta == null || delta.isEmpty()) return;
        timing.markToken(nanos, thought);
        (thought ? thinking : text).append(delta);
        listener.onToken(delta, thought, nanos);
    }

    /** The stream ended normally. {@code usage} null means the library exposed none: content events are counted. */
    public void complete(Usage usage, String finishReason) {
        long now = System.nanoTime();
        if (!settled.compareAndSet(false, true)) return;
        IN_FLIGHT.remove(id);
        timing.markEnd(now);
        Usage u = usage != null ? usage : new Usage(0, 0, timing.tokenEvents(), 0, false);
        ChatResponse response = new ChatResponse(provider, model, text.toString(), thinking.toString(), finishReason,
                u, timing, protocol, false);
        try {
            listener.onComplete(response);
        } finally {
            future.complete(response);
        }
    }

    /** The request failed. */
    public void fail(LlmException error) {
        if (!settled.compareAndSet(false, true)) return;
        IN_FLIGHT.remove(id);
        try {
            listener.onError(error);
        } finally {
            future.completeExceptionally(error);
        }
    }

    public boolean settled() { return settled.get(); }
}
