package dev.llmbench.client.internal.transport;

import dev.llmbench.client.internal.codec.HeaderLookup;

import java.nio.ByteBuffer;

/**
 * Receives one response, in order, from one thread at a time: onHeaders, then onBody any number of times, then
 * exactly one of onComplete / onError. Time stamps are {@link System#nanoTime()} taken as the bytes arrived.
 */
public interface ResponseSink {

    /** Status line and headers; {@code protocol} is {@code "h2"} or {@code "http/1.1"}. */
    void onHeaders(int status, String protocol, HeaderLookup headers, long nanoTime);

    /** A piece of the body; {@code data} is only valid during the call (consume it fully). */
    void onBody(ByteBuffer data, long nanoTime);

    /** The body ended normally. */
    void onComplete(long nanoTime);

    /** The exchange failed (connect failure, reset, I/O error, too many streams...). */
    void onError(Throwable error, long nanoTime);
}
