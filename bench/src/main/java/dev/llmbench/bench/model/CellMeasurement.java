package dev.llmbench.bench.model;


import java.util.List;
import java.util.Map;

/**
 * What the driver measured in one cell.
 *
 * @param wallSeconds first send (open loop: first intended send) to the last completion
 * @param overhead    harness overhead against the simulator's ground truth, or null without ground truth
 * @param cpuMillis   process CPU time during the measured phase, or NaN
 * @param estimatedUsage ok requests without provider usage (output tokens counted from content events)
 * @param protocols   ok responses by negotiated HTTP version ({@code unknown} where the library hides it)
 * @param adjusted    TTFT and E2E with failed requests as infinite latency
 * @param soak        samples over time (soak cells), else empty
 */
public record CellMeasurement(double wallSeconds, Outcomes outcomes, long outputTokens, long inputTokens,
                              long cachedInputTokens, long reasoningTokens, Map<Metric, Percentiles> latency, Overhead overhead,
                              double cpuMillis, int peakThreads, long estimatedUsage, Map<String, Long> protocols,
                              Map<Metric, Percentiles> adjusted, List<SoakSample> soak) {}
