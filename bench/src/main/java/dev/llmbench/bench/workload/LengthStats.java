package dev.llmbench.bench.workload;

import java.util.Arrays;
import java.util.Locale;

/**
 * Summary of a set of lengths in tokens, as the report records a dataset's input and output lengths.
 *
 * @param count how many lengths (0: none, and the other figures are 0)
 * @param mean  their mean
 * @param p50   nearest-rank median
 * @param p90   nearest-rank 90th percentile
 * @param max   the largest
 */
public record LengthStats(int count, double mean, int p50, int p90, int max) {

    /** The summary of {@code lengths} (not modified). */
    public static LengthStats of(int[] lengths) {
        if (lengths.length == 0) return new LengthStats(0, 0, 0, 0, 0);
        int[] s = lengths.clone();
        Arrays.sort(s);
        long sum = 0;
        for (int v : s) sum += v;
        return new LengthStats(s.length, (double) sum / s.length, rank(s, 50), rank(s, 90), s[s.length - 1]);
    }

    private static int rank(int[] sorted, int percentile) {
        int r = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, r - 1)];
    }

    /** E.g. {@code mean 212.4, p50 180, p90 420, max 1800 (120 entries)}, or {@code none}. */
    public String text() {
        if (count == 0) return "none";
        return String.format(Locale.ROOT, "mean %.1f, p50 %d, p90 %d, max %d (%d %s)", mean, p50, p90, max, count,
                count == 1 ? "entry" : "entries");
    }
}
