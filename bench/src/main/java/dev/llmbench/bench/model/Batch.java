package dev.llmbench.bench.model;

/**
 * The first requests of a cell's measured phase taken as one batch, as the lessons' harness measured: tokens of the
 * first {@code min(64, n)} requests over the time from the phase start to the last of them completing. At {@code c >=
 * 64} that is one synchronized wave, set by its slowest request; kept only to compare with the lessons' figures
 * ({@code batch_output_tok_s}), never as the headline rate.
 *
 * @param requests     how many requests the batch holds
 * @param wallSeconds  phase start to the last of them completing (ok or not)
 * @param outputTokens their provider-reported output tokens (ok requests)
 */
public record Batch(int requests, double wallSeconds, long outputTokens) {
    /** Requests in a batch: the lessons' harness sent 64 prompts per measurement. */
    public static final int LESSONS_REQUESTS = 64;

    public static final Batch NONE = new Batch(0, 0, 0);

    /** Output tokens per second of the batch, or NaN without one. */
    public double outputTokPerSec() { return requests > 0 && wallSeconds > 0 ? outputTokens / wallSeconds : Double.NaN; }
}
