package dev.llmbench.client;

/**
 * Receives one streaming response as it arrives. Callbacks for one request come from one thread at a time, in order,
 * on a transport thread: return quickly and never block. A {@link CharSequence} argument is valid only during the
 * call (copy it to keep it).
 */
public interface StreamListener {

    /** Response headers arrived with a 2xx status over {@code protocol} ({@code "h2"} or {@code "http/1.1"}). */
    default void onOpen(int status, String protocol, long nanoTime) {}

    /** A non-empty delta of answer text, or of thinking text when {@code thought} is true. */
    default void onToken(CharSequence text, boolean thought, long nanoTime) {}

    /** An SSE comment line (without the leading colon and space), e.g. the simulator's ground-truth timestamps. */
    default void onComment(CharSequence comment, long nanoTime) {}

    /** The stream ended normally; exactly one of onComplete / onError is called, once. */
    default void onComplete(ChatResponse response) {}

    /** The request failed at any point (before or after tokens arrived). */
    default void onError(LlmException error) {}

    StreamListener NONE = new StreamListener() {};
}
