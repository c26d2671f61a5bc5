package dev.llmbench.client.retry;

import dev.llmbench.client.LlmException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * When and after how long to retry a failed request. Pure logic: no clock, no threads.
 *
 * <p>Retried: {@code RATE_LIMITED} (429), {@code OVERLOADED} (529/503), {@code SERVER_ERROR} (5xx), 408 and 409
 * (reported as {@code BAD_REQUEST}), {@code CONNECTION} failures and connect timeouts — and only while nothing of the
 * response has reached the caller: a request that already delivered tokens is never replayed (the caller would see
 * them twice and the timing would be wrong).
 *
 * <p>Delay: the provider's {@code retryAfter} (retry-after-ms, retry-after or Gemini RetryInfo, as the codecs parse
 * it) when present — giving up instead if it exceeds {@link #maxRetryAfter()}; otherwise exponential backoff with
 * full jitter, {@code random(0, min(maxDelay, baseDelay * 2^(retry-1)))}.
 *
 * @param maxAttempts   attempts in total, 1 = no retry
 * @param baseDelay     backoff of the first retry before jitter
 * @param maxDelay      cap of the backoff before jitter
 * @param maxRetryAfter the longest server-requested wait honoured; a longer one ends the retries
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (maxDelay.compareTo(baseDelay) < 0) throw new IllegalArgumentException("maxDelay < baseDelay");
    }

    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** No retries: for raw benchmarks, where every failure must stay visible. */
    public static RetryPolicy none() { return NONE; }

    /** The user default, like the official SDKs: 2 retries, backoff from 0.5 s capped at 8 s, retry-after up to 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    /** {@link #defaults()} with {@code retries} retries. */
    public static RetryPolicy retries(int retries) {
        RetryPolicy d = defaults();
        return new RetryPolicy(retries + 1, d.baseDelay, d.maxDelay, d.maxRetryAfter);
    }

    public RetryPolicy withMaxAttempts(int n) { return new RetryPolicy(n, baseDelay, maxDelay, maxRetryAfter); }

    public RetryPolicy withBackoff(Duration base, Duration max) { return new RetryPolicy(maxAttempts, base, max, maxRetryAfter); }

    public RetryPolicy withMaxRetryAfter(Duration d) { return new RetryPolicy(maxAttempts, baseDelay, maxDelay, d); }

    /** True for the error classes worth another attempt (ignores attempts and delivery; see {@link #nextDelay}). */
    public static boolean isRetryable(Throwable failure) {
        Throwable t = unwrap(failure);
        if (!(t instanceof LlmException e)) return false;
        return switch (e.kind()) {
            case RATE_LIMITED, OVERLOADED, SERVER_ERROR, CONNECTION -> true;
            case BAD_REQUEST -> e.status() == 408 || e.status() == 409;
            case TIMEOUT -> ((LlmException.Timeout) e).phase() == LlmException.Timeout.Phase.CONNECT;
            default -> false;
        };
    }

    /**
     * The wait before the next attempt, or empty to stop and report {@code failure}.
     *
     * @param attemptsMade attempts already made (1 after the first failure)
     * @param failure      the last attempt's failure
     * @param delivered    true when any part of the response (headers with 2xx, events, tokens) reached the caller
     * @param random01     a uniform random number in [0, 1) for the jitter
     */
    public Optional<Duration> nextDelay(int attemptsMade, Throwable failure, boolean delivered, double random01) {
        if (delivered || attemptsMade >= maxAttempts || !isRetryable(failure)) return Optional.empty();
        Duration retryAfter = retryAfter(unwrap(failure));
        if (retryAfter != null) {
            if (retryAfter.compareTo(maxRetryAfter) > 0) return Optional.empty(); // e.g. a daily quota: hammering is pointless
            return Optional.of(retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        }
        return Optional.of(backoff(attemptsMade, random01));
    }

    /** Full-jitter exponential backoff for retry number {@code retry} (1-based). */
    public Duration backoff(int retry, double random01) {
        long base = baseDelay.toNanos();
        long cap = maxDelay.toNanos();
        int shift = Math.min(Math.max(retry - 1, 0), 62);
        long ceiling = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
        double r = Math.min(Math.max(random01, 0.0), Math.nextDown(1.0));
        return Duration.ofNanos((long) (ceiling * r));
    }

    /** The server-requested wait carried by {@code failure}, or null. */
    public static Duration retryAfter(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof LlmException.RateLimited r) return r.retryAfter();
        if (t instanceof LlmException.Overloaded o) return o.retryAfter();
        return null;
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        return t;
    }
}
