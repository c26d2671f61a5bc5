package dev.llmbench.bench.model;

import java.util.Map;

/**
 * The measurements of one cell.
 *
 * @param key               what was varied
 * @param wallSeconds       first send to last completion
 * @param outputTokens      provider-reported output tokens of ok requests
 * @param inputTokens       provider-reported input tokens of ok requests
 * @param cachedInputTokens of which served from the provider's prefix cache
 * @param outputTokPerSec   outputTokens / wallSeconds (per cell, not per request)
 * @param requestsPerSec    ok requests / wallSeconds
 * @param outcomes          the full accounting
 * @param latency           per metric, of ok requests
 * @param overhead          harness overhead against the simulator's ground truth, or null when unknown
 * @param costUsd           cost of the cell from prices.csv, or null when unknown
 * @param cpuMsPer1kTokens  process CPU time per 1,000 output tokens, or NaN
 * @param peakThreads       peak live JVM threads during the cell, or -1
 * @param hlogFile          the cell's HdrHistogram log, relative to the report folder
 */
public record CellResult(CellKey key, double wallSeconds, long outputTokens, long inputTokens, long cachedInputTokens,
                         double outputTokPerSec, double requestsPerSec, Outcomes outcomes,
                         Map<Metric, Percentiles> latency, Overhead overhead, Double costUsd,
                         double cpuMsPer1kTokens, int peakThreads, String hlogFile) {

    public Percentiles latency(Metric m) { return latency.getOrDefault(m, Percentiles.EMPTY); }
}
