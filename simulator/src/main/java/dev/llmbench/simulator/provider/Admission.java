package dev.llmbench.simulator.provider;

/**
 * The outcome of a per-key rate-limit check, with the bucket state providers report in headers.
 *
 * @param denied            which limit refused the request, or NONE
 * @param retryAfterMillis  when the refused request could succeed
 * @param requestsLimit     requests per minute (0 = no limit)
 * @param requestsRemaining requests left in the bucket after this one
 * @param requestsResetMillis time until the request bucket is full again
 * @param tokensLimit       tokens per minute (0 = no limit)
 * @param tokensRemaining   tokens left after this one
 * @param tokensResetMillis time until the token bucket is full again
 * @param concurrencyLimit  concurrent requests per key (0 = no limit)
 * @param requestedTokens   tokens this request was charged (prompt plus expected output)
 */
record Admission(Limit denied, long retryAfterMillis, long requestsLimit, long requestsRemaining, long requestsResetMillis,
                 long tokensLimit, long tokensRemaining, long tokensResetMillis, int concurrencyLimit, long requestedTokens) {

    enum Limit { NONE, REQUESTS, TOKENS, CONCURRENCY }

    static final Admission UNLIMITED = new Admission(Limit.NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    boolean allowed() { return denied == Limit.NONE; }
}
