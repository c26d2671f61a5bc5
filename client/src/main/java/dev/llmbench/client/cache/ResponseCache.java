package dev.llmbench.client.cache;

import dev.llmbench.client.ChatResponse;

import java.util.Optional;

/**
 * A cache of complete responses by {@link CacheKey}. Implementations are thread-safe, never throw from
 * {@link #get}/{@link #put} (a broken cache degrades to misses) and never block a caller for long.
 */
public interface ResponseCache extends AutoCloseable {

    /** The cached response with {@code cacheHit=true} (and empty timing), or empty on a miss. */
    Optional<ChatResponse> get(CacheKey key);

    /**
     * Stores a successful, complete response (never a cache hit or a failed/partial one).
     *
     * @return true when stored; false when skipped (disabled, busy, too large, error), which callers may ignore
     */
    boolean put(CacheKey key, ChatResponse response);

    CacheStats stats();

    @Override
    void close();

    /** A cache that stores nothing. */
    static ResponseCache none() { return NoCache.INSTANCE; }
}
