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

/**
 * Runs the sections of a sweep: every cell of a section, repeat-major (A B A B ...) so that repeats of a comparison
 * are interleaved over time; writes each cell's {@code .hlog} and {@code .requests.jsonl} (its per-request records,
 * {@link RequestLog}) into the section's report folder, then hands the
 * {@link SweepResult} to the reports ({@link ReportWriter#publish}) and prints its table.
 */
public final class SweepRunner {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final long CELL_TIMEOUT_SECONDS = 15 * 60;

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

    /** Requests the sections will send, warm-up included. */
    public long totalRequests(List<SweepSection> sections) {
        long total = 0;
        for (SweepSection s : sections) {
            for (CellSpec c : s.cells()) total += (long) options.repeats() * (s.requestsPerCell(options, c.key().concurrency()) + options.warmupFor(c.key().concurrency()));
        }
        return total;
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
            for (int repeat = 0; repeat < options.repeats(); repeat++) {
                for (CellSpec spec : section.cells()) {
                    int n = section.requestsPerCell(options, spec.key().concurrency());
                    cells.add(runCell(driver, section.name(), spec, repeat, n, dir, windows));
                    done += n + options.warmupFor(spec.key().concurrency());
                    progress.cellDone(section.name() + " " + spec.keyOfRepeat(repeat).slug(), done, total);
                }
            }
            Map<String, String> models = new LinkedHashMap<>();
            for (CellSpec c : section.cells()) models.putIfAbsent(c.key().provider(), c.endpoint().model());
            Map<String, String> provenance = new LinkedHashMap<>(Provenance.of(options, target, repoRoot, models, sweepNotes));
            provenance.put("requests per cell", section.cells().stream()
                    .map(c -> "c=" + c.key().concurrency() + ": " + section.requestsPerCell(options, c.key().concurrency()))
                    .distinct().collect(java.util.stream.Collectors.joining(", ")));
            SweepResult result = new SweepResult(section.name(), section.title(), provenance, target.simulated(), cells);
            if (!windows.isEmpty()) WindowReport.write(dir, section.title(), target.simulated(), windows);
            Report report = ReportWriter.publish(result, dir, options.resultsFile(repoRoot), options.commandLine());
            published.add(new Published(result, report));
        }
        return published;
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

    private CellResult runCell(LoadDriver driver, String section, CellSpec spec, int repeat, int n, Path dir,
                               Map<String, List<WindowSample>> windows) throws IOException, InterruptedException {
        CellKey key = spec.keyOfRepeat(repeat);
        int c = key.concurrency();
        LoadPlan plan = new LoadPlan(n, options.warmupFor(c), c, options.rate(), options.seed() + repeat);
        String hlog = key.slug() + ".hlog";
        String requestsFile = RequestsJsonl.fileName(key.slug());
        LeakCheck leakCheck = spec.guard() == null ? null : LeakCheck.start();
        CellMeasurement m;
        // ids unique within the run: a cell's slug is unique within its section, a section's name within the run
        try (RequestLog log = RequestLog.open(dir.resolve(requestsFile), section + ":" + key.slug())) {
            m = measure(driver, spec, repeat, plan, dir.resolve(hlog), log, key, windows);
        } // closed (its writer thread joined) before the leak check looks for threads left behind
        Leaks leaks = leakCheck == null ? null : leakCheck.finish();
        Usage usage = new Usage(m.tokens().input(), m.tokens().cachedInput(), m.tokens().output(), m.tokens().reasoning(), true);
        double cost = prices == null ? Double.NaN : prices.cost(spec.endpoint().wireProvider(),
                ModelRouter.providerModel(spec.endpoint().model()), usage).totalUsd();
        return CellResult.of(key, m, Double.isNaN(cost) ? null : cost, hlog, leaks, requestsFile);
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
