package dev.llmbench.client.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmbench.client.ChatResponse;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lessons' FanoutCache in Java: a response cache spread over N SQLite files ({@code shard-<i>-of-<n>.db}, 8 by
 * default), the shard chosen by the first bytes of the key, so concurrent writers (threads or processes) rarely
 * contend for the same file.
 *
 * <p>Lazy: building one touches nothing (the lessons measured 4.7 s to open 8 shards on NFS at import time). The
 * directory is chosen on the first get/put, and each shard file is opened on the first get/put that lands in it.
 *
 * <p>Never in the way: every operation waits at most about the busy timeout for a lock (in-process lock, then
 * SQLite's busy_timeout against other processes) and otherwise counts a miss or a skipped write. An unreadable shard
 * file is reported once, moved aside and rebuilt (bypassed if it breaks again); an unusable directory, a full disk or
 * a read-only file system disables the whole cache, reported once. Nothing is ever thrown to the caller.
 */
public final class ShardedSqliteCache implements ResponseCache {
    private final Path configuredDir;
    private final Map<String, String> env;
    private final int shardCount;
    private final int busyTimeoutMillis;
    private final long maxEntriesPerShard;
    private final long maxBytesPerShard;
    private final CacheListener listener;

    private final Object initLock = new Object();
    private volatile SqliteShard[] shards; // null until the directory is resolved
    private volatile Path directory;
    private volatile boolean disabled;
    private volatile boolean closed;
    private final AtomicBoolean disabledReported = new AtomicBoolean();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder stores = new LongAdder();
    private final LongAdder skippedBusy = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder errors = new LongAdder();

    private ShardedSqliteCache(Builder b) {
        this.configuredDir = b.directory;
        this.env = b.env;
        this.shardCount = b.shards;
        this.busyTimeoutMillis = (int) Math.max(1, b.busyTimeout.toMillis());
        this.maxEntriesPerShard = Math.max(1, b.maxEntries / b.shards);
        this.maxBytesPerShard = Math.max(1, b.maxBytes / b.shards);
        this.listener = b.listener;
    }

    public static Builder builder() { return new Builder(); }

    /**
     * The directory a cache without {@link Builder#directory} would use for {@code env} (created if needed), or empty
     * when none is usable; warnings go to {@code listener}. For tools that want to work next to the default cache.
     */
    public static Optional<Path> defaultDirectory(Map<String, String> env, CacheListener listener) {
        return CacheDirectory.resolve(null, env, listener);
    }

    @Override
    public Optional<ChatResponse> get(CacheKey key) {
        SqliteShard shard = shardFor(key);
        byte[] value = shard == null ? null : shard.get(key.bytes());
        if (value != null) {
            try {
                CachedResponse r = CacheJson.MAPPER.readValue(value, CachedResponse.class);
                if (r.version() == CachedResponse.VERSION && r.provider() != null) {
                    hits.increment();
                    return Optional.of(r.toHit());
                }
            } catch (IOException e) {
                errors.increment();
                reportOnce("value", "response cache: an entry in " + shard.file() + " cannot be decoded, treated as a miss", e);
            }
        }
        misses.increment();
        return Optional.empty();
    }

    @Override
    public boolean put(CacheKey key, ChatResponse response) {
        if (response == null || response.cacheHit()) return false;
        SqliteShard shard = shardFor(key);
        if (shard == null) return false;
        byte[] value;
        try {
            value = CacheJson.MAPPER.writeValueAsBytes(CachedResponse.from(response));
        } catch (JsonProcessingException e) {
            errors.increment();
            return false;
        }
        boolean stored = shard.put(key.bytes(), value);
        if (stored) stores.increment();
        return stored;
    }

    /** The shard for {@code key}, resolving the directory on first use; null when disabled or closed. */
    private SqliteShard shardFor(CacheKey key) {
        if (disabled || closed) return null;
        SqliteShard[] s = shards;
        if (s == null) {
            synchronized (initLock) {
                if (disabled || closed) return null;
                s = shards;
                if (s == null) {
                    Optional<Path> dir = CacheDirectory.resolve(configuredDir, env, listener);
                    if (dir.isEmpty()) {
                        disabledReported.set(true); // resolve() already said why
                        disabled = true;
                        return null;
                    }
                    directory = dir.get();
                    s = new SqliteShard[shardCount];
                    ShardOwner owner = new ShardOwner();
                    for (int i = 0; i < shardCount; i++) {
                        Path f = directory.resolve("shard-" + i + "-of-" + shardCount + ".db");
                        s[i] = new SqliteShard(f, busyTimeoutMillis, maxEntriesPerShard, maxBytesPerShard, owner);
                    }
                    shards = s;
                }
            }
        }
        SqliteShard shard = s[key.shard(shardCount)];
        return shard.bypassed() ? null : shard;
    }

    @Override
    public CacheStats stats() {
        Path d = directory;
        return new CacheStats(hits.sum(), misses.sum(), stores.sum(), skippedBusy.sum(), evictions.sum(), errors.sum(),
                !disabled, d == null ? null : d.toString());
    }

    /** The directory in use, once resolved. */
    public Optional<Path> directory() { return Optional.ofNullable(directory); }

    public int shardCount() { return shardCount; }

    /** How many shard files are open now (laziness is observable). */
    public int openShards() {
        SqliteShard[] s = shards;
        int n = 0;
        if (s != null) for (SqliteShard sh : s) if (sh.isOpen()) n++;
        return n;
    }

    public boolean isEnabled() { return !disabled; }

    @Override
    public void close() {
        closed = true;
        SqliteShard[] s = shards;
        if (s != null) for (SqliteShard sh : s) sh.closeNow();
    }

    private void disable(String message, Throwable cause) {
        disabled = true;
        // The failing shard closed itself; the others stay idle until close().
        if (disabledReported.compareAndSet(false, true)) listener.onWarning(message, cause);
    }

    private void reportOnce(String what, String message, Throwable cause) {
        if (reported.add(what)) listener.onWarning(message, cause);
    }

    @Override
    public String toString() {
        return "ShardedSqliteCache[shards=" + shardCount + ", dir=" + directory + ", enabled=" + !disabled + "]";
    }

    private final class ShardOwner implements SqliteShard.Owner {
        @Override public void onBusy() { skippedBusy.increment(); }

        @Override public void onEvicted(long n) { evictions.add(n); }

        @Override public void onStorageFailure(Path file, SQLException e) {
            errors.increment();
            disable("response cache disabled: cannot use " + file + " (" + e.getMessage() + ")", e);
        }

        @Override public void onCorrupt(Path file, SQLException e, boolean bypassing) {
            errors.increment();
            reportOnce("corrupt:" + file, "response cache: shard " + file + " is unreadable (" + e.getMessage() + "); "
                    + (bypassing ? "bypassing it" : "moved it aside and starting a fresh one"), e);
        }

        @Override public void onUnexpected(Path file, Throwable e) {
            errors.increment();
            disable("response cache disabled: unexpected failure on " + file + " (" + e + ")", e);
        }

        @Override public void onOtherFailure(Path file, SQLException e) {
            errors.increment();
            reportOnce("error:" + file + ":" + e.getErrorCode(), "response cache: operation on " + file
                    + " failed (" + e.getMessage() + "), treated as a miss", e);
        }
    }

    /** Configuration; nothing is touched until the first get/put. */
    public static final class Builder {
        private Path directory;
        private Map<String, String> env = System.getenv();
        private int shards = 8;
        private Duration busyTimeout = Duration.ofMillis(75);
        private long maxEntries = Long.MAX_VALUE;
        private long maxBytes = 1L << 30;
        private CacheListener listener = CacheListener.logging();

        private Builder() {}

        /** Use exactly this directory; if it is unusable the cache disables itself (no fallback). */
        public Builder directory(Path dir) { this.directory = Objects.requireNonNull(dir); return this; }

        /** Where {@code LLMBENCH_CACHE_DIR} and {@code XDG_CACHE_HOME} are read (default the process environment). */
        public Builder env(Map<String, String> env) { this.env = Map.copyOf(env); return this; }

        /** Number of SQLite files; default 8 (the lessons' FanoutCache setting). */
        public Builder shards(int n) {
            if (n < 1 || n > 256) throw new IllegalArgumentException("shards must be in [1, 256]: " + n);
            this.shards = n;
            return this;
        }

        /** Longest wait for a lock before an operation is skipped; default 75 ms. */
        public Builder busyTimeout(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException("busyTimeout must be positive: " + d);
            this.busyTimeout = d;
            return this;
        }

        /** Entry limit over all shards (enforced per shard as {@code n / shards}); default unlimited. */
        public Builder maxEntries(long n) {
            if (n < 1) throw new IllegalArgumentException("maxEntries must be >= 1: " + n);
            this.maxEntries = n;
            return this;
        }

        /** Size limit of stored values over all shards (enforced per shard as {@code n / shards}); default 1 GiB. */
        public Builder maxBytes(long n) {
            if (n < 1) throw new IllegalArgumentException("maxBytes must be >= 1: " + n);
            this.maxBytes = n;
            return this;
        }

        /** Receives warnings (each reported once); default {@link CacheListener#logging()}. */
        public Builder listener(CacheListener l) { this.listener = Objects.requireNonNull(l); return this; }

        public ShardedSqliteCache build() { return new ShardedSqliteCache(this); }
    }
}
