package dev.llmbench.bench.run;

import dev.llmbench.bench.cli.Preflight;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.sweep.Provenance;
import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.load.LeakCheck;
import dev.llmbench.bench.load.LoadDriver;
import dev.llmbench.bench.load.LoadPlan;
import dev.llmbench.bench.load.Progress;
import dev.llmbench.bench.load.RequestLog;
import dev.llmbench.bench.load.SoakDriver;
import dev.llmbench.bench.path.Guard;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.path.SessionSpec;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.sweep.CellLoad;
import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Target;
import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Leaks;
import dev.llmbench.bench.model.SweepResult;
import dev.llmbench.bench.model.WindowSample;
import dev.llmbench.bench.report.ConsoleTable;
import dev.llmbench.bench.report.Report;
import dev.llmbench.bench.report.RequestsJsonl;
import dev.llmbench.bench.report.ReportWriter;
import dev.llmbench.bench.report.WindowReport;
import dev.llmbench.client.ModelRouter;
import dev.llmbench.client.Usage;
import dev.llmbench.client.pricing.Prices;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sections of a sweep: every cell of a section, repeat-major (A B A B ...) so that repeats of a comparison
 * are interleaved over time; writes each cell's {@code .hlog} and {@code .requests.jsonl} (its per-request records,
 * {@link RequestLog}) into the section's report folder, then hands the
 * {@link SweepResult} to the reports ({@link ReportWriter#publish}) and prints its table.
 */
public final class SweepRunner {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final long CELL_TIMEOUT_SECONDS = 15 * 60;
    /** Auto warm-up of an open-loop cell. */
    static final int OPEN_LOOP_WARMUP = 8;

    private final SweepOptions options;
    private final Map<String, String> sweepNotes;
    private final Target target;
    private final Path repoRoot;
    private final PrintStream out;
    /** The price list ({@code -Dprices}, $LLMBENCH_PRICES or prices.csv at the repository root), or null: costs unknown. */
    private final Prices prices;

    public SweepRunner(SweepOptions options, Target target, Path repoRoot, PrintStream out) {
        this(options, target, repoRoot, out, Map.of());
    }

    /** @param sweepNotes lines the sweep adds to every result's provenance */
    public SweepRunner(SweepOptions options, Target target, Path repoRoot, PrintStream out, Map<String, String> sweepNotes) {
        this.options = options;
        this.sweepNotes = Map.copyOf(sweepNotes);
        this.target = target;
        this.repoRoot = repoRoot;
        this.out = out;
        this.prices = loadPrices(options, repoRoot, out);
    }

    private static Prices loadPrices(SweepOptions options, Path repoRoot, PrintStream out) {
        Path file = Preflight.pricesPath(options, repoRoot, System.getenv());
        if (!Files.isRegularFile(file)) return null;
        try {
            return Prices.load(file);
        } catch (RuntimeException e) {
            out.println("prices not loaded, costs unknown: " + e.getMessage());
            return null;
        }
    }

    /** One published section. */
    public record Published(SweepResult result, Report report) {}

    /**
     * Requests the sections will send, warm-up included; for a timed run ({@code -Dduration}) the planned measured
     * seconds instead, which is what the progress line then counts. A planned section counts its most cells.
     */
    public long totalRequests(List<SweepSection> sections) {
        long total = 0;
        for (SweepSection s : sections) {
            if (s.planner() != null) {
                total += s.planner().maxCells() * s.planner().unitsPerCell(options);
                continue;
            }
            for (CellSpec c : s.cells()) total += (long) options.repeats() * units(s, c);
        }
        return total;
    }

    /**
     * Whether the progress counts planned seconds: a timed run ({@code -Dduration}), or a planned section whose cells
     * are timed by default (the rate sweep, the capacity search) without {@code -Dn}.
     */
    public boolean timed(List<SweepSection> sections) {
        return options.durationNanos() > 0 || (!options.given(Options.N) && sections.stream().anyMatch(s -> s.planner() != null));
    }

    /** What a cell adds to the progress, from the plan it runs with: its planned seconds if timed, else its requests and warm-up. */
    private long units(SweepSection s, CellSpec c) {
        LoadPlan p = plan(c, s, 0);
        return p.timed() ? Math.max(1, TimeUnit.NANOSECONDS.toSeconds(p.durationNanos())) : p.requests() + p.warmup();
    }

    public List<Published> run(List<SweepSection> sections, Progress progress) throws IOException, InterruptedException {
        long total = totalRequests(sections);
        LoadDriver driver = new LoadDriver(progress, CELL_TIMEOUT_SECONDS);
        List<Published> published = new ArrayList<>();
        long done = 0;
        for (SweepSection section : sections) {
            Path dir = reportDir(section.name());
            List<CellResult> cells = new ArrayList<>();
            Map<String, List<WindowSample>> windows = new LinkedHashMap<>();
            List<CellSpec> ran = new ArrayList<>();
            if (section.planner() != null) {
                for (Optional<CellSpec> next; (next = section.planner().next(List.copyOf(cells))).isPresent(); ) {
                    CellSpec spec = next.get();
                    cells.add(runCell(driver, spec, 0, section, dir, windows));
                    ran.add(spec);
                    done += units(section, spec);
                    total = Math.max(total, done);
                    progress.cellDone(section.name() + " " + spec.keyOfRepeat(0).slug(), done, total);
                }
            } else {
                for (int repeat = 0; repeat < options.repeats(); repeat++) {
                    for (CellSpec spec : section.cells()) {
                        cells.add(runCell(driver, spec, repeat, section, dir, windows));
                        done += units(section, spec);
                        progress.cellDone(section.name() + " " + spec.keyOfRepeat(repeat).slug(), done, total);
                    }
                }
                ran.addAll(section.cells());
            }
            Map<String, String> models = new LinkedHashMap<>();
            for (CellSpec c : ran) models.putIfAbsent(c.key().provider(), c.endpoint().model());
            Map<String, String> provenance = new LinkedHashMap<>(Provenance.of(options, target, repoRoot, models, sweepNotes, ran));
            provenance.put("requests per cell", options.durationNanos() > 0
                    ? "timed: " + options.text(Options.DURATION) + " per cell" + (options.given(Options.N) && options.n() != null ? ", at most " + options.n() : "")
                    : ran.stream().map(c -> "c=" + c.key().concurrency() + ": " + requestsOf(section, c))
                            .distinct().collect(java.util.stream.Collectors.joining(", ")));
            Map<String, String> conclusions = section.planner() == null ? Map.of() : section.planner().conclusions(cells);
            conclusions.forEach((k, v) -> out.println(k + ": " + v));
            SweepResult result = new SweepResult(section.name(), section.title(), provenance, target.simulated(), cells, conclusions);
            if (!windows.isEmpty()) WindowReport.write(dir, section.title(), target.simulated(), windows);
            Report report = ReportWriter.publish(result, dir, options.resultsFile(repoRoot), options.commandLine());
            published.add(new Published(result, report));
        }
        return published;
    }

    /** A cell's measured requests as the provenance says them, from the plan it ran with: a count, or its duration. */
    private String requestsOf(SweepSection section, CellSpec c) {
        LoadPlan p = plan(c, section, 0);
        return p.timed() ? "timed " + TimeUnit.NANOSECONDS.toMillis(p.durationNanos()) / 1000.0 + " s" : Integer.toString(p.requests());
    }

    /** Prints a published section's table and where its report is. */
    public void print(Published p) {
        out.println();
        out.println(ConsoleTable.render(p.result()));
        out.println("Report: " + p.report().dir().toAbsolutePath());
        if (!options.updatesResults()) {
            out.println(options.results() + " not updated: this run's options differ from its section's command"
                    + " (add -Dresults=" + options.results() + " to replace the section anyway)");
        }
    }

    private CellResult runCell(LoadDriver driver, CellSpec spec, int repeat, SweepSection section, Path dir,
                               Map<String, List<WindowSample>> windows) throws IOException, InterruptedException {
        CellKey key = spec.keyOfRepeat(repeat);
        LoadPlan plan = plan(spec, section, repeat);
        String hlog = key.slug() + ".hlog";
        String requestsFile = RequestsJsonl.fileName(key.slug());
        LeakCheck leakCheck = spec.guard() == null ? null : LeakCheck.start();
        CellMeasurement m;
        // ids unique within the run: a cell's slug is unique within its section, a section's name within the run
        try (RequestLog log = RequestLog.open(dir.resolve(requestsFile), section.name() + ":" + key.slug())) {
            m = measure(driver, spec, repeat, plan, dir.resolve(hlog), log, key, windows);
        } // closed (its writer thread joined) before the leak check looks for threads left behind
        Leaks leaks = leakCheck == null ? null : leakCheck.finish();
        Usage usage = new Usage(m.tokens().input(), m.tokens().cachedInput(), m.tokens().output(), m.tokens().reasoning(), true);
        double cost = prices == null ? Double.NaN : prices.cost(spec.endpoint().wireProvider(),
                ModelRouter.providerModel(spec.endpoint().model()), usage).totalUsd();
        if (m.stoppedEarly() != null) out.println(key.slug() + ": stopped early, " + m.stoppedEarly());
        return CellResult.of(key, m, Double.isNaN(cost) ? null : cost, hlog, leaks, requestsFile);
    }

    /**
     * The cell's load: the sweep's own choice ({@link CellSpec#load()}) where it made one, else the options: {@code
     * -Dduration} (with {@code -Dn} as a cap when given) or the section's count, {@code -Drate}, {@code -Dslo}.
     */
    LoadPlan plan(CellSpec spec, SweepSection section, int repeat) {
        int c = spec.key().concurrency();
        CellLoad load = spec.load();
        long duration = load.durationNanos() != null ? load.durationNanos() : options.durationNanos();
        int n;
        if (load.requests() != null) n = load.requests();
        else if (duration > 0) n = options.given(Options.N) && options.n() != null ? options.n() : 0;
        else n = section.requestsPerCell(options, c);
        Double rate = load.closedLoop() ? null : load.rate() != null ? load.rate() : options.rate();
        // an open-loop cell's concurrency is only a cap (the rate sweep's is 4x the throughput probe's): a wave of it
        // would be a burst no rate point sends, so its auto warm-up is a few requests
        int warmup = options.warmup() != null ? options.warmup() : rate != null ? Math.min(c, OPEN_LOOP_WARMUP) : c;
        return new LoadPlan(n, warmup, c, rate, options.seed() + repeat, duration, options.slo(), load.stopSaturated());
    }

    /**
     * Opens the cell's session, drives it and closes it. Its own method so that nothing of the closed client stays
     * reachable from the caller's frame while the leak check waits for it to be collected.
     */
    private CellMeasurement measure(LoadDriver driver, CellSpec spec, int repeat, LoadPlan plan, Path hlog, RequestLog log,
                                    CellKey key, Map<String, List<WindowSample>> windows)
            throws IOException, InterruptedException {
        Guard guard = spec.guard();
        int c = plan.concurrency();
        try (PathSession session = spec.path().open(new SessionSpec(spec.endpoint(), spec.transport(), c, spec.clientPerRequest(), guard))) {
            CellMeasurement m = guard != null && guard.soak() != null
                    ? new SoakDriver().run(session, spec.requests().apply(repeat), c, plan.warmup(), guard, hlog, log)
                    : driver.run(session, spec.requests().apply(repeat), plan, hlog, log);
            List<WindowSample> window = session.window();
            if (!window.isEmpty()) windows.put(key.slug(), window);
            return m;
        }
    }

    /** {@code <reports>/<sweep>-<yyyyMMdd-HHmmss>}, made unique if a run in the same second already took it. */
    private Path reportDir(String sweep) throws IOException {
        Path reports = repoRoot.resolve(options.reports());
        String base = sweep + "-" + LocalDateTime.now().format(STAMP);
        Path dir = reports.resolve(base);
        for (int i = 2; Files.exists(dir); i++) dir = reports.resolve(base + "-" + i);
        Files.createDirectories(dir);
        return dir;
    }
}
