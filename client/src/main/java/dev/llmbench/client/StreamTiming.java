package dev.llmbench.client;

/**
 * Monotonic ({@link System#nanoTime()}) timestamps of one request, written by the thread delivering its events and
 * read after completion. A timestamp of 0 means the moment never happened (e.g. no token arrived). Read-only: the
 * client records it, callers read it from {@link ChatResponse#timing()}.
 *
 * <p>TTFT counts the first non-empty content or thinking delta; a role-only or empty delta is never a token.
 *
 * <p>The spans ({@link #ttfbNanos()}, {@link #ttftNanos()}, {@link #ttfaNanos()}, {@link #e2eNanos()}) are defined
 * here once from the timestamps, for every implementation.
 */
public interface StreamTiming {

    /** When the request was handed to the transport (the attempt that produced the response); 0 if never sent. */
    long sendNanos();

    /** When the response headers arrived (the first time, if reported more than once); 0 if they never did. */
    long headersNanos();

    /** When the first SSE event (or, non-streaming, the body) arrived; 0 if none did. */
    long firstEventNanos();

    /** When the first non-empty content or thinking delta arrived; 0 if none did. */
    long firstTokenNanos();

    /** When the first non-empty answer (non-thinking) delta arrived; 0 if none did. */
    long firstAnswerNanos();

    /** When the response ended: its last event (non-streaming: the body); 0 if it did not end normally. */
    long endNanos();

    /** Number of SSE events received (all kinds). */
    int events();

    /** Number of content/thinking events carrying at least one character. */
    int tokenEvents();

    /**
     * Timestamp of the i-th token event, {@code 0 <= i < tokenEvents()}, in arrival order ({@code i = 0} is
     * {@link #firstTokenNanos()}).
     *
     * @throws IndexOutOfBoundsException if {@code i} is outside that range
     */
    long tokenEventNanos(int i);

    /** Time to first byte: send start to response headers; -1 if unknown. */
    default long ttfbNanos() { return span(headersNanos()); }

    /** Time to first token (content or thinking); -1 if no token arrived. */
    default long ttftNanos() { return span(firstTokenNanos()); }

    /** Time to first answer (non-thinking) token; -1 if none arrived. */
    default long ttfaNanos() { return span(firstAnswerNanos()); }

    /** End-to-end: send start to the end of the response; -1 if unfinished. */
    default long e2eNanos() { return span(endNanos()); }

    private long span(long at) {
        long send = sendNanos();
        return at == 0 || send == 0 ? -1 : at - send;
    }
}
