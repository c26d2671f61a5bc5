package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Overhead;
import dev.llmbench.bench.model.Percentiles;
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

    /** Open-loop cells (rate sweeps): what was offered and what the target took, first. */
    static final List<Figure> OPEN_LOOP = List.of(Figure.OFFERED_RATE, Figure.ACHIEVED_RATE);
    /** Open-loop cells: latencies from the intended start (the submit) and the driver's dispatch lag. */
    static final List<Figure> FROM_INTENDED = List.of(Figure.TTFT_SUBMIT_P95, Figure.E2E_SUBMIT_P50, Figure.E2E_SUBMIT_P95,
            Figure.DISPATCH_LAG_P95);
    /** With -Dslo: attainment and goodput. */
    static final List<Figure> SLO = List.of(Figure.SLO_ATTAINMENT, Figure.GOODPUT);

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
                    showsResources(result.sweep()), hasWaiting(groups))).append('\n');
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
        return table(groups, errorsColumn, variantColumn, resources, hasWaiting(groups));
    }

    /** Whether any group waited inside the client: every table of the sweep then shows the from-submit columns. */
    static boolean hasWaiting(List<CellGroup> groups) {
        return groups.stream().anyMatch(SweepTables::waitsInClient);
    }

    static String table(List<CellGroup> groups, boolean errorsColumn, boolean variantColumn, boolean resources, boolean waiting) {
        List<String> header = new ArrayList<>(List.of("c", "Path"));
        if (variantColumn) header.add("Variant");
        boolean open = groups.stream().anyMatch(g -> g.runs().stream().anyMatch(c -> c.measured().openLoop()));
        boolean slo = groups.stream().anyMatch(g -> g.runs().stream().anyMatch(c -> c.measured().slo() != null));
        if (open) OPEN_LOOP.forEach(f -> header.add(f.label()));
        header.addAll(List.of("tok/s", "batch tok/s", "rate/Little", "TTFT p50", "TTFT p95"));
        if (waiting) header.addAll(List.of(Figure.TTFT_SUBMIT_P50.label(), Figure.QUEUE_P95.label()));
        if (open) FROM_INTENDED.forEach(f -> header.add(f.label()));
        if (slo) SLO.forEach(f -> header.add(f.label()));
        header.addAll(List.of("n", "wall", "cost", "$/1M out"));
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
            if (open) OPEN_LOOP.forEach(f -> row.add(g.spread(f).format(f::format)));
            List<Figure> figures = new ArrayList<>(List.of(Figure.TOK_PER_SEC, Figure.BATCH_TOK_PER_SEC, Figure.LITTLE_RATIO,
                    Figure.TTFT_P50, Figure.TTFT_P95));
            if (waiting) figures.addAll(List.of(Figure.TTFT_SUBMIT_P50, Figure.QUEUE_P95));
            if (open) figures.addAll(FROM_INTENDED);
            if (slo) figures.addAll(SLO);
            for (Figure f : figures) {
                String cell = g.spread(f).format(f::format);
                row.add((f == Figure.TOK_PER_SEC || f == Figure.BATCH_TOK_PER_SEC) && g.estimatedUsage() > 0 ? cell + " " + ESTIMATED : cell);
            }
            row.add(String.valueOf(g.minTtftSamples()));
            for (Figure f : List.of(Figure.WALL, Figure.COST, Figure.COST_PER_M_OUTPUT)) row.add(g.spread(f).format(f::format));
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

    /**
     * Whether requests of {@code g} waited inside the client (a queue p95 of 1 ms or more: permits, windows, earlier
     * attempts, backoff): then the table adds TTFT from the caller's submit and the queue time next to the from-send
     * figures.
     */
    static boolean waitsInClient(CellGroup g) {
        return g.runs().stream().anyMatch(c -> c.latency(Metric.QUEUE).p95() >= 1.0);
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
        return "CPU ms/1k tok = harness JVM CPU time (OperatingSystemMXBean.getProcessCpuTime) in the steady window (after the"
                + " cell's warm-up and its first wave, so JIT and class loading of the cell's start are outside it) per "
                + "1,000 output tokens (the whole phase, cold start included, is cpu_phase_ms_per_1k_tokens in results.csv); peak threads = ThreadMXBean peak live threads over it"
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
        sb.append(" tok/s and req/s are steady-state rates (completions between the c-th and the (n−c)-th, with c in flight);"
                + " batch tok/s is the lessons' figure (the first 64 requests over their wall); rate/Little = tok/s over c × mean"
                + " output tokens / mean E2E from submit.");
        List<String> noWindow = groups.stream().filter(g -> g.ok() > 0 && g.runs().stream().noneMatch(c -> c.measured().steady().present()))
                .map(g -> Providers.display(g.key().provider()) + " c=" + g.key().concurrency() + " " + pathLabel(g)
                        + (g.key().variant().isEmpty() ? "" : " " + g.key().variant()))
                .toList();
        List<String> stopped = groups.stream().flatMap(g -> g.runs().stream()).filter(c -> c.measured().stoppedEarly() != null)
                .map(c -> Providers.display(c.key().provider()) + " " + (c.key().variant().isEmpty() ? "c=" + c.key().concurrency() : c.key().variant())
                        + " (" + c.outcomes().sent() + " sent): " + c.measured().stoppedEarly())
                .toList();
        if (!stopped.isEmpty()) sb.append(" Stopped early: ").append(String.join("; ", stopped)).append('.');
        groups.stream().flatMap(g -> g.runs().stream()).map(c -> c.measured().slo()).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(slo -> sb.append(" SLO ").append(slo).append(": SLO met = share of sent requests that completed within every"
                        + " threshold (TTFT and E2E from the caller's submit; failures and cancels miss it); goodput = those per"
                        + " second in the steady window."));
        if (!noWindow.isEmpty()) {
            sb.append(" No steady window (tok/s –) for ").append(String.join("; ", noWindow))
                    .append(": n ≤ 2c, or fewer than half the window's completions were ok (429s returned at once are no load held).");
        }
        return sb.append('\n').toString();
    }

    /**
     * The harness measuring itself against the simulator's ground truth, over every cell that has it: TTFT, ITL and
     * TPOT differences with the samples they rest on (a p99 from fewer than {@value Overhead#P99_MIN_SAMPLES} samples
     * is only the largest value and is said so), wall efficiency, and where the c=64 and c=1024 cells stand against
     * the targets.
     */
    static String overheadLine(List<CellResult> cells) {
        List<CellResult> measured = cells.stream().filter(c -> c.measured().overhead() != null).toList();
        if (measured.isEmpty()) return "Harness overhead: not measured (no ground truth from this target).\n";
        List<Overhead> all = measured.stream().map(c -> c.measured().overhead()).toList();
        long samples = all.stream().mapToLong(o -> o.ttft().count()).sum();
        Spread p50 = Spread.of(all.stream().mapToDouble(o -> o.ttft().p50()).toArray());
        double[] validP99 = all.stream().filter(o -> Overhead.p99Valid(o.ttft())).mapToDouble(o -> o.ttft().p99()).toArray();
        long few = all.size() - validP99.length;
        StringBuilder sb = new StringBuilder("Harness overhead vs the simulator's ground truth (" + all.size() + " cells, "
                + samples + " requests): TTFT +" + Fmt.ms(p50.median()) + " p50 (median over cells; worst " + Fmt.ms(p50.max()) + ")");
        if (validP99.length > 0) {
            Spread p99 = Spread.of(validP99);
            sb.append(", +").append(Fmt.ms(p99.median())).append(" p99 (median over the ").append(validP99.length)
                    .append(" cells with at least ").append(Overhead.P99_MIN_SAMPLES).append(" samples; worst ").append(Fmt.ms(p99.max())).append(")");
        }
        if (few > 0) sb.append("; ").append(few).append(" cells had fewer than ").append(Overhead.P99_MIN_SAMPLES).append(" samples (no p99)");
        sb.append("; ITL |diff| ").append(medianOf(all, Overhead::itl)).append(", TPOT |diff| ").append(medianOf(all, Overhead::tpot));
        if (all.stream().anyMatch(o -> o.request() != null && o.request().count() > 0)) {
            sb.append("; of the TTFT overhead, request leg (send → server receipt) ").append(medianOf(all, Overhead::request))
                    .append(", response leg (server's first-token write → client) ").append(medianOf(all, Overhead::response));
        }
        double[] eff = all.stream().mapToDouble(Overhead::wallEfficiency).filter(Fmt::finite).toArray();
        if (eff.length > 0) {
            Spread e = Spread.of(eff);
            sb.append("; wall efficiency ").append(fmt2(e.median())).append(" (lowest ").append(fmt2(e.min())).append(", 1.00 = no harness cost)");
        }
        sb.append(".");
        target(sb, measured, 64, Overhead.TARGET_P50_MS, Overhead.TARGET_P99_MS);
        target(sb, measured, 1024, Double.NaN, Overhead.TARGET_P99_MS_C1024);
        return sb.append('\n').toString();
    }

    /** The median over cells of an overhead's p50, "p50 x ms" with the samples behind it, or "not measured". */
    private static String medianOf(List<Overhead> all, java.util.function.Function<Overhead, Percentiles> which) {
        double[] v = all.stream().map(which).filter(p -> p != null && p.count() > 0).mapToDouble(Percentiles::p50).toArray();
        long n = all.stream().map(which).filter(Objects::nonNull).mapToLong(Percentiles::count).sum();
        return v.length == 0 ? "not measured" : "p50 " + Fmt.ms(Spread.of(v).median()) + " (" + n + " samples)";
    }

    /** Where the cells at {@code concurrency} stand against a target (NaN p50: none set). */
    private static void target(StringBuilder sb, List<CellResult> cells, int concurrency, double p50Target, double p99Target) {
        List<Overhead> at = cells.stream().filter(c -> c.key().concurrency() == concurrency).map(c -> c.measured().overhead()).toList();
        if (at.isEmpty()) return;
        double p50 = Spread.of(at.stream().mapToDouble(o -> o.ttft().p50()).toArray()).median();
        double[] p99s = at.stream().filter(o -> Overhead.p99Valid(o.ttft())).mapToDouble(o -> o.ttft().p99()).toArray();
        double p99 = p99s.length == 0 ? Double.NaN : Spread.of(p99s).median();
        sb.append(" Target at c=").append(concurrency).append(": ");
        if (!Double.isNaN(p50Target)) sb.append("p50 <= ").append(Fmt.ms(p50Target)).append(", ");
        sb.append("p99 <= ").append(Fmt.ms(p99Target)).append("; here ");
        if (!Double.isNaN(p50Target)) sb.append("p50 ").append(Fmt.ms(p50)).append(", ");
        sb.append("p99 ").append(p99s.length == 0 ? "unknown (fewer than " + Overhead.P99_MIN_SAMPLES + " samples)" : Fmt.ms(p99));
        boolean met = (Double.isNaN(p50Target) || p50 <= p50Target) && p99s.length > 0 && p99 <= p99Target;
        sb.append(met ? " (met)." : " (not met).");
    }

    private static String fmt2(double v) { return Fmt.finite(v) ? String.format(Locale.ROOT, "%.2f", v) : Fmt.MISSING; }

    /** Providers mapped to their groups, in run order. */
    static Map<String, List<CellGroup>> byProvider(List<CellGroup> groups) {
        Map<String, List<CellGroup>> m = new LinkedHashMap<>();
        for (String p : providers(groups)) m.put(p, ofProvider(groups, p));
        return m;
    }
}
