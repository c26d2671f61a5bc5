package dev.llmbench.bench.model;

import java.util.List;
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
 * @param adjusted          TTFT and E2E with every failed or cancelled request counted as infinite latency (AIPerf's
 *                          "adjusted" percentiles: errors cannot make a configuration look faster); a percentile that
 *                          falls among the failures is +Infinity. Empty when not computed
 * @param leaks             threads and sockets left behind by the cell's client (guarded cells only), or null
 * @param soak              samples over time (soak cells only), else empty
 */
public record CellResult(CellKey key, double wallSeconds, long outputTokens, long inputTokens, long cachedInputTokens,
                         double outputTokPerSec, double requestsPerSec, Outcomes outcomes,
                         Map<Metric, Percentiles> latency, Overhead overhead, Double costUsd,
                         double cpuMsPer1kTokens, int peakThreads, String hlogFile,
                         long estimatedUsage, Map<String, Long> protocols,
                         Map<Metric, Percentiles> adjusted, Leaks leaks, List<SoakSample> soak) {
    public CellResult {
        protocols = protocols == null ? Map.of() : Map.copyOf(protocols);
        adjusted = adjusted == null ? Map.of() : Map.copyOf(adjusted);
        soak = soak == null ? List.of() : List.copyOf(soak);
    }

    /** A cell with every token count reported by the provider, no protocol notes, adjusted percentiles, leak check or soak samples. */
    public CellResult(CellKey key, double wallSeconds, long outputTokens, long inputTokens, long cachedInputTokens,
                      double outputTokPerSec, double requestsPerSec, Outcomes outcomes, Map<Metric, Percentiles> latency,
                      Overhead overhead, Double costUsd, double cpuMsPer1kTokens, int peakThreads, String hlogFile) {
        this(key, wallSeconds, outputTokens, inputTokens, cachedInputTokens, outputTokPerSec, requestsPerSec, outcomes,
                latency, overhead, costUsd, cpuMsPer1kTokens, peakThreads, hlogFile, 0, Map.of(), Map.of(), null, List.of());
    }

    /** The adjusted (failures = infinite latency) percentiles of TTFT or E2E, or EMPTY. */
    public Percentiles adjusted(Metric m) { return adjusted.getOrDefault(m, Percentiles.EMPTY); }

    public Percentiles latency(Metric m) { return latency.getOrDefault(m, Percentiles.EMPTY); }
}
