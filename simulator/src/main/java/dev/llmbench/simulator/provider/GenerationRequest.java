package dev.llmbench.simulator.provider;

/**
 * What a parsed request asks for, the same for every wire format.
 *
 * @param model           model name as sent
 * @param stream          streamed (SSE) or whole response
 * @param maxTokens       output cap (answer plus thoughts), or 0 when the request sets none
 * @param includeUsage    OpenAI {@code stream_options.include_usage}
 * @param thinking        whether the model thinks (reasoning) before answering
 * @param thinkingBudget  cap on thought tokens, 0 = none
 * @param visibleThoughts whether thoughts are streamed (Anthropic thinking blocks, Gemini includeThoughts)
 * @param explicitCache   the request marks content cacheable (Anthropic {@code cache_control})
 * @param prompt          UTF-8 bytes of all prompt text, concatenated (token counting and prefix caching)
 * @param sse             Gemini streaming framing: SSE ({@code alt=sse}) or a streamed JSON array
 */
record GenerationRequest(String model, boolean stream, int maxTokens, boolean includeUsage, boolean thinking,
                         int thinkingBudget, boolean visibleThoughts, boolean explicitCache, byte[] prompt, boolean sse) {

    int promptTokens() { return TokenCount.ofUtf8Bytes(prompt.length); }
}
