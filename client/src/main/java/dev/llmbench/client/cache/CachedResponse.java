package dev.llmbench.client.cache;

import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Usage;
import dev.llmbench.client.internal.MutableStreamTiming;

/**
 * The stored form of a response: what the caller needs back, nothing about the request or its key. Timing and
 * protocol are not kept: a hit sent nothing, so its {@link ChatResponse#timing()} is empty and its protocol "cache".
 */
record CachedResponse(int version, Provider provider, String model, String text, String thinkingText,
                      String finishReason, long inputTokens, long cachedInputTokens, long outputTokens,
                      long reasoningTokens, boolean usageReported) {
    static final int VERSION = 1;
    static final String PROTOCOL = "cache";

    static CachedResponse from(ChatResponse r) {
        Usage u = r.usage() == null ? Usage.NONE : r.usage();
        return new CachedResponse(VERSION, r.provider(), r.model(), r.text(), r.thinkingText(), r.finishReason(),
                u.inputTokens(), u.cachedInputTokens(), u.outputTokens(), u.reasoningTokens(), u.reported());
    }

    ChatResponse toHit() {
        return new ChatResponse(provider, model, text == null ? "" : text, thinkingText == null ? "" : thinkingText,
                finishReason, new Usage(inputTokens, cachedInputTokens, outputTokens, reasoningTokens, usageReported),
                new MutableStreamTiming(), PROTOCOL, true);
    }
}
