package dev.llmbench.bench.load;

import dev.llmbench.bench.model.RequestRecord;
import dev.llmbench.bench.report.RequestsJsonl;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.StreamTiming;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The per-request records of one cell ({@link RequestRecord}), warm-up included, written to its
 * {@code <slug>.requests.jsonl} ({@link RequestsJsonl}); and the ids the driver sends as {@value #HEADER}.
 *
 * <p>Cheap on the completion path: {@link #add} builds one small record from timestamps the driver already has and
 * appends it to a chunk under a short lock; no formatting, no I/O. A full chunk ({@value #CHUNK} records) is handed
 * to one writer thread, started with the first full chunk and joined by {@link #close}, so the heap holds at most a
 * few chunks however long the cell runs (a soak's heap samples must not grow with its request count). A cell of fewer
 * requests is written by {@link #close}, after its measured phase. Lines are in completion order.
 *
 * <p>Nothing is dropped silently: {@link #close} fails unless every record added reached the file, and a record
 * added after it (a request that outlived its cell, which the drivers never let happen) is counted in {@link #late}.
 */
public final class RequestLog implements AutoCloseable {
    /** The request header carrying the id: vLLM and most gateways log it, and use it as their own request id. */
    public static final String HEADER = "x-request-id";
    /** Records per chunk: about 1.5 MB of records with their ids; the writer gets one every few seconds at soak rates. */
    static final int CHUNK = 8_192;
    private static final RequestRecord[] END = new RequestRecord[0];

    private final String idPrefix;
    private final Path file;
    private final RequestsJsonl.Appender out;
    private final int chunkSize;
    private final BlockingQueue<RequestRecord[]> full = new LinkedBlockingQueue<>();
    /** Guarded by {@code this}. */
    private RequestRecord[] chunk;
    private int size;
    private long added;
    private int handedOff;
    private long late;
    private boolean closed;
    private long lines = -1;
    /** The first record that could not be built, and how many could not. */
    private RuntimeException unbuilt;
    private long unbuiltCount;
    private Thread writer;
    /** Set by the writer thread, read after joining it. */
    private IOException failure;

    private RequestLog(Path file, String idPrefix, int chunkSize) throws IOException {
        if (chunkSize < 1) throw new IllegalArgumentException("chunk size must be >= 1: " + chunkSize);
        this.file = file;
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
        this.chunkSize = chunkSize;
        this.chunk = new RequestRecord[chunkSize];
        this.out = RequestsJsonl.create(file);
    }

    /**
     * Creates (or replaces) {@code file}; request ids are {@code <idPrefix>:w<index>} (warm-up) and
     * {@code <idPrefix>:m<index>} (measured).
     */
    public static RequestLog open(Path file, String idPrefix) throws IOException { return open(file, idPrefix, CHUNK); }

    /** As {@link #open(Path, String)}, handing chunks of {@code chunkSize} records to the writer thread (tests). */
    static RequestLog open(Path file, String idPrefix, int chunkSize) throws IOException {
        return new RequestLog(file, idPrefix, chunkSize);
    }

    /** The log next to a cell's histogram log {@code <name>.hlog}: {@code <name>.requests.jsonl}, ids {@code <name>:...}. */
    public static RequestLog besideHlog(Path hlog) throws IOException {
        String name = hlog.getFileName().toString();
        String base = name.endsWith(".hlog") ? name.substring(0, name.length() - ".hlog".length()) : name;
        return open(hlog.resolveSibling(RequestsJsonl.fileName(base)), base);
    }

    /** The file written. */
    public Path file() { return file; }

    /** The id of request {@code index} of the warm-up or the measured phase (deterministic: the same on every run). */
    public String id(boolean warmup, int index) { return idPrefix + (warmup ? ":w" : ":m") + index; }

    /**
     * Records request {@code index} of its phase, sent as {@code id}, completed at {@code doneNanos} with response
     * {@code r} or failure {@code t}; classified as {@link OutcomeTally} counts it. Times come from the response's
     * {@link StreamTiming} (ok) or what the probe saw (failed: submit, tokens if any arrived); a cache hit keeps
     * only its submit and done, and no tokens (nothing was sent). Never throws: a record that cannot be built makes
     * {@link #close} fail.
     */
    void add(String id, boolean warmup, int index, RequestProbe probe, ChatResponse r, Throwable t, long doneNanos) {
        RequestRecord rec;
        try {
            rec = record(id, warmup, index, probe, r, t, doneNanos);
        } catch (RuntimeException e) { // a bug: kept for close to report rather than lost in a completion callback
            synchronized (this) {
                if (unbuilt == null) unbuilt = e;
                unbuiltCount++;
            }
            return;
        }
        append(rec);
    }

    static RequestRecord record(String id, boolean warmup, int index, RequestProbe probe, ChatResponse r, Throwable t,
                                long doneNanos) {
        long intended = probe.intendedNanos;
        long submit = probe.submitNanos;
        if (t != null) {
            String cls = OutcomeTally.errorClass(t instanceof CompletionException && t.getCause() != null ? t.getCause() : t);
            return new RequestRecord(id, warmup, index, cls == null ? RequestRecord.Outcome.CANCELLED : RequestRecord.Outcome.ERROR,
                    cls, 0, 0, false, intended, submit, 0, 0, probe.firstTokenNanos(), probe.lastTokenNanos(), 0, doneNanos);
        }
        if (r.cacheHit()) {
            return new RequestRecord(id, warmup, index, RequestRecord.Outcome.CACHE_HIT, null, 0, 0, false,
                    intended, submit, 0, 0, 0, 0, 0, doneNanos);
        }
        StreamTiming tm = r.timing();
        int events = tm.tokenEvents();
        return new RequestRecord(id, warmup, index, RequestRecord.Outcome.OK, null, r.usage().inputTokens(),
                r.usage().outputTokens(), !r.usage().reported(), intended, submit, tm.sendNanos(), tm.headersNanos(),
                tm.firstTokenNanos(), events > 0 ? tm.tokenEventNanos(events - 1) : 0, tm.endNanos(), doneNanos);
    }

    /** Appends one record (any thread). */
    void append(RequestRecord rec) {
        RequestRecord[] handOff = null;
        synchronized (this) {
            if (closed) {
                late++;
                return;
            }
            chunk[size++] = rec;
            added++;
            if (size == chunkSize) {
                handOff = chunk;
                chunk = new RequestRecord[chunkSize];
                size = 0;
                handedOff++;
                if (writer == null) {
                    writer = new Thread(this::drain, "llmbench-requests-writer");
                    writer.setDaemon(true);
                    writer.start();
                }
            }
        }
        if (handOff != null) full.add(handOff);
    }

    /** Records appended so far. */
    public synchronized long added() { return added; }

    /** Full chunks handed to the writer thread so far (0: everything is written by {@link #close}). */
    synchronized int chunksHandedOff() { return handedOff; }

    /** Records that arrived after {@link #close} and are in no file (a request that outlived its cell). */
    public synchronized long late() { return late; }

    /** The writer thread: full chunks in order until the end marker. */
    private void drain() {
        try {
            for (RequestRecord[] c; (c = full.take()) != END; ) {
                if (failure == null) write(c, c.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IOException("the records writer was interrupted");
        }
    }

    private void write(RequestRecord[] c, int n) {
        try {
            for (int i = 0; i < n; i++) out.append(c[i]);
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new IOException(e.toString(), e);
        }
    }

    /** Lines in the file once {@link #close} returned (= records added); -1 before. */
    public synchronized long lines() { return lines; }

    /**
     * Writes what is left and closes the file; call once every request of the cell completed. A second call does
     * nothing.
     *
     * @throws IOException if the file could not be written completely (every record added must be in it)
     */
    @Override
    public void close() throws IOException {
        RequestRecord[] rest;
        int n;
        Thread w;
        long total;
        RuntimeException bug;
        long bugs;
        synchronized (this) {
            if (closed) return;
            closed = true;
            rest = chunk;
            n = size;
            chunk = null;
            w = writer;
            total = added;
            bug = unbuilt;
            bugs = unbuiltCount;
        }
        if (w != null) {
            full.add(END);
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing " + file.getFileName(), e);
            }
        }
        if (failure == null) write(rest, n);
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) failure = e;
        }
        if (failure != null) throw new IOException("request records not written to " + file + ": " + failure.getMessage(), failure);
        if (bug != null) throw new IOException(bugs + " request records could not be built for " + file + ": " + bug, bug);
        long written = out.lines();
        if (written != total) throw new IOException(file + ": " + written + " lines written of " + total + " records");
        synchronized (this) {
            lines = written;
        }
    }
}
