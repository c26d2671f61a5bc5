package dev.llmbench.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;

import java.util.Map;

/**
 * One request/response exchange, the same over HTTP/1.1 and HTTP/2. The request is fully received (aggregated)
 * before the handler sees it. All response methods must be called on {@link #executor()} (schedule delayed writes
 * there too); they are no-ops once the exchange is closed.
 */
public interface Exchange {

    String method();

    /** Path without the query, e.g. {@code /openai/v1/chat/completions}. */
    String path();

    /** Raw query string without '?', or "" (e.g. {@code alt=sse}). */
    String query();

    /** First value of a request header, name matched case-insensitively, or null. */
    String header(String name);

    /** The request body (empty for none). */
    byte[] body();

    /** {@code "h2"} or {@code "http/1.1"}. */
    String protocol();

    /** True when the request came over TLS. */
    boolean secure();

    /** Identifies the connection (stable for its lifetime), for per-connection limits. */
    String connectionId();

    /** 0 for the first request on its connection, then 1, 2, ... (to charge connection set-up cost once). */
    int requestIndexOnConnection();

    /** The event loop of this exchange: respond and schedule here. */
    EventExecutor executor();

    ByteBufAllocator alloc();

    /** Monotonic time the request was fully received ({@link System#nanoTime()}). */
    long receivedNanos();

    /** A whole response with a body. Header names lower-case; content-length is set by the server. */
    void respond(int status, Map<String, String> headers, ByteBuf body);

    /** Starts a streamed (chunked / h2 DATA frames) response; follow with {@link #write} and {@link #end}. */
    void startStream(int status, Map<String, String> headers);

    /**
     * Like {@link #startStream(int, Map)}, but with {@code flush=false} the headers wait for the next flush: for a
     * response whose first bytes follow at once, so headers and body leave in one write (same bytes, fewer syscalls).
     */
    default void startStream(int status, Map<String, String> headers, boolean flush) {
        startStream(status, headers);
    }

    /** Writes part of a streamed body; takes ownership of {@code data}. */
    void write(ByteBuf data, boolean flush);

    /** Ends a streamed response normally. */
    void end();

    /**
     * Writes the last part of a streamed body and ends the response in one go: one flush, and on h2 the data rides in
     * the END_STREAM frame. Same as {@code write(last, false); end();}, cheaper. Takes ownership of {@code last}.
     */
    default void end(ByteBuf last) {
        write(last, false);
        end();
    }

    /** Aborts abruptly: RST_STREAM on h2, connection close without a terminating chunk on HTTP/1.1. */
    void reset();

    /** False once the response ended, was reset, or the client went away. */
    boolean isOpen();

    /** Runs {@code r} on the executor when the exchange closes for any reason (once). */
    void onClose(Runnable r);
}
