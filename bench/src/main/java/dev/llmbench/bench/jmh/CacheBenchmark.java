package dev.llmbench.bench.jmh;

import dev.llmbench.bench.path.CallTiming;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Usage;
import dev.llmbench.client.cache.CacheKey;
import dev.llmbench.client.cache.ShardedSqliteCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The response cache ({@link ShardedSqliteCache}, SQLite files in a fresh temp directory): get of a stored key (hit,
 * which also decodes the stored JSON), get of an absent key (miss: one indexed lookup), and put of a new key (an
 * insert), each on 1 and 4 threads, over 1 and 8 shards.
 *
 * <p>Why: the lessons keep the cache at 8 shards ("one shard per concurrent writer"); this shows what sharding buys
 * when several threads hit the cache at once, and what a lookup costs next to a request. {@code put} returns false
 * when a shard stays locked past the busy timeout (the write is skipped, as in the client): the score counts those
 * calls too, so compare it with the cache's stats if it looks too good. Scores are in microseconds per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CacheBenchmark {
    /** Keys stored before measuring, read back by the hit benchmarks. */
    static final int STORED = 1024;
    private static final HexFormat HEX = HexFormat.of();

    @Param({"1", "8"})
    public int shards;

    private Path dir;
    private ShardedSqliteCache cache;
    private CacheKey[] stored;
    private ChatResponse response;
    private final AtomicInteger threadIds = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("llmbench-jmh-cache-");
        cache = ShardedSqliteCache.builder().directory(dir).env(Map.of()).shards(shards).build();
        CallTiming t = new CallTiming();
        t.markSend(1);
        t.markEnd(2);
        response = new ChatResponse(Provider.OPENAI, "gpt-4.1-nano", " tok".repeat(134), null, "stop",
                new Usage(40, 0, 134, 0, true), t, "h2", false);
        stored = new CacheKey[STORED];
        for (int i = 0; i < STORED; i++) {
            stored[i] = key(0, i);
            if (!cache.put(stored[i], response)) throw new IllegalStateException("could not prefill the cache");
        }
        if (cache.get(stored[0]).isEmpty()) throw new IllegalStateException("a stored key misses");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        cache.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException ignored) {
            // a leftover temp file is harmless
        }
    }

    /**
     * A 64-hex-digit key unique per (space, n), with well-mixed leading bytes: the shard is taken from the first four
     * bytes, so they must vary or every key would land in one shard.
     */
    static CacheKey key(int space, long n) {
        long id = ((long) space << 40) | n;
        long mixed = id * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        return new CacheKey(HEX.toHexDigits(mixed) + HEX.toHexDigits(id) + "0".repeat(32));
    }

    /** Per-thread key sequence: a distinct key space per thread, so puts and misses never repeat a key. */
    @State(Scope.Thread)
    public static class Cursor {
        int space;
        long next;
        int hit;

        @Setup(Level.Trial)
        public void start(CacheBenchmark b) { space = b.threadIds.incrementAndGet(); }
    }

    private Optional<ChatResponse> lookupStored(Cursor c) {
        c.hit = (c.hit + 1) & (STORED - 1);
        return cache.get(stored[c.hit]);
    }

    private Optional<ChatResponse> lookupAbsent(Cursor c) { return cache.get(key(c.space, c.next++)); }

    private boolean store(Cursor c) { return cache.put(key(1_000 + c.space, c.next++), response); }

    @Benchmark @Threads(1) public Optional<ChatResponse> getHit(Cursor c) { return lookupStored(c); }

    @Benchmark @Threads(4) public Optional<ChatResponse> getHit4Threads(Cursor c) { return lookupStored(c); }

    @Benchmark @Threads(1) public Optional<ChatResponse> getMiss(Cursor c) { return lookupAbsent(c); }

    @Benchmark @Threads(4) public Optional<ChatResponse> getMiss4Threads(Cursor c) { return lookupAbsent(c); }

    @Benchmark @Threads(1) public boolean put(Cursor c) { return store(c); }

    @Benchmark @Threads(4) public boolean put4Threads(Cursor c) { return store(c); }
}
