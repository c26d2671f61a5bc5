package dev.llmbench.client.internal;

import dev.llmbench.client.StreamTiming;

import java.util.Arrays;

/**
 * The {@link StreamTiming} the client records into: one instance per request, stamped by the thread delivering its
 * events. Content-event timestamps are kept in a growable primitive array: no allocation per event once it has grown.
 */
public final class MutableStreamTiming implements StreamTiming {
    private long sendNanos;
    private long headersNanos;
    private long firstEventNanos;
    private long firstTokenNanos;
    private long firstAnswerNanos;
    private long endNanos;
    private long[] tokenEventNanos = new long[64];
    private int tokenEvents;
    private int events;

    /** The request is handed to the transport. */
    public void markSend(long nanos) { sendNanos = nanos; }

    /** Response headers arrived; only the first call counts. */
    public void markHeaders(long nanos) { if (headersNanos == 0) headersNanos = nanos; }

    /** Any SSE event (or, non-streaming, the body) arrived. */
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
