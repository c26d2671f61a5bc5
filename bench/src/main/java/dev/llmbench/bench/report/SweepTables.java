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
 * (failed requests counted as infinitely slow, so errors cannot make a cell look fast). Sweeps that compare HTTP
 * stacks ({@code path}, {@code transport}, {@code lessons-path}) add the client's cost — CPU ms per 1,000 output tokens
 * and peak threads — and the HTTP version the responses came over. With repeats every figure is
 * {@code median (min–max)}. A tok/s marked {@value #ESTIMATED} counts some requests' output tokens from content events
 * because the library exposed no usage (see {@link #notes}).
 */
public final class SweepTables {
    /** Marks a throughput whose output tokens were in part estimated rather than reported. */
    static final String ESTIMATED = "†";
    /** The client-cost figures of the HTTP-stack sweeps, after the lessons' columns. */
    static final List<Figure> RESOURCES = List.of(Figure.CPU_PER_1K_TOKENS, Figure.PEAK_THREADS);

    private SweepTables() {}

    /** True for the sweeps that compare HTTP stacks, whose tables show CPU, threads and HTTP version. */
    public static boolean showsResources(String sweep) {
        return sweep.equals("path") || sweep.equals("transport") || sweep.endsWith("-path") || sweep.endsWith("-transport");
    }

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
            sb.append(heading(result, p)).append("\n\n").append(table(ofProvider(groups, p), hasErrors(groups), hasVariants(groups),
                    showsResources(result.sweep()))).append('\n');
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
        return table(groups, errorsColumn, variantColumn, false);
    }

    static String table(List<CellGroup> groups, boolean errorsColumn, boolean variantColumn, boolean resources) {
        List<String> header = new ArrayList<>(List.of("c", "Path"));
        if (variantColumn) header.add("Variant");
        header.addAll(List.of("tok/s", "TTFT p50", "TTFT p95", "wall", "cost", "$/1M out"));
        if (errorsColumn) header.addAll(List.of("errors / 429", Figure.TTFT_P95_ADJUSTED.label()));
        boolean retriesColumn = groups.stream().anyMatch(g -> g.retries() > 0);
        if (retriesColumn) header.add("retries");
        if (resources) {
            RESOURCES.forEach(f -> header.add(f.label()));
            header.add("HTTP");
        }
        MarkdownTable t = new MarkdownTable(header);
        for (CellGroup g : groups) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(g.key().concurrency()), pathLabel(g)));
            if (variantColumn) row.add(g.key().variant());
            for (Figure f : List.of(Figure.TOK_PER_SEC, Figure.TTFT_P50, Figure.TTFT_P95, Figure.WALL, Figure.COST, Figure.COST_PER_M_OUTPUT)) {
                String cell = g.spread(f).format(f::format);
                row.add(f == Figure.TOK_PER_SEC && g.estimatedUsage() > 0 ? cell + " " + ESTIMATED : cell);
            }
            if (errorsColumn) {
                row.add(errorsCell(g));
                row.add(g.spread(Figure.TTFT_P95_ADJUSTED).format(Figure.TTFT_P95_ADJUSTED::format));
            }
            if (retriesColumn) row.add(String.valueOf(g.retries()));
            if (resources) {
                RESOURCES.forEach(f -> row.add(g.spread(f).format(f::format)));
                row.add(g.protocols().isEmpty() ? Fmt.MISSING : Fmt.counts(g.protocols()));
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

    /**
     * What the CPU, thread and HTTP columns mean, for the sweeps that show them; "" otherwise. CPU and threads are the
     * whole harness JVM's (driver included, the same for every path), so differences between rows are the clients'.
     */
    static String resourcesNote(SweepResult result) {
        if (!showsResources(result.sweep())) return "";
        boolean inProcess = "in process".equals(result.provenance().get("simulator"));
        return "CPU ms/1k tok = harness JVM CPU time (OperatingSystemMXBean.getProcessCpuTime) over the measured phase per "
                + "1,000 output tokens; peak threads = ThreadMXBean peak live threads over it"
                + (result.simulated() ? (inProcess ? " (simulator in process: both include it)" : " (simulator forked: not included)") : "")
                + ". HTTP = the version the responses came over as the client saw it (unknown: the library hides it).\n";
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
        List<String> estimated = groups.stream().filter(g -> g.estimatedUsage() > 0)
                .map(g -> Providers.display(g.key().provider()) + " c=" + g.key().concurrency() + " " + pathLabel(g)
                        + (g.key().variant().isEmpty() ? "" : " " + g.key().variant()) + ": " + g.estimatedUsage() + " of " + g.ok())
                .toList();
        if (!estimated.isEmpty()) {
            sb.append(' ').append(ESTIMATED).append(" Output tokens estimated (content events counted, the library exposed no usage) for ")
                    .append(String.join("; ", estimated)).append(" ok requests.");
        }
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
