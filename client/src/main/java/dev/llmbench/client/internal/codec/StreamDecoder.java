package dev.llmbench.client.internal.codec;

import java.nio.ByteBuffer;

/**
 * Decodes one SSE response body incrementally: feed it the bytes as they arrive, however they are split (anywhere,
 * mid-line, mid-UTF-8 character, CRLF or LF). Not thread-safe: one stream, one thread at a time.
 */
public interface StreamDecoder {

    /** Consumes all remaining bytes of {@code buf}, calling the sink for every complete event, stamped {@code nanoTime}. */
    void feed(ByteBuffer buf, long nanoTime);

    /**
     * The body ended. Flushes a final event not followed by a blank line, then calls {@link EventSink#onDone()} if the
     * provider's terminal event was seen, else {@link EventSink#onError} with a {@code LlmException.Protocol}
     * ("truncated stream").
     */
    void end(long nanoTime);
}
