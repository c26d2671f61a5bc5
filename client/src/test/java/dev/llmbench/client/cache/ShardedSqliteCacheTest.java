package dev.llmbench.client.cache;

import dev.llmbench.client.ChatResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.llmbench.client.cache.CacheFixtures.key;
import static dev.llmbench.client.cache.CacheFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ShardedSqliteCacheTest {
    private final List<String> warnings = new ArrayList<>();

    private ShardedSqliteCache.Builder builder(Path dir) {
        return ShardedSqliteCache.builder().directory(dir).listener((m, e) -> warnings.add(m));
    }

    private static List<Path> shardFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("shard-\\d+-of-\\d+\\.db")).sorted().toList();
        }
    }

    @Test
    void buildingTouchesNothingAndShardsOpenOnFirstUse(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("cache");
        try (ShardedSqliteCache cache = builder(dir).build()) {
            assertThat(dir).doesNotExist();
            assertThat(cache.get(key("a"))).isEmpty();
            assertThat(shardFiles(dir)).as("a read on an empty cache creates no shard file").isEmpty();
            assertThat(cache.put(key("a"), response("A"))).isTrue();
            assertThat(shardFiles(dir)).hasSize(1);
            assertThat(cache.openShards()).isEqualTo(1);
        }
    }

    @Test
    void aHitReturnsTheStoredResponseMarkedAsHit(@TempDir Path tmp) {
        try (ShardedSqliteCache cache = builder(tmp).build()) {
            ChatResponse original = response("the answer");
            cache.put(key("q"), original);
            ChatResponse hit = cache.get(key("q")).orElseThrow();
            assertThat(hit.cacheHit()).isTrue();
            assertThat(hit.text()).isEqualTo("the answer");
            assertThat(hit.thinkingText()).isEqualTo(original.thinkingText());
            assertThat(hit.finishReason()).isEqualTo("stop");
            assertThat(hit.usage()).isEqualTo(original.usage());
            assertThat(hit.provider()).isEqualTo(original.provider());
            assertThat(hit.model()).isEqualTo("gpt-4.1-nano");
            assertThat(hit.protocol()).isEqualTo("cache");
            assertThat(hit.timing().sendNanos()).as("nothing was sent").isZero();
            assertThat(cache.get(key("other"))).isEmpty();
            assertThat(cache.put(key("q2"), hit)).as("hits are never stored back").isFalse();
            CacheStats s = cache.stats();
            assertThat(s.hits()).isEqualTo(1);
            assertThat(s.misses()).isEqualTo(1);
            assertThat(s.stores()).isEqualTo(1);
            assertThat(s.enabled()).isTrue();
            assertThat(s.directory()).isEqualTo(tmp.toString());
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void entriesSurviveAReopenAndOverwriteKeepsTheLatest(@TempDir Path tmp) {
        try (ShardedSqliteCache cache = builder(tmp).shards(4).build()) {
            for (int i = 0; i < 50; i++) cache.put(key("k" + i), response("v" + i));
            cache.put(key("k7"), response("v7-new"));
        }
        try (ShardedSqliteCache cache = builder(tmp).shards(4).build()) {
            for (int i = 0; i < 50; i++) {
                assertThat(cache.get(key("k" + i))).get().extracting(ChatResponse::text).isEqualTo(i == 7 ? "v7-new" : "v" + i);
            }
        }
    }

    @Test
    void evictsTheLeastRecentlyStoredEntriesBeyondTheEntryLimit(@TempDir Path tmp) {
        try (ShardedSqliteCache cache = builder(tmp).shards(1).maxEntries(5).build()) {
            for (int i = 0; i < 8; i++) cache.put(key("k" + i), response("v" + i));
            cache.put(key("k3"), response("v3 again")); // re-stored: now the most recent
            cache.put(key("k8"), response("v8"));
            // Stored order: k4 k5 k6 k7 k3 k8 -> k4 is evicted by the last put.
            for (String gone : List.of("k0", "k1", "k2", "k4")) assertThat(cache.get(key(gone))).as(gone).isEmpty();
            for (String kept : List.of("k5", "k6", "k7", "k3", "k8")) assertThat(cache.get(key(kept))).as(kept).isPresent();
            assertThat(cache.stats().evictions()).isEqualTo(4); // k0 k1 k2, then k4
        }
    }

    @Test
    void evictsBeyondTheByteLimitAndSkipsValuesLargerThanAShard(@TempDir Path tmp) {
        try (ShardedSqliteCache cache = builder(tmp).shards(1).maxBytes(2_000).build()) {
            String text = "x".repeat(300);
            for (int i = 0; i < 20; i++) assertThat(cache.put(key("k" + i), response(text + i))).isTrue();
            long present = 0;
            for (int i = 0; i < 20; i++) if (cache.get(key("k" + i)).isPresent()) present++;
            assertThat(present).isBetween(1L, 5L);
            assertThat(cache.get(key("k19"))).as("the newest entry stays").isPresent();
            assertThat(cache.get(key("k0"))).isEmpty();
            assertThat(cache.put(key("huge"), response("y".repeat(5_000)))).isFalse();
        }
    }

    @Test
    void aCorruptShardIsReportedOnceAndRebuilt(@TempDir Path tmp) throws Exception {
        Path shard = tmp.resolve("shard-0-of-1.db");
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        Files.write(shard, garbage);
        try (ShardedSqliteCache cache = builder(tmp).shards(1).build()) {
            assertThat(cache.get(key("a"))).isEmpty();
            assertThat(cache.get(key("a"))).isEmpty();
            assertThat(cache.put(key("a"), response("A"))).isTrue();
            assertThat(cache.get(key("a"))).isPresent();
            assertThat(cache.stats().errors()).isEqualTo(1);
            assertThat(cache.isEnabled()).isTrue();
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(shard.toString()).contains("unreadable").contains("moved it aside");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("shard-0-of-1.db.corrupt-"));
        }
    }

    @Test
    void aCacheUnderARegularFileDisablesItselfAndSaysSoOnce(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        try (ShardedSqliteCache cache = builder(file.resolve("cache")).build()) {
            assertThat(cache.get(key("a"))).isEmpty();
            assertThat(cache.put(key("a"), response("A"))).isFalse();
            assertThat(cache.get(key("a"))).isEmpty();
            assertThat(cache.isEnabled()).isFalse();
            assertThat(cache.stats().enabled()).isFalse();
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("disabled").contains(file.resolve("cache").toString());
    }

    @Test
    void aShardFileThatCannotBeOpenedDisablesTheCacheOnce(@TempDir Path tmp) throws Exception {
        Files.createDirectory(tmp.resolve("shard-0-of-1.db")); // SQLITE_CANTOPEN, even for root
        try (ShardedSqliteCache cache = builder(tmp).shards(1).build()) {
            assertThat(cache.put(key("a"), response("A"))).isFalse();
            assertThat(cache.get(key("a"))).isEmpty();
            assertThat(cache.put(key("b"), response("B"))).isFalse();
            assertThat(cache.isEnabled()).isFalse();
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("response cache disabled").contains("shard-0-of-1.db");
    }

    @Test
    void sqliteFailuresAreClassifiedByResultCode() {
        assertThat(SqliteShard.classify(new SQLiteException("full", SQLiteErrorCode.SQLITE_FULL))).isEqualTo(SqliteShard.Failure.STORAGE);
        assertThat(SqliteShard.classify(new SQLiteException("ro", SQLiteErrorCode.SQLITE_READONLY))).isEqualTo(SqliteShard.Failure.STORAGE);
        assertThat(SqliteShard.classify(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT))).isEqualTo(SqliteShard.Failure.BUSY);
        assertThat(SqliteShard.classify(new SQLiteException("nodb", SQLiteErrorCode.SQLITE_NOTADB))).isEqualTo(SqliteShard.Failure.CORRUPT);
        assertThat(SqliteShard.classify(new SQLiteException("[SQLITE_ERROR] no such table: entries", SQLiteErrorCode.SQLITE_ERROR)))
                .isEqualTo(SqliteShard.Failure.MISSING_TABLE);
    }

    @Test
    void anImmediateBusyIsRetriedOnlyWhileTheBusyTimeoutLasts() {
        assertThat(SqliteShard.pauseBeforeRetry(System.nanoTime() - 1, 0)).as("deadline passed").isFalse();
        assertThat(SqliteShard.pauseBeforeRetry(System.nanoTime() + 5_000_000_000L, 0)).as("time left").isTrue();
        assertThat(SqliteShard.classify(new SQLiteException("lost race", SQLiteErrorCode.SQLITE_PROTOCOL)))
                .isEqualTo(SqliteShard.Failure.BUSY);
    }

    @Test
    void aReadOnlyDirectoryDisablesTheCache(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(dir), "running as root: permissions are not enforced (covered by the regular-file test)");
            try (ShardedSqliteCache cache = builder(dir).build()) {
                assertThat(cache.put(key("a"), response("A"))).isFalse();
                assertThat(cache.get(key("a"))).isEmpty();
                assertThat(cache.isEnabled()).isFalse();
            }
            assertThat(warnings).hasSize(1);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** The variants of the test above that hold as root too (CI runs as root): permissions do not stop root. */
    @Test
    void aDirectoryPathThatIsARegularFileDisablesTheCacheOnce(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("cache"), "not a directory");
        try (ShardedSqliteCache cache = builder(file).build()) {
            assertThat(cache.put(key("a"), response("A"))).isFalse();
            assertThat(cache.get(key("a"))).isEmpty();
            assertThat(cache.put(key("b"), response("B"))).isFalse();
            assertThat(cache.isEnabled()).isFalse();
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("response cache disabled").contains(file.toString());
        assertThat(file).hasContent("not a directory");
    }

    @Test
    void anExistingDirectoryEvenRootCannotWriteDisablesTheCacheOnce() throws Exception {
        Path proc = Path.of("/proc/self"); // procfs: no file can be created here, whoever asks
        assumeTrue(Files.isDirectory(proc), "needs Linux /proc");
        try (ShardedSqliteCache cache = builder(proc).build()) {
            assertThat(cache.put(key("a"), response("A"))).isFalse();
            assertThat(cache.get(key("a"))).isEmpty();
            assertThat(cache.isEnabled()).isFalse();
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("response cache disabled").contains("not writable");
    }

    @Test
    void aWriteThatCannotGetTheLockIsSkippedNotBlocked(@TempDir Path tmp) throws Exception {
        try (ShardedSqliteCache cache = builder(tmp).shards(1).busyTimeout(Duration.ofMillis(50)).build()) {
            assertThat(cache.put(key("a"), response("A"))).isTrue();
            // Another "process" holds the write lock of the shard.
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("shard-0-of-1.db"));
                 Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                st.execute("DELETE FROM entries WHERE 0");
                assertThat(cache.put(key("b"), response("B"))).isFalse();
                assertThat(cache.get(key("a"))).as("WAL: readers are not blocked by the writer").isPresent();
                st.execute("ROLLBACK");
                try (var rs = st.executeQuery("PRAGMA journal_mode")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
                }
            }
            assertThat(cache.stats().skippedBusy()).isEqualTo(1);
            assertThat(cache.put(key("b"), response("B"))).isTrue();
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void manyThreadsReadAndWriteAllShards(@TempDir Path tmp) throws Exception {
        int threads = 4;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ShardedSqliteCache cache = builder(tmp).busyTimeout(Duration.ofSeconds(5)).build()) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                all.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perThread; i++) {
                        cache.put(key("t" + thread + "-" + i), response("v" + thread + "-" + i));
                        cache.put(key("shared-" + i), response("shared-" + i));
                        cache.get(key("t" + ((thread + 1) % threads) + "-" + i));
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    assertThat(cache.get(key("t" + t + "-" + i))).as("t%d-%d", t, i).get()
                            .extracting(ChatResponse::text).isEqualTo("v" + t + "-" + i);
                }
            }
            assertThat(cache.openShards()).isEqualTo(8);
            assertThat(cache.stats().skippedBusy()).isZero();
            assertThat(cache.stats().errors()).isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(shardFiles(tmp)).hasSize(8);
    }

    @Test
    void noneStoresNothing() {
        ResponseCache none = ResponseCache.none();
        assertThat(none.put(key("a"), response("A"))).isFalse();
        assertThat(none.get(key("a"))).isEmpty();
        assertThat(none.stats().enabled()).isFalse();
    }
}
