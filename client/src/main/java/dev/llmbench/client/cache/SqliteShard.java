package dev.llmbench.client.cache;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite database file of the cache: one connection, opened on first use and guarded by a lock that callers
 * only try for the busy timeout. WAL journal (readers never wait for writers, other processes included),
 * synchronous=NORMAL (a cache may lose its last writes on power loss, never its consistency). A get in this process
 * can wait behind a put of the same shard (one connection), at most the busy timeout, then counts as a miss.
 *
 * <p>Size limit: entries carry an increasing id (SQLite rowid = max+1 on insert), so the least recently stored entries
 * are the lowest ids; running totals are kept by triggers, so checking the limit costs one row read per put.
 */
final class SqliteShard {
    private static final String SCHEMA_CHECK = "SELECT count(*) FROM sqlite_master WHERE name IN "
            + "('entries', 'totals', 'entries_insert', 'entries_delete')";
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, size INTEGER NOT NULL, value BLOB NOT NULL)",
        "CREATE TABLE IF NOT EXISTS totals (one INTEGER PRIMARY KEY CHECK (one = 1), count INTEGER NOT NULL, bytes INTEGER NOT NULL)",
        "INSERT OR IGNORE INTO totals VALUES (1, 0, 0)",
        "CREATE TRIGGER IF NOT EXISTS entries_insert AFTER INSERT ON entries BEGIN "
                + "UPDATE totals SET count = count + 1, bytes = bytes + NEW.size WHERE one = 1; END",
        "CREATE TRIGGER IF NOT EXISTS entries_delete AFTER DELETE ON entries BEGIN "
                + "UPDATE totals SET count = count - 1, bytes = bytes - OLD.size WHERE one = 1; END",
    };

    /** What a failed operation means for the cache. */
    enum Failure { BUSY, CORRUPT, STORAGE, MISSING_TABLE, OTHER }

    /** Reports failures upward; the shard itself only manages its file. */
    interface Owner {
        void onBusy();

        void onEvicted(long n);

        /** Storage unusable (full, read-only, cannot open): the whole cache should disable itself. */
        void onStorageFailure(Path file, SQLException e);

        void onCorrupt(Path file, SQLException e, boolean bypassing);

        void onOtherFailure(Path file, SQLException e);

        /** Not an SQL error (e.g. SQLite's native library cannot load): the cache should disable itself. */
        void onUnexpected(Path file, Throwable e);
    }

    private final Path file;
    private final int busyTimeoutMillis;
    private final long maxEntries;
    private final long maxBytes;
    private final Owner owner;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private volatile Connection conn; // volatile only for isOpen(); every use is under the lock
    private PreparedStatement select;
    private PreparedStatement delete;
    private PreparedStatement insert;
    private PreparedStatement totals;
    private PreparedStatement begin;
    private PreparedStatement commit;
    private PreparedStatement rollback;
    private int rebuilds;
    private volatile boolean bypassed;

    SqliteShard(Path file, int busyTimeoutMillis, long maxEntries, long maxBytes, Owner owner) {
        this.file = file;
        this.busyTimeoutMillis = busyTimeoutMillis;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.owner = owner;
    }

    Path file() { return file; }

    boolean bypassed() { return bypassed; }

    /** Whether the connection is open (for tests of laziness). */
    boolean isOpen() { return conn != null; }

    /** The stored value, or null on a miss, a busy lock or any failure. */
    byte[] get(byte[] key) {
        if (bypassed || !tryLock()) return null;
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(busyTimeoutMillis);
            for (int attempt = 0; ; attempt++) {
                try {
                    return read(key);
                } catch (SQLException e) {
                    if (classify(e) == Failure.BUSY && pauseBeforeRetry(deadline, attempt)) continue;
                    handle(e);
                    return null;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            close();
            owner.onUnexpected(file, e);
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Stores {@code value} under {@code key}, evicting the oldest entries beyond the limits. False when skipped. */
    boolean put(byte[] key, byte[] value) {
        if (bypassed || value.length > maxBytes || !tryLock()) return false;
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(busyTimeoutMillis);
            for (int attempt = 0; ; attempt++) {
                try {
                    write(key, value);
                    return true;
                } catch (SQLException e) {
                    if (classify(e) == Failure.BUSY && pauseBeforeRetry(deadline, attempt)) continue;
                    handle(e);
                    return false;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            close();
            owner.onUnexpected(file, e);
            return false;
        } finally {
            lock.unlock();
        }
    }

    private byte[] read(byte[] key) throws SQLException {
        if (conn == null) {
            if (!Files.exists(file)) return null; // nothing stored yet: a read creates no file
            open();
        }
        select.setBytes(1, key);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    private void write(byte[] key, byte[] value) throws SQLException {
        if (conn == null) open();
        begin.execute(); // BEGIN IMMEDIATE: take the write lock now, waiting at most busy_timeout
        boolean done = false;
        try {
            delete.setBytes(1, key);
            delete.executeUpdate();
            insert.setBytes(1, key);
            insert.setLong(2, value.length);
            insert.setBytes(3, value);
            insert.executeUpdate();
            evictBeyondLimits();
            commit.execute();
            done = true;
        } finally {
            if (!done) rollbackQuietly();
        }
    }

    /**
     * SQLite answers some lock conflicts with SQLITE_BUSY at once, without calling its busy handler (e.g. while another
     * process switches a fresh file to WAL, or closes the last connection and checkpoints): those are retried after a
     * short pause until the busy timeout has passed. False when the time is up (a BUSY after the handler's own wait
     * always is) or the thread is interrupted.
     */
    static boolean pauseBeforeRetry(long deadline, int attempt) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(1L << Math.min(attempt, 4))));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void evictBeyondLimits() throws SQLException {
        long count;
        long bytes;
        try (ResultSet rs = totals.executeQuery()) {
            if (!rs.next()) return;
            count = rs.getLong(1);
            bytes = rs.getLong(2);
        }
        if (count <= maxEntries && bytes <= maxBytes) return;
        // The oldest ids until both limits hold; the entry just inserted has the highest id and is kept.
        long excessCount = Math.max(0, count - maxEntries);
        long excessBytes = Math.max(0, bytes - maxBytes);
        long lastId = -1;
        long n = 0;
        long freed = 0;
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, size FROM entries ORDER BY id")) {
            while ((n < excessCount || freed < excessBytes) && rs.next()) {
                lastId = rs.getLong(1);
                freed += rs.getLong(2);
                n++;
            }
        }
        if (lastId < 0) return;
        try (PreparedStatement del = conn.prepareStatement("DELETE FROM entries WHERE id <= ?")) {
            del.setLong(1, lastId);
            owner.onEvicted(del.executeUpdate());
        }
    }

    private boolean tryLock() {
        try {
            if (lock.tryLock(busyTimeoutMillis, TimeUnit.MILLISECONDS)) return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        owner.onBusy();
        return false;
    }

    private void open() throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(busyTimeoutMillis);
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        Connection c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            try (Statement st = c.createStatement()) {
                boolean complete;
                try (ResultSet rs = st.executeQuery(SCHEMA_CHECK)) {
                    complete = rs.next() && rs.getInt(1) == 4;
                }
                if (!complete) { // only the first opener writes the schema; later opens stay read-only here
                    st.execute("BEGIN IMMEDIATE");
                    try {
                        for (String sql : SCHEMA) st.execute(sql);
                        st.execute("COMMIT");
                    } catch (SQLException e) {
                        try { st.execute("ROLLBACK"); } catch (SQLException ignored) { /* already rolled back */ }
                        throw e;
                    }
                }
            }
            select = c.prepareStatement("SELECT value FROM entries WHERE key = ?");
            delete = c.prepareStatement("DELETE FROM entries WHERE key = ?");
            insert = c.prepareStatement("INSERT INTO entries (key, size, value) VALUES (?, ?, ?)");
            totals = c.prepareStatement("SELECT count, bytes FROM totals WHERE one = 1");
            begin = c.prepareStatement("BEGIN IMMEDIATE");
            commit = c.prepareStatement("COMMIT");
            rollback = c.prepareStatement("ROLLBACK");
            conn = c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private void handle(SQLException e) {
        switch (classify(e)) {
            case BUSY -> owner.onBusy();
            case MISSING_TABLE -> { } // another process is creating the schema right now: a miss
            case STORAGE -> {
                close();
                owner.onStorageFailure(file, e);
            }
            case CORRUPT -> {
                close();
                boolean bypass = rebuilds > 0 || !moveAside();
                if (bypass) bypassed = true;
                else rebuilds++;
                owner.onCorrupt(file, e, bypass);
            }
            case OTHER -> owner.onOtherFailure(file, e);
        }
    }

    /** Moves an unreadable database (and its WAL files) aside so the next use starts a fresh one. */
    private boolean moveAside() {
        String aside = file.getFileName() + ".corrupt-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try {
            if (Files.exists(file)) Files.move(file, file.resolveSibling(aside), StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    static Failure classify(SQLException e) {
        int code = e instanceof SQLiteException s ? s.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
        return switch (code) {
            case 5, 6, 15 -> Failure.BUSY;                  // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PROTOCOL (a lost WAL lock race)
            case 11, 26 -> Failure.CORRUPT;                 // SQLITE_CORRUPT, SQLITE_NOTADB
            case 3, 8, 10, 13, 14, 23 -> Failure.STORAGE;   // PERM, READONLY, IOERR, FULL, CANTOPEN, AUTH
            case 1 -> String.valueOf(e.getMessage()).contains("no such table") ? Failure.MISSING_TABLE : Failure.OTHER;
            default -> Failure.OTHER;
        };
    }

    private void rollbackQuietly() {
        try {
            if (rollback != null) rollback.execute();
        } catch (SQLException ignored) {
            // no transaction left to roll back
        }
    }

    /** Closes the connection; the next use reopens it. */
    void close() {
        Connection c = conn;
        conn = null;
        select = delete = insert = totals = begin = commit = rollback = null;
        closeQuietly(c);
    }

    /** Closes under the lock, waiting for an operation in progress (used when the cache closes). */
    void closeNow() {
        lock.lock();
        try {
            close();
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection
        }
    }
}
