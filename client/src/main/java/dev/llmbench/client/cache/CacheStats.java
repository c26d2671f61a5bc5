package dev.llmbench.client.cache;

/**
 * Counters of a cache since it was built.
 *
 * @param hits         gets that found an entry
 * @param misses       gets that found none (including gets skipped because the shard was busy or broken)
 * @param stores       puts that stored an entry
 * @param skippedBusy  operations skipped because the lock was not free within the busy timeout
 * @param evictions    entries removed to stay within the size limit
 * @param errors       other failures (corrupt shard, I/O...), each turned into a miss or a skipped put
 * @param enabled      false once the cache disabled itself (unusable directory, disk full, read-only)
 * @param directory    the directory in use, or null when none was chosen (yet)
 */
public record CacheStats(long hits, long misses, long stores, long skippedBusy, long evictions, long errors,
                         boolean enabled, String directory) {

    static CacheStats disabled(String directory) { return new CacheStats(0, 0, 0, 0, 0, 0, false, directory); }
}
