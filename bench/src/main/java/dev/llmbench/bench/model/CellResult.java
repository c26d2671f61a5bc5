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
 * @param estimatedUsage    ok requests whose library exposed no usage: their output tokens are the number of content
 *                          events, an approximation the reports flag
 * @param protocols         ok responses by the HTTP version the client saw ({@code h2}, {@code http/1.1},
 *                          {@code unknown} where the library hides it); empty when not recorded
 */
public record CellResult(CellKey key, double wallSeconds, long outputTokens, long inputTokens, long cachedInputTokens,
                         double outputTokPerSec, double requestsPerSec, Outcomes outcomes,
                         Map<Metric, Percentiles> latency, Overhead overhead, Double costUsd,
                         double cpuMsPer1kTokens, int peakThreads, String hlogFile,
                         long estimatedUsage, Map<String, Long> protocols) {
    public CellResult {
        protocols = protocols == null ? Map.of() : Map.copyOf(protocols);
    }

    /** A cell without usage or protocol notes (every token count reported by the provider). */
    public CellResult(CellKey key, double wallSeconds, long outputTokens, long inputTokens, long cachedInputTokens,
                      double outputTokPerSec, double requestsPerSec, Outcomes outcomes,
                      Map<Metric, Percentiles> latency, Overhead overhead, Double costUsd,
                      double cpuMsPer1kTokens, int peakThreads, String hlogFile) {
        this(key, wallSeconds, outputTokens, inputTokens, cachedInputTokens, outputTokPerSec, requestsPerSec, outcomes,
                latency, overhead, costUsd, cpuMsPer1kTokens, peakThreads, hlogFile, 0, Map.of());
    }

    public Percentiles latency(Metric m) { return latency.getOrDefault(m, Percentiles.EMPTY); }
}
