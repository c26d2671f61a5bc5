package dev.llmbench.client.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static dev.llmbench.client.cache.CacheFixtures.key;
import static dev.llmbench.client.cache.CacheFixtures.response;

/**
 * Reproduces the lessons' "shards vs init time" table for this cache on {@code java.io.tmpdir} (or the directory given
 * as the first argument), then get/put throughput with 1 and 4 threads. Not a test: run by hand, e.g.
 * {@code java -cp <test-classpath> dev.llmbench.client.cache.CacheProbe [dir]}. Numbers are machine-dependent.
 */
public final class CacheProbe {
    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory(args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir")), "cache-probe-");
        try {
            // The first connection in a JVM loads SQLite's native library: measured separately, as the lessons' import time.
            long t0 = System.nanoTime();
            try (ShardedSqliteCache warm = ShardedSqliteCache.builder().directory(root.resolve("warmup")).shards(1).build()) {
                warm.put(key("w"), response("w"));
            }
            System.out.printf("first put in this JVM (Jackson + SQLite native library + 1 shard): %.1f ms%n", ms(System.nanoTime() - t0));
            System.out.println("shards | build | 1st get (cold dir) | 1st put | open all shards | warm get | warm put");
            for (int shards : new int[] {1, 2, 4, 8}) {
                Path dir = root.resolve("s" + shards);
                long b0 = System.nanoTime();
                ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(dir).shards(shards).build();
                long build = System.nanoTime() - b0;
                long g0 = System.nanoTime();
                cache.get(key("first"));
                long firstGet = System.nanoTime() - g0;
                long p0 = System.nanoTime();
                cache.put(key("first"), response("first"));
                long firstPut = System.nanoTime() - p0;
                long a0 = System.nanoTime();
                for (int i = 0; cache.openShards() < shards && i < 10_000; i++) cache.put(key("open-" + i), response("x"));
                long openAll = System.nanoTime() - a0 + firstPut;
                int n = 2000;
                for (int i = 0; i < 500; i++) cache.put(key("jit-" + i), response("jit")); // JIT warm-up
                long w0 = System.nanoTime();
                for (int i = 0; i < n; i++) cache.get(key("open-" + (i % 8)));
                long warmGet = (System.nanoTime() - w0) / n;
                long u0 = System.nanoTime();
                for (int i = 0; i < n; i++) cache.put(key("warm-" + i), response("warm " + i));
                long warmPut = (System.nanoTime() - u0) / n;
                cache.close();
                System.out.printf("%6d | %5.3f ms | %8.2f ms | %7.2f ms | %8.2f ms | %6.1f us | %6.1f us%n", shards, ms(build),
                        ms(firstGet), ms(firstPut), ms(openAll), warmGet / 1e3, warmPut / 1e3);
            }
            for (int threads : new int[] {1, 4}) throughput(root.resolve("tp" + threads), threads);
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static void throughput(Path dir, int threads) throws Exception {
        int perThread = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(dir).build()) {
            cache.put(key("warm"), response("warm"));
            long p0 = System.nanoTime();
            run(pool, threads, t -> { for (int i = 0; i < perThread; i++) cache.put(key(t + "-" + i), response("v" + i)); });
            long puts = System.nanoTime() - p0;
            long g0 = System.nanoTime();
            run(pool, threads, t -> { for (int i = 0; i < perThread; i++) cache.get(key(t + "-" + i)); });
            long gets = System.nanoTime() - g0;
            int ops = threads * perThread;
            System.out.printf("%d thread(s), 8 shards: put %.0f ops/s, get %.0f ops/s (hits %d, skipped busy %d)%n", threads,
                    ops / (puts / 1e9), ops / (gets / 1e9), cache.stats().hits(), cache.stats().skippedBusy());
        } finally {
            pool.shutdown();
        }
    }

    private interface Work { void run(int thread); }

    private static void run(ExecutorService pool, int threads, Work w) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            all.add(CompletableFuture.runAsync(() -> w.run(thread), pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    private static double ms(long nanos) { return nanos / 1e6; }
}
