package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pairs configurations that differ in exactly one dimension (path, transport or variant) and compares their figures
 * with {@link NoiseComparison}: each other value against the first one that ran (the baseline).
 */
public final class Comparisons {
    /**
     * Latencies from the caller's submit: cells differ in how long a request waits inside the client (AIMD or fixed
     * windows, keys, retries, an SDK's own retries), and only from-submit figures count that waiting for all of them.
     */
    static final List<Figure> FIGURES = List.of(Figure.TOK_PER_SEC, Figure.TTFT_SUBMIT_P50, Figure.TTFT_SUBMIT_P95, Figure.E2E_SUBMIT_P50);

    /** A dimension a comparison can vary; the others are held equal. */
    enum Dimension {
        // a path brings its own HTTP stack, so paths are compared whatever transport each one used
        PATH(CellKey::path, k -> new CellKey(k.provider(), "", "", k.concurrency(), k.variant(), 0)),
        TRANSPORT(CellKey::transport, k -> new CellKey(k.provider(), k.path(), "", k.concurrency(), k.variant(), 0)),
        VARIANT(CellKey::variant, k -> new CellKey(k.provider(), k.path(), k.transport(), k.concurrency(), "", 0));

        final Function<CellKey, String> value;
        final Function<CellKey, CellKey> others;

        Dimension(Function<CellKey, String> value, Function<CellKey, CellKey> others) {
            this.value = value;
            this.others = others;
        }
    }

    /** One pair: {@code subject} compared with {@code baseline}, equal in every dimension but {@code dimension}. */
    public record Pair(Dimension dimension, CellGroup subject, CellGroup baseline) {
        public NoiseComparison compare(Figure f) { return new NoiseComparison(subject.spread(f), baseline.spread(f)); }

        public String label() {
            CellKey k = subject.key();
            String held = Providers.display(k.provider()) + " c=" + k.concurrency()
                    + (dimension != Dimension.PATH ? " " + k.path() : "")
                    + (dimension == Dimension.VARIANT && !k.transport().isEmpty() ? " " + k.transport() : "")
                    + (dimension != Dimension.VARIANT && !k.variant().isEmpty() ? " " + k.variant() : "");
            return held + ": " + dimension.value.apply(k) + " vs " + dimension.value.apply(baseline.key());
        }
    }

    private Comparisons() {}

    public static List<Pair> pairs(List<CellGroup> groups) {
        List<Pair> pairs = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            Map<CellKey, List<CellGroup>> buckets = new LinkedHashMap<>();
            for (CellGroup g : groups) buckets.computeIfAbsent(d.others.apply(g.key()), k -> new ArrayList<>()).add(g);
            for (List<CellGroup> bucket : buckets.values()) {
                CellGroup baseline = bucket.get(0);
                for (int i = 1; i < bucket.size(); i++) {
                    CellGroup subject = bucket.get(i);
                    if (!d.value.apply(subject.key()).equals(d.value.apply(baseline.key()))) pairs.add(new Pair(d, subject, baseline));
                }
            }
        }
        return pairs;
    }

    /** A table of every pair's ratios (subject / baseline), or "" when the sweep has nothing to compare. */
    public static String render(List<CellGroup> groups) { return render(groups, FIGURES); }

    /** The same with the given figures, e.g. {@link #FIGURES} plus CPU for the sweeps that compare HTTP stacks. */
    public static String render(List<CellGroup> groups, List<Figure> figures) {
        List<Pair> pairs = pairs(groups);
        if (pairs.isEmpty()) return "";
        List<String> header = new ArrayList<>(List.of("Comparison"));
        figures.forEach(f -> header.add(f.label()));
        MarkdownTable t = new MarkdownTable(header);
        for (Pair p : pairs) {
            List<String> row = new ArrayList<>(List.of(p.label()));
            figures.forEach(f -> row.add(p.compare(f).describe()));
            t.row(row);
        }
        return "Comparisons (ratio = left / right; for TTFT, E2E, wall and CPU lower is better; \"within noise\" = the repeats' "
                + "min–max ranges overlap):\n\n" + t.render();
    }
}
