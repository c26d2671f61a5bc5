package dev.llmbench.client.internal.codec;

import dev.llmbench.client.LlmException;

/**
 * What a decoder found, in stream order. Implemented by the client core, which stamps timing and builds the
 * response. A {@link CharSequence} argument is only valid during the call.
 */
public interface EventSink {

    /** Any SSE event (a data or named event; comments excluded) arrived. */
    void onEvent(long nanoTime);

    /** A non-empty delta; never called for role-only, null or empty content. */
    void onText(CharSequence text, boolean thought, long nanoTime);

    /** An SSE comment line, text after the colon with one leading space removed. */
    void onComment(CharSequence comment, long nanoTime);

    /** The provider's finish/stop reason, as sent. */
    void onFinish(String finishReason);

    /**
     * Token usage as reported (the latest report wins: Anthropic's message_delta counts are cumulative, Gemini repeats
     * usageMetadata on each chunk). {@code inputTokens} includes cached tokens.
     */
    void onUsage(long inputTokens, long cachedInputTokens, long outputTokens, long reasoningTokens);

    /** The model name the provider reported, when it reports one. */
    void onModel(String model);

    /** An error event in the stream, a malformed event, or a truncated stream. The stream is over after this. */
    void onError(LlmException error);

    /** The provider's terminal event ([DONE], message_stop, or the end of a Gemini stream with a finishReason). */
    void onDone();
}
