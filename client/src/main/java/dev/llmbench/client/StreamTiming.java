package dev.llmbench.client;

import java.util.Arrays;

/**
 * Monotonic ({@link System#nanoTime()}) timestamps of one request, written by the thread delivering its events and
 * read after completion. A timestamp of 0 means the moment never happened (e.g. no token arrived).
 *
 * <p>TTFT counts the first non-empty content or thinking delta; a role-only or empty delta is never a token.
 * Content-event timestamps are kept in a growable primitive array: no allocation per event once it has grown.
 */
public final class StreamTiming {
    private long sendNanos;
    private long headersNanos;
    private long firstEventNanos;
    private long firstTokenNanos;
    private long firstAnswerNanos;
    private long endNanos;
    private long[] tokenEventNanos = new long[64];
    private int tokenEvents;
    private int events;

    public void markSend(long nanos) { sendNanos = nanos; }

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

    public void markEnd(long nanos) { endNanos = nanos; }

    public long sendNanos() { return sendNanos; }
    public long headersNanos() { return headersNanos; }
    public long firstEventNanos() { return firstEventNanos; }
    public long firstTokenNanos() { return firstTokenNanos; }
    public long firstAnswerNanos() { return firstAnswerNanos; }
    public long endNanos() { return endNanos; }

    /** Number of SSE events received (all kinds). */
    public int events() { return events; }

    /** Number of content/thinking events carrying at least one character. */
    public int tokenEvents() { return tokenEvents; }

    /** Timestamp of the i-th token event, {@code 0 <= i < tokenEvents()}. */
    public long tokenEventNanos(int i) {
        if (i < 0 || i >= tokenEvents) throw new IndexOutOfBoundsException(i);
        return tokenEventNanos[i];
    }

    /** Time to first byte: send start to response headers; -1 if unknown. */
    public long ttfbNanos() { return span(headersNanos); }

    /** Time to first token (content or thinking); -1 if no token arrived. */
    public long ttftNanos() { return span(firstTokenNanos); }

    /** Time to first answer (non-thinking) token; -1 if none arrived. */
    public long ttfaNanos() { return span(firstAnswerNanos); }

    /** End-to-end: send start to the end of the response; -1 if unfinished. */
    public long e2eNanos() { return span(endNanos); }

    private long span(long at) { return at == 0 || sendNanos == 0 ? -1 : at - sendNanos; }
}
