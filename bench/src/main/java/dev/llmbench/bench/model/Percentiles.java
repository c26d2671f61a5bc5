package dev.llmbench.bench.model;

/**
 * A latency distribution summary in milliseconds, with the number of samples behind it (with fewer than 100 samples,
 * p99 is the maximum).
 */
public record Percentiles(long count, double p50, double p90, double p95, double p99, double max, double mean) {
    public static final Percentiles EMPTY = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
