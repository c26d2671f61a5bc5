package dev.llmbench.simulator.provider;

/**
 * What the simulated model produces for one request: the numbers every format reports.
 *
 * @param id                  response id in the provider's style
 * @param model               model name echoed back
 * @param created             epoch seconds
 * @param promptTokens        all prompt tokens, cached ones included
 * @param cachedTokens        prompt tokens served from the prefix cache
 * @param cacheCreationTokens prompt tokens written to the cache (Anthropic explicit caching)
 * @param answerTokens        visible answer tokens
 * @param thoughtTokens       thought / reasoning tokens
 * @param visibleThoughts     whether thought tokens are streamed as thought events
 * @param hitMaxTokens        stopped by max_tokens rather than naturally
 * @param stopReason          the profile's OpenAI-format finish_reason for a natural stop
 */
record Completion(String id, String model, long created, int promptTokens, int cachedTokens, int cacheCreationTokens,
                  int answerTokens, int thoughtTokens, boolean visibleThoughts, boolean hitMaxTokens, String stopReason) {

    /** Output tokens as providers bill them: answer plus thoughts. */
    int outputTokens() { return answerTokens + thoughtTokens; }

    /** Tokens sent as events: the answer, plus the thoughts when visible. */
    int streamedTokens() { return answerTokens + (visibleThoughts ? thoughtTokens : 0); }
}
