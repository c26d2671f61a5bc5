package dev.llmbench.bench.model;

import java.util.List;
import java.util.Map;

/**
 * The response-cache benchmark ({@code -Dsweep=cache}): lazy-open costs by shard count and get/put throughput under
 * concurrency, wall-clock, on the machine's default cache directory.
 *
 * @param firstOpenMs the process's very first put (SQLite's native library loads here), ms
 * @param init        one row per shard count
 * @param throughput  one row per (operation, threads)
 */
public record CacheResult(Map<String, String> provenance, double firstOpenMs, List<InitRow> init, List<ThroughputRow> throughput) {
    public CacheResult {
        provenance = Map.copyOf(provenance);
        init = List.copyOf(init);
        throughput = List.copyOf(throughput);
    }

    /**
     * Medians over the repeats, in milliseconds. Cold = a new, empty directory; warm = a new cache instance on the
     * directory the cold run filled (files exist). "All shards" = one operation landing in every shard, i.e. what the
     * lessons' FanoutCache paid at construction.
     */
    public record InitRow(int shards, int repeats, double buildMs, double firstGetColdMs, double firstPutColdMs,
                          double allShardsColdMs, double firstGetWarmMs, double firstPutWarmMs, double allShardsWarmMs) {}

    /**
     * @param operation  {@code get} (hits on a filled cache) or {@code put} (new keys)
     * @param done       operations that did their work (hits, stores)
     * @param skipped    operations skipped because a lock was busy (a put is skipped, never blocks)
     * @param opsPerSec  all operations (done + skipped) per second of wall
     */
    public record ThroughputRow(String operation, int threads, int shards, double seconds, long done, long skipped,
                                double opsPerSec, double p50Us, double p99Us, double maxUs) {}
}
