package dev.llmbench.bench.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formats shared by the tables (the lessons document's style) and the CSV. */
final class Fmt {
    /** Shown for a figure that was not measured (NaN): never a zero that could pass for a result. */
    static final String MISSING = "–";

    private Fmt() {}

    static boolean finite(double v) { return !Double.isNaN(v) && !Double.isInfinite(v); }

    /** Shown for an adjusted percentile that falls among the failed requests. */
    static final String INFINITE = "∞";

    /** Milliseconds as seconds with three decimals, e.g. {@code 0.213s}; ∞ for +Infinity (adjusted percentiles). */
    static String secondsFromMs(double ms) {
        if (ms == Double.POSITIVE_INFINITY) return INFINITE;
        return finite(ms) ? String.format(Locale.ROOT, "%.3fs", ms / 1000.0) : MISSING;
    }

    /** Seconds with three decimals, e.g. {@code 3.500s}. */
    static String seconds(double s) { return finite(s) ? String.format(Locale.ROOT, "%.3fs", s) : MISSING; }

    /** A rate rounded to a whole number, e.g. {@code 2456}. */
    static String whole(double v) { return finite(v) ? String.format(Locale.ROOT, "%.0f", v) : MISSING; }

    /** A share as a percentage, e.g. {@code 49%}. */
    static String percent(double share) {
        if (!finite(share)) return MISSING;
        return share > 0 && share < 0.01 ? "<1%" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A share with one decimal, e.g. {@code 94.8%} (attainment is judged against targets such as 95%). */
    static String percent1(double share) { return finite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : MISSING; }

    /** Shown for a cost that cannot be computed (model not in prices.csv): a price of 0 would be a lie. */
    static final String UNKNOWN = "unknown";

    /** US dollars, e.g. {@code $0.0123} or {@code $12.34}; {@value #UNKNOWN} for NaN. */
    static String usd(double v) {
        if (!finite(v)) return UNKNOWN;
        return String.format(Locale.ROOT, Math.abs(v) >= 1 ? "$%.2f" : "$%.4f", v);
    }

    /** A ratio, e.g. {@code 1.47x}. */
    /** A rate in requests per second: three significant digits (0.512, 12.3, 450). */
    static String rate(double v) {
        if (!finite(v)) return MISSING;
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (v >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String ratio(double r) { return finite(r) ? String.format(Locale.ROOT, "%.2fx", r) : MISSING; }

    /** Milliseconds with two decimals, e.g. {@code 0.41 ms}. */
    static String ms(double ms) { return finite(ms) ? String.format(Locale.ROOT, "%.2f ms", ms) : MISSING; }

    /** Counts by name, e.g. {@code h2 60, unknown 4}; a single name alone, e.g. {@code h2}; empty for none. */
    static String counts(java.util.Map<String, Long> byName) {
        if (byName.size() == 1) return byName.keySet().iterator().next();
        return String.join(", ", byName.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /** Full precision without exponent for machine-readable files; {@code inf} for +Infinity, empty for NaN. */
    static String plain(double v) {
        if (v == Double.POSITIVE_INFINITY) return "inf";
        return finite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : "";
    }
}
