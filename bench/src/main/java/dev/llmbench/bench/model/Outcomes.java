package dev.llmbench.bench.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to every request of a cell. The accounting always balances:
 * {@code sent == ok + cacheHits + sum(errors) + cancelled}; errors stay in every denominator.
 *
 * @param sent      requests started (warm-up excluded)
 * @param ok        completed normally (cache hits excluded)
 * @param cacheHits served from the response cache (kept out of throughput and latency)
 * @param errors    failed requests by error class name (LlmException.Kind names, e.g. RATE_LIMITED)
 * @param cancelled requests cancelled by the harness (e.g. at the end of a time-bounded cell)
 * @param retries   retries made inside the client (not extra requests in {@code sent})
 * @param messages  per error class, its most frequent messages (most frequent first) and {@link #OTHER_MESSAGES} for
 *                  the rest, their counts summing to the class's count; empty when not recorded
 */
public record Outcomes(long sent, long ok, long cacheHits, Map<String, Long> errors, long cancelled, long retries,
                       Map<String, List<ErrorMessage>> messages) {
    /** The message standing for every message of a class past the most frequent few. */
    public static final String OTHER_MESSAGES = "(other messages)";

    public Outcomes {
        errors = new TreeMap<>(errors);
        Map<String, List<ErrorMessage>> m = new TreeMap<>();
        if (messages != null) messages.forEach((k, v) -> m.put(k, List.copyOf(v)));
        messages = m;
        for (Map.Entry<String, List<ErrorMessage>> e : m.entrySet()) {
            long n = e.getValue().stream().mapToLong(ErrorMessage::count).sum();
            long expected = errors.getOrDefault(e.getKey(), 0L);
            if (n != expected) {
                throw new IllegalStateException("error messages of " + e.getKey() + " count " + n + " requests, the class " + expected);
            }
        }
        long accounted = ok + cacheHits + cancelled + errors.values().stream().mapToLong(Long::longValue).sum();
        if (accounted != sent) {
            throw new IllegalStateException("request accounting does not balance: sent=" + sent + " but ok=" + ok
                    + " cacheHits=" + cacheHits + " errors=" + errors + " cancelled=" + cancelled);
        }
    }

    /** Without recorded messages. */
    public Outcomes(long sent, long ok, long cacheHits, Map<String, Long> errors, long cancelled, long retries) {
        this(sent, ok, cacheHits, errors, cancelled, retries, Map.of());
    }

    /** The recorded messages of error class {@code kind}, most frequent first (empty when none). */
    public List<ErrorMessage> messages(String kind) { return messages.getOrDefault(kind, List.of()); }

    public long errorCount() { return errors.values().stream().mapToLong(Long::longValue).sum(); }

    public long count(String kind) { return errors.getOrDefault(kind, 0L); }
}
