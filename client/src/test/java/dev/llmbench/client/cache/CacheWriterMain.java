package dev.llmbench.client.cache;

import java.nio.file.Path;
import java.time.Duration;

import static dev.llmbench.client.cache.CacheFixtures.key;
import static dev.llmbench.client.cache.CacheFixtures.response;

/**
 * The second process of {@link TwoProcessCacheTest}: writes {@code shared-i} and {@code <name>-i} for i < n into the
 * cache at {@code dir}, printing {@code ready} once its first shard is open and {@code done skipped=<n>} at the end.
 * Exit code 0 when every write was stored.
 */
public final class CacheWriterMain {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String name = args[1];
        if (args[2].equals("until-killed")) {
            untilKilled(dir, name);
            return;
        }
        if (args[2].equals("until-full")) {
            System.exit(untilFull(dir, name));
        }
        int n = Integer.parseInt(args[2]);
        Written w = write(dir, name, n, () -> System.out.println("ready"));
        System.out.println("done skipped=" + w.skipped());
        if (w.skipped() > 0) System.err.println("child: " + w);
        System.out.flush();
        System.exit(w.skipped() == 0 ? 0 : 3);
    }

    /** What one writer saw: puts skipped, the cache's own counters and every warning it reported. */
    record Written(int skipped, CacheStats stats, java.util.List<String> warnings) { }

    static Written write(Path dir, String name, int n, Runnable onReady) {
        int skipped = 0;
        java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        CacheStats stats;
        try (ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(dir).busyTimeout(Duration.ofSeconds(5))
                .listener((m, e) -> warnings.add(m + (e == null ? "" : ": " + e))).build()) {
            if (!cache.put(key(name + "-ready"), response(name))) skipped++;
            onReady.run();
            for (int i = 0; i < n; i++) {
                if (!cache.put(key("shared-" + i), response("shared-" + i))) skipped++;
                if (!cache.put(key(name + "-" + i), response(name + "-" + i))) skipped++;
                if (cache.get(key("shared-" + (n - 1 - i))).isPresent() && i % 50 == 0) Thread.yield();
            }
            stats = cache.stats();
        }
        return new Written(skipped, stats, warnings);
    }

    /**
     * For {@link CacheDurabilityTest}: stores {@code <name>-0}, {@code <name>-1}, ... forever, printing
     * {@code stored <i>} after each put that returned true (committed), until the process is killed.
     */
    static void untilKilled(Path dir, String name) {
        try (ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(dir).busyTimeout(Duration.ofSeconds(5))
                .listener((m, e) -> System.err.println("warning: " + m)).build()) {
            for (int i = 0; i < 1_000_000; i++) {
                if (cache.put(key(name + "-" + i), response(name + "-" + i + "-" + "x".repeat(i % 200)))) {
                    System.out.println("stored " + i);
                    System.out.flush();
                }
            }
        }
    }

    /**
     * For {@link CacheDurabilityTest}, run under a small file-size limit: stores 4 KB entries until a put fails, then
     * checks the cache said so once and goes on as a no-op. Prints {@code stored=<n> enabled=<b> warnings=<n>}; exit 0
     * when it degraded as documented (some stored, then disabled, one warning, nothing thrown).
     */
    static int untilFull(Path dir, String name) {
        java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        int stored = 0;
        boolean enabled;
        try (ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(dir).shards(1)
                .listener((m, e) -> warnings.add(m)).build()) {
            for (int i = 0; i < 2_000 && cache.put(key(name + "-" + i), response("y".repeat(4096) + i)); i++) stored++;
            for (int i = 0; i < 5; i++) cache.put(key("after-" + i), response("z".repeat(4096)));
            cache.get(key(name + "-0"));
            enabled = cache.isEnabled();
        }
        System.out.println("stored=" + stored + " enabled=" + enabled + " warnings=" + warnings.size());
        warnings.forEach(w -> System.out.println("warning: " + w));
        System.out.flush();
        return stored > 0 && !enabled && warnings.size() == 1 ? 0 : 3;
    }
}
