package dev.llmbench.client.cache;

import dev.llmbench.client.ChatResponse;

import java.util.Optional;

/** The cache that is always empty (caching off). */
final class NoCache implements ResponseCache {
    static final NoCache INSTANCE = new NoCache();

    private NoCache() {}

    @Override public Optional<ChatResponse> get(CacheKey key) { return Optional.empty(); }

    @Override public boolean put(CacheKey key, ChatResponse response) { return false; }

    @Override public CacheStats stats() { return CacheStats.disabled(null); }

    @Override public void close() {}

    @Override public String toString() { return "NoCache"; }
}
