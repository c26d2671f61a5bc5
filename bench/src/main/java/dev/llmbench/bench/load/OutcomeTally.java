package dev.llmbench.bench.load;

import dev.llmbench.bench.model.Outcomes;
import dev.llmbench.bench.model.Tokens;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * Counts what happened to each request of a cell, from any thread without locks: ok, cache hits, each
 * {@link LlmException.Kind}, cancellations, and anything that was not an LlmException (a client bug, counted as
 * {@value #UNEXPECTED} rather than lost). Also sums the provider-reported tokens of ok requests,
 * and notes how many had no usage and over which HTTP version each came.
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
    /** Ok requests whose library exposed no usage: their output tokens are counted content events (flagged). */
    final LongAdder estimatedUsage = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> protocols = new ConcurrentHashMap<>();
    private final ErrorMessages messages = new ErrorMessages();

    void sent() { sent.increment(); }

    void ok() { ok.increment(); }

    /** An ok response: counted, its provider-reported tokens summed, a missing usage and its HTTP version noted. */
    void ok(ChatResponse r) {
        ok();
        outputTokens.add(r.usage().outputTokens());
        inputTokens.add(r.usage().inputTokens());
        cachedInputTokens.add(r.usage().cachedInputTokens());
        reasoningTokens.add(r.usage().reasoningTokens());
        if (!r.usage().reported()) estimatedUsage.increment();
        protocol(r.protocol());
    }

    void cacheHit() { cacheHits.increment(); }

    /**
     * A failed request: its LlmException kind (CANCELLED counts as cancelled), or unexpected; the error's message is
     * counted under its class ({@link ErrorMessages}), with {@code redact} masking the session's keys in it.
     */
    void failed(Throwable t, UnaryOperator<String> redact) {
        String cls = errorClass(t);
        if (cls == null) {
            cancelled.increment();
            return;
        }
        if (t instanceof LlmException e) errors.incrementAndGet(e.kind().ordinal());
        else unexpected.increment();
        messages.record(cls, t, redact);
    }

    /**
     * The class {@link #failed} counts {@code t} under: an {@link LlmException.Kind} name, {@value #UNEXPECTED}, or null
     * for a cancellation (counted as cancelled, not as an error class). No allocation: the names are constants.
     */
    static String errorClass(Throwable t) {
        if (t instanceof LlmException e) return e.kind() == LlmException.Kind.CANCELLED ? null : e.kind().name();
        if (t instanceof java.util.concurrent.CancellationException) return null;
        return UNEXPECTED;
    }

    long okCount() { return ok.sum(); }

    /** The token counts summed so far. */
    Tokens tokens() {
        return new Tokens(outputTokens.sum(), inputTokens.sum(), cachedInputTokens.sum(), reasoningTokens.sum(), estimatedUsage.sum());
    }

    /** The HTTP version an ok response came over, as its client saw it ({@code unknown} when the library hides it). */
    void protocol(String protocol) {
        protocols.computeIfAbsent(protocol == null || protocol.isBlank() ? "unknown" : protocol, k -> new LongAdder()).increment();
    }

    /** Ok responses by negotiated HTTP version, sorted by name. */
    Map<String, Long> protocols() {
        Map<String, Long> out = new java.util.TreeMap<>();
        protocols.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Requests that failed (any class, unexpected included) or were cancelled so far. */
    long failures() {
        long n = cancelled.sum() + unexpected.sum();
        for (int i = 0; i < KINDS.length; i++) n += errors.get(i);
        return n;
    }

    /** The accounting; only called once every sent request completed, so it balances. */
    Outcomes outcomes() { return outcomes(0); }

    /** The accounting with the client's retries (made inside the client, not extra requests in {@code sent}). */
    Outcomes outcomes(long retries) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (LlmException.Kind k : KINDS) {
            long n = errors.get(k.ordinal());
            if (n > 0) byKind.put(k.name(), n);
        }
        if (unexpected.sum() > 0) byKind.put(UNEXPECTED, unexpected.sum());
        return new Outcomes(sent.sum(), ok.sum(), cacheHits.sum(), byKind, cancelled.sum(), retries, messages.top());
    }
}
