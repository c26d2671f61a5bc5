/**
 * Response cache: {@link dev.llmbench.client.cache.ResponseCache} with the sharded SQLite implementation
 * {@link dev.llmbench.client.cache.ShardedSqliteCache} (the lessons' lazy FanoutCache) and
 * {@link dev.llmbench.client.cache.CacheKey} (SHA-256 of the canonical request JSON, never the API key).
 *
 * <p>{@code LlmClient.Builder.cache(cache)} wires one into the reference client as follows. Wiring in a client: build the key from the request as it will be sent (defaults such as the thinking config
 * applied), {@code get} before acquiring a permit (a hit sends nothing and must stay out of latency statistics:
 * {@code ChatResponse.cacheHit()}), and {@code put} only complete successful responses. Both calls are synchronous and
 * bounded by about twice the busy timeout: call them from the caller's or a callback thread, not from an event loop.
 */
package dev.llmbench.client.cache;
