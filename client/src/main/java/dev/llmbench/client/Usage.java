package dev.llmbench.client;

/**
 * Token counts of one response.
 *
 * @param inputTokens       prompt tokens, cached ones included
 * @param cachedInputTokens prompt tokens served from the provider's prefix cache
 * @param outputTokens      generated tokens, reasoning included where the provider counts it so (OpenAI);
 *                          for Gemini, candidates + thoughts
 * @param reasoningTokens   reasoning/thinking tokens (OpenAI {@code reasoning_tokens}, Gemini {@code thoughtsTokenCount})
 * @param reported          true when the counts came from the provider's usage; false when the provider sent none and
 *                          {@code outputTokens} is the number of content events (a flagged approximation)
 */
public record Usage(long inputTokens, long cachedInputTokens, long outputTokens, long reasoningTokens, boolean reported) {
    public static final Usage NONE = new Usage(0, 0, 0, 0, false);

    public long totalTokens() { return inputTokens + outputTokens; }
}
