package dev.llmbench.client.internal.sse;

/** Receives what an {@link SseParser} dispatches, in stream order. Arguments are only valid during the call. */
public interface SseHandler {

    /**
     * One dispatched event.
     *
     * @param type   the {@code event:} name, or {@code "message"} when the event had none; repeated names are the
     *               same String instance (cached), so a switch on it does not allocate
     * @param data   the {@code data:} lines joined with '\n' (no trailing newline), as raw UTF-8 in
     *               {@code data[offset, offset + length)}
     */
    void onEvent(String type, byte[] data, int offset, int length, long nanoTime);

    /** A comment line: the text after the colon, one leading space removed. */
    void onComment(CharSequence comment, long nanoTime);

    /** The stream broke a limit of the parser (an over-long line or event); nothing more is dispatched. */
    void onOverflow(String reason, long nanoTime);
}
