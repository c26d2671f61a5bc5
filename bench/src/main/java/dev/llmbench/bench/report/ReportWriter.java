package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.SweepResult;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.XYChart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders one sweep run into its report folder ({@code reports/<sweep>-<yyyyMMdd-HHmmss>/}, created by the runner,
 * which also wrote the cells' {@code .hlog} files there): {@code results.csv}, {@code results.json}, {@code table.md},
 * {@code throughput.png}, {@code ttft.png}, {@code cpu.png} (HTTP-stack sweeps) and one {@code latency-<cell>.png} per cell with a readable histogram log.
 * Every file is written under a temporary name and renamed into place.
 */
public final class ReportWriter {
    public static final String CSV = "results.csv";
    public static final String JSON = "results.json";
    public static final String TABLE = "table.md";
    public static final String THROUGHPUT_PNG = "throughput.png";
    public static final String TTFT_PNG = "ttft.png";
    /** Only for the sweeps that compare HTTP stacks ({@link SweepTables#showsResources}). */
    public static final String CPU_PNG = "cpu.png";
    /** Open-loop sweeps: TTFT and E2E p50/p95 against the achieved rate. */
    public static final String LATENCY_RATE_PNG = "latency-vs-rate.png";
    /** With an SLO: goodput against the achieved rate (open loop) or the concurrency. */
    public static final String GOODPUT_PNG = "goodput.png";

    private ReportWriter() {}

    public static Report write(SweepResult result, Path reportDir) throws IOException {
        Files.createDirectories(reportDir);
        List<Path> files = new ArrayList<>();
        List<Path> charts = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        files.add(write(reportDir.resolve(CSV), CsvReport.render(result)));
        files.add(write(reportDir.resolve(JSON), JsonReport.render(result)));

        chart(Charts.throughput(result), reportDir.resolve(THROUGHPUT_PNG), charts);
        chart(Charts.ttft(result), reportDir.resolve(TTFT_PNG), charts);
        chart(Charts.cpu(result), reportDir.resolve(CPU_PNG), charts);
        chart(Charts.latencyVsRate(result), reportDir.resolve(LATENCY_RATE_PNG), charts);
        chart(Charts.goodput(result), reportDir.resolve(GOODPUT_PNG), charts);
        // the faults sweep's cells are mostly failures by design: a percentile chart each says nothing (and weighs MBs)
        if (!result.sweep().equals("faults")) for (CellResult cell : result.cells()) distribution(cell, reportDir, charts, notes);
        files.addAll(charts);

        files.add(write(reportDir.resolve(TABLE), tableMd(result, charts, notes, reportDir)));
        return new Report(reportDir, files, charts, notes);
    }

    /**
     * What the runner calls once per sweep run (and once per lessons table): writes the report folder, then replaces
     * (or appends) the sweep's section of RESULTS.md, which links the charts just drawn.
     *
     * @param command the command line that ran the sweep, shown in RESULTS.md; null for the default
     */
    public static Report publish(SweepResult result, Path reportDir, Path resultsMd, String command) throws IOException {
        Report report = write(result, reportDir);
        if (resultsMd != null) ResultsMarkdown.update(resultsMd, result, reportDir, command);
        return report;
    }

    private static Path write(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
        return file;
    }

    private static void chart(Optional<XYChart> chart, Path file, List<Path> charts) throws IOException {
        if (chart.isEmpty()) return;
        AtomicFiles.write(file, Charts.png(chart.get()));
        charts.add(file);
    }

    /** The cell's percentile chart, or a note saying why there is none; never fails the report. */
    private static void distribution(CellResult cell, Path reportDir, List<Path> charts, List<String> notes) throws IOException {
        String slug = cell.key().slug();
        if (cell.hlogFile() == null || cell.hlogFile().isBlank()) {
            notes.add(slug + ": no histogram log recorded, no percentile chart");
            return;
        }
        Map<String, Histogram> byTag;
        try {
            byTag = HlogDistribution.read(reportDir.resolve(cell.hlogFile()));
        } catch (IOException e) {
            notes.add(slug + ": " + e.getMessage() + ", no percentile chart");
            return;
        }
        Optional<XYChart> chart = Charts.distribution(cell, byTag);
        if (chart.isEmpty()) notes.add(slug + ": histogram log holds no latency samples, no percentile chart");
        chart(chart, reportDir.resolve("latency-" + slug + ".png"), charts);
    }

    static String tableMd(SweepResult result, List<Path> charts, List<String> notes, Path reportDir) {
        StringBuilder sb = new StringBuilder("# ").append(result.title()).append(result.simulated() ? " (simulated)" : "").append("\n\n");
        sb.append("Sweep `").append(result.sweep()).append("`, ").append(result.cells().size()).append(" cells")
                .append(result.simulated() ? ", target: **simulated** (provider simulator — not real provider numbers)" : "")
                .append(". Raw numbers: [").append(CSV).append("](").append(CSV).append("), [").append(JSON).append("](").append(JSON).append(").\n\n");
        for (Path c : charts) {
            String name = c.getFileName().toString();
            if (name.equals(THROUGHPUT_PNG) || name.equals(TTFT_PNG) || name.equals(CPU_PNG)) sb.append("![").append(name).append("](").append(name).append(")\n");
        }
        if (java.nio.file.Files.exists(reportDir.resolve(WindowReport.PNG))) {
            sb.append("![").append(WindowReport.PNG).append("](").append(WindowReport.PNG).append(")\n\nClient window over time: [")
                    .append(WindowReport.CSV).append("](").append(WindowReport.CSV).append("), [").append(WindowReport.JSON)
                    .append("](").append(WindowReport.JSON).append(").\n");
        }
        sb.append('\n').append(LessonsTables.render(result)).append('\n');
        List<String> distributions = charts.stream().map(c -> c.getFileName().toString()).filter(n -> n.startsWith("latency-")).toList();
        if (!distributions.isEmpty()) {
            sb.append("Latency percentile distributions: ");
            sb.append(String.join(", ", distributions.stream().map(n -> "[" + n.substring(8, n.length() - 4) + "](" + n + ")").toList()));
            sb.append(".\n\n");
        }
        if (!notes.isEmpty()) {
            sb.append("Not drawn:\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
            sb.append('\n');
        }
        if (!result.provenance().isEmpty()) {
            MarkdownTable t = new MarkdownTable(List.of("Provenance", "Value"));
            new TreeMap<>(result.provenance()).forEach((k, v) -> t.row(List.of(k, v)));
            sb.append(t.render());
        }
        return sb.toString();
    }
}
