package dev.llmbench.bench.run;

import dev.llmbench.bench.model.Outcomes;
import dev.llmbench.client.LlmException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what happened to each request of a cell, from any thread without locks: ok, cache hits, each
 * {@link LlmException.Kind}, cancellations, and anything that was not an LlmException (a client bug, counted as
 * {@value #UNEXPECTED} rather than lost). Also sums the provider-reported tokens of ok requests.
 */
final class OutcomeTally {
    static final String UNEXPECTED = "UNEXPECTED";
    private static final LlmException.Kind[] KINDS = LlmException.Kind.values();

    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final AtomicLongArray errors = new AtomicLongArray(KINDS.length);
    final LongAdder outputTokens = new LongAdder();
    final LongAdder inputTokens = new LongAdder();
    final LongAdder cachedInputTokens = new LongAdder();
    final LongAdder reasoningTokens = new LongAdder();

    void sent() { sent.increment(); }

    void ok() { ok.increment(); }

    void cacheHit() { cacheHits.increment(); }

    /** A failed request: its LlmException kind (CANCELLED counts as cancelled), or unexpected. */
    void failed(Throwable t) {
        if (t instanceof LlmException e) {
            if (e.kind() == LlmException.Kind.CANCELLED) cancelled.increment();
            else errors.incrementAndGet(e.kind().ordinal());
        } else if (t instanceof java.util.concurrent.CancellationException) {
            cancelled.increment();
        } else {
            unexpected.increment();
        }
    }

    long okCount() { return ok.sum(); }

    /** Requests that failed (any class, unexpected included) or were cancelled so far. */
    long failures() {
        long n = cancelled.sum() + unexpected.sum();
        for (int i = 0; i < KINDS.length; i++) n += errors.get(i);
        return n;
    }

    /** The accounting; only called once every sent request completed, so it balances. */
    Outcomes outcomes() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (LlmException.Kind k : KINDS) {
            long n = errors.get(k.ordinal());
            if (n > 0) byKind.put(k.name(), n);
        }
        if (unexpected.sum() > 0) byKind.put(UNEXPECTED, unexpected.sum());
        return new Outcomes(sent.sum(), ok.sum(), cacheHits.sum(), byKind, cancelled.sum(), 0);
    }
}
