package dev.llmbench.bench.path;

import dev.llmbench.client.StreamTiming;

import java.util.Arrays;

/**
 * The {@link StreamTiming} of a request that bench times itself (the SDK, generic and library paths, and fixtures),
 * recorded with the reference client's definitions so that every path reports the same figures: the send, the first
 * response headers, every event, every non-empty content or thinking delta (the first one is the first token, the
 * first non-thinking one the first answer), and the end. The spans come from {@link StreamTiming} itself.
 *
 * <p>Written by one thread at a time (the one delivering the stream) and read after completion. Token timestamps are
 * kept in a growable primitive array: no allocation per event once it has grown.
 */
public final class CallTiming implements StreamTiming {
    private long sendNanos;
    private long headersNanos;
    private long firstEventNanos;
    private long firstTokenNanos;
    private long firstAnswerNanos;
    private long endNanos;
    private long[] tokenEventNanos = new long[64];
    private int tokenEvents;
    private int events;

    /** The request is handed to the library. */
    public void markSend(long nanos) { sendNanos = nanos; }

    /** Response headers arrived; only the first call counts. */
    public void markHeaders(long nanos) { if (headersNanos == 0) headersNanos = nanos; }

    /** Any streamed chunk/event arrived. */
    public void markEvent(long nanos) {
        if (firstEventNanos == 0) firstEventNanos = nanos;
        events++;
    }

    /** A non-empty content or thinking delta arrived; {@code thought} is true for thinking deltas. */
    public void markToken(long nanos, boolean thought) {
        if (firstTokenNanos == 0) firstTokenNanos = nanos;
        if (!thought && firstAnswerNanos == 0) firstAnswerNanos = nanos;
        if (tokenEvents == tokenEventNanos.length) tokenEventNanos = Arrays.copyOf(tokenEventNanos, tokenEvents * 2);
        tokenEventNanos[tokenEvents++] = nanos;
    }

    /** The response ended normally. */
    public void markEnd(long nanos) { endNanos = nanos; }

    @Override public long sendNanos() { return sendNanos; }
    @Override public long headersNanos() { return headersNanos; }
    @Override public long firstEventNanos() { return firstEventNanos; }
    @Override public long firstTokenNanos() { return firstTokenNanos; }
    @Override public long firstAnswerNanos() { return firstAnswerNanos; }
    @Override public long endNanos() { return endNanos; }
    @Override public int events() { return events; }
    @Override public int tokenEvents() { return tokenEvents; }

    @Override
    public long tokenEventNanos(int i) {
        if (i < 0 || i >= tokenEvents) throw new IndexOutOfBoundsException(i);
        return tokenEventNanos[i];
    }
}
