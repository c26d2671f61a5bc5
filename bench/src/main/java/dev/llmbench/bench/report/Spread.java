package dev.llmbench.bench.report;

import java.util.Arrays;
import java.util.function.DoubleFunction;

/**
 * One figure over the repeats of a cell: median and range of the measured (non-NaN) values.
 *
 * @param n number of measured values behind it; 0 when none was measured (then the other fields are NaN)
 */
public record Spread(double median, double min, double max, int n) {

    public static Spread of(double... values) {
        // +Infinity is a value (an adjusted percentile among the failures); NaN is "not measured"
        double[] v = Arrays.stream(values).filter(x -> Fmt.finite(x) || x == Double.POSITIVE_INFINITY).sorted().toArray();
        if (v.length == 0) return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        int mid = v.length / 2;
        double median = v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
        return new Spread(median, v[0], v[v.length - 1], v.length);
    }

    public boolean measured() { return n > 0; }

    /** True when the two min–max ranges share at least one value. */
    public boolean overlaps(Spread other) {
        return measured() && other.measured() && min <= other.max && other.min <= max;
    }

    /** {@code 2456} for one value (or identical repeats), {@code 2456 (2380–2510)} for repeats. */
    public String format(DoubleFunction<String> fmt) {
        if (n <= 1 || min == max) return fmt.apply(median);
        return fmt.apply(median) + " (" + fmt.apply(min) + "–" + fmt.apply(max) + ")";
    }
}
