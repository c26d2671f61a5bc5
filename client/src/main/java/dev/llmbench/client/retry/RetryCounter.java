package dev.llmbench.client.retry;

import dev.llmbench.client.LlmException;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts retries per error class, for reports (retries hide failures, so they must be counted). Thread-safe. */
public final class RetryCounter implements RetryListener {
    private static final LlmException.Kind[] KINDS = LlmException.Kind.values();
    private final AtomicLongArray byKind = new AtomicLongArray(KINDS.length + 1); // last slot: non-LlmException

    @Override
    public void onRetry(int attempt, Throwable failure, Duration delay) {
        Throwable t = RetryPolicy.unwrap(failure);
        byKind.incrementAndGet(t instanceof LlmException e ? e.kind().ordinal() : KINDS.length);
    }

    public long total() {
        long sum = 0;
        for (int i = 0; i < byKind.length(); i++) sum += byKind.get(i);
        return sum;
    }

    public long count(LlmException.Kind kind) { return byKind.get(kind.ordinal()); }

    /** Non-zero counts by error class. */
    public Map<LlmException.Kind, Long> byKind() {
        Map<LlmException.Kind, Long> out = new EnumMap<>(LlmException.Kind.class);
        for (LlmException.Kind k : KINDS) {
            long n = byKind.get(k.ordinal());
            if (n > 0) out.put(k, n);
        }
        return out;
    }

    @Override public String toString() { return "RetryCounter" + byKind(); }
}
