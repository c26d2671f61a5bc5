package dev.llmbench.bench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-request latency targets, as vLLM's {@code --goodput}: a request meets the SLO when it completed normally and
 * every given threshold holds. TTFT and E2E run from the caller's submit (open loop: the intended start), so waiting
 * inside the client or behind the in-flight cap counts against them; TPOT is (last − first token event) / (output
 * tokens − 1) and holds trivially for a one-token answer. Failures, cancellations and cache hits miss the SLO.
 *
 * @param ttftMillis TTFT threshold in ms, or NaN when not given
 * @param tpotMillis TPOT threshold in ms, or NaN
 * @param e2eMillis  E2E threshold in ms, or NaN
 */
public record Slo(double ttftMillis, double tpotMillis, double e2eMillis) {
    /** What {@link #parse} accepts, for the bad-input message. */
    public static final String FORM = "a comma list of ttft<=T, tpot<=T, e2e<=T with T a number and a unit ms or s, e.g. ttft<=800ms,tpot<=40ms,e2e<=10s";
    private static final Pattern TERM = Pattern.compile("(ttft|tpot|e2e)\\s*<=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s)");

    public Slo {
        if (Double.isNaN(ttftMillis) && Double.isNaN(tpotMillis) && Double.isNaN(e2eMillis)) {
            throw new IllegalArgumentException("an SLO needs at least one threshold");
        }
        for (double v : new double[] {ttftMillis, tpotMillis, e2eMillis}) {
            if (!Double.isNaN(v) && !(v > 0 && v < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("threshold must be > 0: " + v);
        }
    }

    /**
     * Parses {@code ttft<=800ms,tpot<=40ms,e2e<=10s} (any subset, any order, each metric at most once).
     *
     * @throws IllegalArgumentException naming the term that is not one of {@link #FORM}
     */
    public static Slo parse(String text) {
        double ttft = Double.NaN;
        double tpot = Double.NaN;
        double e2e = Double.NaN;
        for (String raw : text.split(",")) {
            String term = raw.trim().toLowerCase(Locale.ROOT);
            if (term.isEmpty()) continue;
            Matcher m = TERM.matcher(term);
            if (!m.matches()) throw new IllegalArgumentException("'" + raw.trim() + "' is not one of " + FORM);
            double ms = Double.parseDouble(m.group(2)) * (m.group(3).equals("s") ? 1_000 : 1);
            switch (m.group(1)) {
                case "ttft" -> ttft = once(ttft, ms, "ttft");
                case "tpot" -> tpot = once(tpot, ms, "tpot");
                default -> e2e = once(e2e, ms, "e2e");
            }
        }
        return new Slo(ttft, tpot, e2e);
    }

    private static double once(double previous, double value, String name) {
        if (!Double.isNaN(previous)) throw new IllegalArgumentException(name + " is given twice");
        return value;
    }

    /**
     * Whether an ok request met every threshold. Times in ns; {@code tpotNanos < 0} means the answer had no second
     * token (holds); {@code ttftSubmitNanos < 0} or {@code e2eSubmitNanos < 0} (unknown) miss a threshold on them.
     */
    public boolean met(long ttftSubmitNanos, long tpotNanos, long e2eSubmitNanos) {
        return within(ttftMillis, ttftSubmitNanos, false) && within(tpotMillis, tpotNanos, true) && within(e2eMillis, e2eSubmitNanos, false);
    }

    private static boolean within(double thresholdMillis, long nanos, boolean unknownHolds) {
        if (Double.isNaN(thresholdMillis)) return true;
        if (nanos < 0) return unknownHolds;
        return nanos <= thresholdMillis * 1e6;
    }

    /** The canonical text, e.g. {@code ttft<=800ms,e2e<=10000ms}; {@link #parse} reads it back to an equal SLO. */
    @Override
    public String toString() {
        List<String> terms = new ArrayList<>();
        if (!Double.isNaN(ttftMillis)) terms.add("ttft<=" + num(ttftMillis) + "ms");
        if (!Double.isNaN(tpotMillis)) terms.add("tpot<=" + num(tpotMillis) + "ms");
        if (!Double.isNaN(e2eMillis)) terms.add("e2e<=" + num(e2eMillis) + "ms");
        return String.join(",", terms);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
