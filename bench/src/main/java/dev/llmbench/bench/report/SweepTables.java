package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Overhead;
import dev.llmbench.bench.model.SweepResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The lessons document's table layout, one table per provider:
 * {@code | c | Path | tok/s | TTFT p50 | TTFT p95 | wall |}, plus a Variant column when the sweep has variants and,
 * whenever any cell had errors or cancellations (errors are never hidden), an errors column and the adjusted TTFT p95
 * (failed requests counted as infinitely slow, so errors cannot make a cell look fast). With repeats every figure is
 * {@code median (min–max)}.
 */
public final class SweepTables {
    private SweepTables() {}

    /** Provider ids in the order their first cell ran. */
    static List<String> providers(List<CellGroup> groups) {
        return groups.stream().map(g -> g.key().provider()).distinct().toList();
    }

    /** Groups of one provider, by concurrency and then in run order. */
    static List<CellGroup> ofProvider(List<CellGroup> groups, String provider) {
        return groups.stream().filter(g -> g.key().provider().equals(provider))
                .sorted(Comparator.comparingInt(g -> g.key().concurrency())).toList();
    }

    /** {@code **OpenAI (gpt-4.1-nano), simulated:**} */
    static String heading(SweepResult result, String provider) {
        String model = result.provenance().getOrDefault("model." + provider, result.provenance().get("model"));
        return "**" + Providers.display(provider) + (model == null || model.isBlank() ? "" : " (" + model + ")")
                + (result.simulated() ? ", simulated" : "") + ":**";
    }

    /** Every provider's heading and table, separated by blank lines. */
    public static String render(SweepResult result) {
        List<CellGroup> groups = CellGroup.of(result.cells());
        if (groups.isEmpty()) return "_No cells were measured._\n";
        StringBuilder sb = new StringBuilder();
        for (String p : providers(groups)) {
            sb.append(heading(result, p)).append("\n\n").append(table(ofProvider(groups, p), hasErrors(groups), hasVariants(groups))).append('\n');
        }
        return sb.toString();
    }

    static boolean hasErrors(List<CellGroup> groups) {
        return groups.stream().anyMatch(g -> g.errors() > 0 || g.cancelled() > 0);
    }

    static boolean hasVariants(List<CellGroup> groups) {
        return groups.stream().anyMatch(g -> !g.key().variant().isEmpty());
    }

    static String table(List<CellGroup> groups, boolean errorsColumn, boolean variantColumn) {
        List<String> header = new ArrayList<>(List.of("c", "Path"));
        if (variantColumn) header.add("Variant");
        header.addAll(List.of("tok/s", "TTFT p50", "TTFT p95", "wall"));
        if (errorsColumn) header.addAll(List.of("errors / 429", Figure.TTFT_P95_ADJUSTED.label()));
        MarkdownTable t = new MarkdownTable(header);
        for (CellGroup g : groups) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(g.key().concurrency()), pathLabel(g)));
            if (variantColumn) row.add(g.key().variant());
            for (Figure f : List.of(Figure.TOK_PER_SEC, Figure.TTFT_P50, Figure.TTFT_P95, Figure.WALL)) {
                row.add(g.spread(f).format(f::format));
            }
            if (errorsColumn) {
                row.add(errorsCell(g));
                row.add(g.spread(Figure.TTFT_P95_ADJUSTED).format(Figure.TTFT_P95_ADJUSTED::format));
            }
            t.row(row);
        }
        return t.render();
    }

    /** {@code ref+okhttp-h2}, like the lessons' {@code direct+h2}. */
    static String pathLabel(CellGroup g) {
        return g.key().transport().isEmpty() ? g.key().path() : g.key().path() + "+" + g.key().transport();
    }

    /** {@code 0}, or e.g. {@code 12/192: RATE_LIMITED 10, TIMEOUT 2; cancelled 3}. */
    static String errorsCell(CellGroup g) {
        if (g.errors() == 0 && g.cancelled() == 0) return "0";
        String kinds = g.errorsByKind().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String s = g.errors() + "/" + g.sent() + (kinds.isEmpty() ? "" : ": " + kinds);
        return g.cancelled() > 0 ? s + "; cancelled " + g.cancelled() : s;
    }

    /** How many samples stand behind the percentiles, and how repeats are shown. */
    static String notes(List<CellGroup> groups) {
        if (groups.isEmpty()) return "";
        long min = groups.stream().mapToLong(CellGroup::minTtftSamples).min().orElse(0);
        long max = groups.stream().flatMap(g -> g.runs().stream()).mapToLong(c -> c.latency(Metric.TTFT).count()).max().orElse(0);
        int repeats = groups.stream().mapToInt(CellGroup::repeats).max().orElse(1);
        StringBuilder sb = new StringBuilder("TTFT percentiles from " + (min == max ? String.valueOf(min) : min + "–" + max)
                + " ok requests per cell");
        if (min < 72) sb.append(" (fewer than 72 samples: p95 is a rough estimate; with fewer than 100, p99 is the maximum)");
        sb.append('.');
        if (repeats > 1) sb.append(" Figures are median (min–max) of up to ").append(repeats).append(" interleaved repeats.");
        else sb.append(" One run per cell: noise unknown (rerun with -Drepeats=3 for ranges).");
        return sb.append('\n').toString();
    }

    /** The harness measuring itself against the simulator's ground truth, over every cell that has it. */
    static String overheadLine(List<CellResult> cells) {
        List<Overhead> all = cells.stream().map(CellResult::overhead).filter(Objects::nonNull).toList();
        if (all.isEmpty()) return "Harness overhead: not measured (no ground truth from this target).\n";
        Spread p50 = Spread.of(all.stream().mapToDouble(Overhead::ttftOverheadP50Ms).toArray());
        Spread p99 = Spread.of(all.stream().mapToDouble(Overhead::ttftOverheadP99Ms).toArray());
        Spread eff = Spread.of(all.stream().mapToDouble(Overhead::wallEfficiency).toArray());
        return "Harness overhead vs the simulator's ground truth (" + all.size() + " cells): TTFT +" + Fmt.ms(p50.median())
                + " p50 (median over cells; worst " + Fmt.ms(p50.max()) + "), +" + Fmt.ms(p99.median()) + " p99 (worst "
                + Fmt.ms(p99.max()) + "); wall efficiency " + fmt2(eff.median()) + " (lowest " + fmt2(eff.min()) + ", 1.00 = no harness cost).\n";
    }

    private static String fmt2(double v) { return Fmt.finite(v) ? String.format(Locale.ROOT, "%.2f", v) : Fmt.MISSING; }

    /** Providers mapped to their groups, in run order. */
    static Map<String, List<CellGroup>> byProvider(List<CellGroup> groups) {
        Map<String, List<CellGroup>> m = new LinkedHashMap<>();
        for (String p : providers(groups)) m.put(p, ofProvider(groups, p));
        return m;
    }
}
