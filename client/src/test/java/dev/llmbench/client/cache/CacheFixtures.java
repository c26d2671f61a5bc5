package dev.llmbench.client.cache;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Usage;
import dev.llmbench.client.internal.MutableStreamTiming;

/** Requests, keys and responses for cache tests (also used by the second-process main). */
final class CacheFixtures {
    private CacheFixtures() {}

    static CacheKey key(String prompt) { return CacheKey.of(ChatRequest.of("gpt-4.1-nano", prompt), Provider.OPENAI); }

    static ChatResponse response(String text) {
        MutableStreamTiming t = new MutableStreamTiming();
        t.markSend(1);
        t.markEnd(2);
        return new ChatResponse(Provider.OPENAI, "gpt-4.1-nano", text, "thought about " + text, "stop",
                new Usage(12, 4, 5, 1, true), t, "h2", false);
    }
}
