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
        int n = Integer.parseInt(args[2]);
        int skipped = write(dir, name, n, () -> System.out.println("ready"));
        System.out.println("done skipped=" + skipped);
        System.out.flush();
        System.exit(skipped == 0 ? 0 : 3);
    }

    static int write(Path dir, String name, int n, Runnable onReady) {
        int skipped = 0;
        try (ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(dir).busyTimeout(Duration.ofSeconds(5))
                .listener((m, e) -> System.err.println("warning: " + m)).build()) {
            if (!cache.put(key(name + "-ready"), response(name))) skipped++;
            onReady.run();
            for (int i = 0; i < n; i++) {
                if (!cache.put(key("shared-" + i), response("shared-" + i))) skipped++;
                if (!cache.put(key(name + "-" + i), response(name + "-" + i))) skipped++;
                if (cache.get(key("shared-" + (n - 1 - i))).isPresent() && i % 50 == 0) Thread.yield();
            }
        }
        return skipped;
    }
}
