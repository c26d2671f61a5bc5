package dev.llmbench.bench.model;

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
 */
public record Outcomes(long sent, long ok, long cacheHits, Map<String, Long> errors, long cancelled, long retries) {
    public Outcomes {
        errors = new TreeMap<>(errors);
        long accounted = ok + cacheHits + cancelled + errors.values().stream().mapToLong(Long::longValue).sum();
        if (accounted != sent) {
            throw new IllegalStateException("request accounting does not balance: sent=" + sent + " but ok=" + ok
                    + " cacheHits=" + cacheHits + " errors=" + errors + " cancelled=" + cancelled);
        }
    }

    public long errorCount() { return errors.values().stream().mapToLong(Long::longValue).sum(); }

    public long count(String kind) { return errors.getOrDefault(kind, 0L); }
}
