package dev.llmbench.bench.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code -Dsweep=jmh}: renders JMH JSON results (from {@code java -jar bench/target/benchmarks.jar ... -rf json}) into
 * the results folder: {@code table.md} (one table per benchmark class: parameters, score ± 99.9% error, unit, and the
 * secondary metrics: @AuxCounters and {@code -prof gc}'s bytes per operation), one bar chart per class
 * ({@code <Class>.png}, plus {@code <Class>-chunks.png} where a {@code chunks} counter exists), and the {@code jmh}
 * section of RESULTS.md with the client's performance targets ({@code targets}) checked against the numbers. A
 * {@code notes.md} in the results folder (machine load, command lines) is copied into the section as it is. Nothing
 * is run.
 */
public final class JmhReport {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** The RESULTS.md section id. */
    public static final String SECTION = "jmh";
    /** Where the README's run commands write, relative to the repository root. */
    public static final String DEFAULT_RESULTS = "reports/jmh";
    static final String NOTES = "notes.md";
    /** Secondary metrics worth a column: the AuxCounters, and the normalised allocation of -prof gc. */
    private static final Predicate<String> SHOWN = name -> !name.startsWith("gc.") || name.equals("gc.alloc.rate.norm");

    private JmhReport() {}

    /** What was written. */
    public record Rendered(Path dir, List<Path> files, String section) {}

    /**
     * Renders the results at {@code results} (a JMH JSON file, or a folder of them) next to them, and replaces the
     * {@value #SECTION} section of {@code resultsMd}.
     *
     * @param command the command shown in the section
     */
    public static Rendered render(Path results, Path resultsMd, String command) throws IOException {
        List<JmhResults.Row> rows = JmhResults.read(results);
        Path dir = Files.isDirectory(results) ? results : results.toAbsolutePath().getParent();
        Map<String, List<JmhResults.Row>> byClass = new LinkedHashMap<>();
        for (JmhResults.Row r : rows) byClass.computeIfAbsent(r.className(), k -> new ArrayList<>()).add(r);

        List<Path> files = new ArrayList<>();
        List<String> charts = new ArrayList<>();
        for (Map.Entry<String, List<JmhResults.Row>> e : byClass.entrySet()) {
            Optional<CategoryChart> primary = chart(e.getKey(), e.getValue(), r -> Optional.of(r.primary()));
            if (primary.isPresent()) {
                files.add(writePng(dir.resolve(e.getKey() + ".png"), primary.get()));
                charts.add(e.getKey() + ".png");
            }
            Optional<CategoryChart> chunks = chart(e.getKey() + ": chunks", e.getValue(), r -> Optional.ofNullable(r.secondary().get("chunks")));
            if (chunks.isPresent()) {
                files.add(writePng(dir.resolve(e.getKey() + "-chunks.png"), chunks.get()));
                charts.add(e.getKey() + "-chunks.png");
            }
        }
        String tables = tables(byClass);
        Path table = dir.resolve(ReportWriter.TABLE);
        AtomicFiles.writeString(table, "# JMH results\n\n" + targets(rows) + "\n" + tables);
        files.add(table);

        Path notes = dir.resolve(NOTES);
        if (resultsMd == null) return new Rendered(dir, files, section(rows, command, dir.toString(), charts,
                Files.isRegularFile(notes) ? Files.readString(notes, StandardCharsets.UTF_8) : null, tables));
        String link = ResultsMarkdown.relativeLink(resultsMd, dir);
        String section = section(rows, command, link, charts, Files.isRegularFile(notes) ? Files.readString(notes, StandardCharsets.UTF_8) : null, tables);
        String doc = Files.exists(resultsMd) ? Files.readString(resultsMd, StandardCharsets.UTF_8) : ResultsMarkdown.HEADER;
        AtomicFiles.writeString(resultsMd, ResultsMarkdown.replaceSection(doc, SECTION, section));
        files.add(resultsMd);
        return new Rendered(dir, files, section);
    }

    static String section(List<JmhResults.Row> rows, String command, String link, List<String> charts, String notes, String tables) {
        StringBuilder sb = new StringBuilder("## JMH benchmarks (simulated end to end)\n\n");
        sb.append("- Render: `").append(command).append("`\n");
        Set<String> settings = new LinkedHashSet<>();
        for (JmhResults.Row r : rows) settings.add(r.className() + ": " + r.settings());
        sb.append("- Settings: ").append(String.join("; ", settings)).append('\n');
        sb.append("- Report: [").append(link).append("](").append(link).append("/) — [table](").append(link).append('/')
                .append(ReportWriter.TABLE).append(")\n");
        sb.append("- Scores are JMH's mean ± 99.9% confidence half-width over the measured iterations (– when there were too"
                + " few to compute one); `#` columns are @AuxCounters per-iteration values shown as mean (min–max) over the"
                + " iterations (JMH's own output sums them).\n\n");
        if (notes != null && !notes.isBlank()) sb.append(notes.strip()).append("\n\n");
        sb.append(targets(rows)).append('\n');
        if (!charts.isEmpty()) {
            for (String c : charts) sb.append("![").append(c).append("](").append(link).append('/').append(c).append(") ");
            sb.setLength(sb.length() - 1);
            sb.append("\n\n");
        }
        sb.append(tables);
        return sb.toString();
    }

    /**
     * The client's performance targets against the matching rows, where the results contain them: decoding at least
     * 2 M OpenAI events/s per core; end to end at c=64 at least 750 k chunks/s and at most 3 ms CPU per 1,000 chunks
     * (the openai-java SDK rows are shown as the baseline).
     */
    static String targets(List<JmhResults.Row> rows) {
        MarkdownTable t = new MarkdownTable(List.of("target", "measured", "verdict"));
        for (JmhResults.Row r : rows) {
            if (r.className().equals("SseDecodeBenchmark") && "openai".equals(r.params().get("format")) && "1".equals(r.threads() + "")) {
                double s = r.primary().score();
                t.row(List.of("decoding ≥ 2,000,000 OpenAI events/s per core (split " + r.params().get("split") + ")",
                        withError(r.primary()) + " " + r.primary().unit(), verdict(s >= 2e6)));
            }
        }
        for (JmhResults.Row r : rows) {
            if (!r.className().equals("EndToEndBenchmark") || !"64".equals(r.params().get("concurrency"))) continue;
            JmhResults.Score chunks = r.secondary().get("chunks");
            JmhResults.Score cpu = r.secondary().get("cpuMsPer1kChunks");
            String label = String.join(" ", r.params().values());
            boolean sdk = r.params().getOrDefault("client", "").startsWith("openai-sdk");
            if (chunks != null) {
                t.row(List.of(sdk ? "SDK baseline, c=64 (openai-java reference: ~61,000 chunks/s): " + label
                                : "c=64 ≥ 750,000 chunks/s: " + label,
                        withError(chunks) + " chunks/s", sdk ? "baseline" : verdict(chunks.score() >= 750_000)));
            }
            if (cpu != null) {
                t.row(List.of(sdk ? "SDK baseline, c=64 (reference: 31.8 ms CPU / 1,000 chunks): " + label
                                : "c=64 ≤ 3 ms CPU / 1,000 chunks: " + label,
                        withError(cpu) + " ms", sdk ? "baseline" : verdict(cpu.score() <= 3.0)));
            }
        }
        return t.isEmpty() ? "" : "**Targets**\n\n" + t.render();
    }

    private static String verdict(boolean met) { return met ? "met" : "**not met**"; }

    /** One table per class: method, the params that vary, threads, score ± error, unit, the secondary metrics. */
    static String tables(Map<String, List<JmhResults.Row>> byClass) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<JmhResults.Row>> e : byClass.entrySet()) {
            List<JmhResults.Row> rows = e.getValue();
            Set<String> params = new LinkedHashSet<>();
            Set<String> secondary = new LinkedHashSet<>();
            for (JmhResults.Row r : rows) {
                params.addAll(r.params().keySet());
                r.secondary().keySet().stream().filter(SHOWN).forEach(secondary::add);
            }
            List<String> header = new ArrayList<>(List.of("benchmark"));
            header.addAll(params);
            header.addAll(List.of("threads", "mode", "score ± error", "units"));
            for (String s : secondary) header.add(s + unitOf(rows, s));
            MarkdownTable t = new MarkdownTable(header);
            for (JmhResults.Row r : rows) {
                List<String> cells = new ArrayList<>(List.of(r.method()));
                for (String p : params) cells.add(r.params().getOrDefault(p, ""));
                cells.addAll(List.of(Integer.toString(r.threads()), r.mode(), withError(r.primary()), r.primary().unit()));
                for (String s : secondary) {
                    JmhResults.Score v = r.secondary().get(s);
                    cells.add(v == null ? "" : withError(v));
                }
                t.row(cells);
            }
            sb.append("**").append(e.getKey()).append("**\n\n").append(t.render()).append('\n');
        }
        return sb.toString();
    }

    /** " (unit)" of a secondary metric, from its first row. */
    private static String unitOf(List<JmhResults.Row> rows, String metric) {
        for (JmhResults.Row r : rows) {
            JmhResults.Score s = r.secondary().get(metric);
            if (s != null && !s.unit().isEmpty()) return " (" + s.unit() + ")";
        }
        return "";
    }

    /** {@code 1,234,567 ± 8,901}; a per-iteration counter as {@code mean (min–max)}; {@code ± –} when unknown. */
    static String withError(JmhResults.Score s) {
        String v = number(s.score());
        if (Fmt.finite(s.min()) && Fmt.finite(s.max())) return v + " (" + number(s.min()) + "–" + number(s.max()) + ")";
        return Fmt.finite(s.error()) ? v + " ± " + number(s.error()) : v + " ± –";
    }

    /** Three significant digits, thousands separated, no exponent: 2,345,678 → 2,350,000; 0.01234 → 0.0123. */
    static String number(double v) {
        if (!Fmt.finite(v)) return Fmt.MISSING;
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1000) {
            double mag = Math.pow(10, Math.floor(Math.log10(a)) - 2);
            return String.format(Locale.ROOT, "%,.0f", Math.round(v / mag) * mag);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A bar per row (label: method and params) with its error bar; empty when no row has the metric. */
    private static Optional<CategoryChart> chart(String title, List<JmhResults.Row> rows,
                                                 java.util.function.Function<JmhResults.Row, Optional<JmhResults.Score>> metric) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        String unit = "";
        boolean oneMethod = rows.stream().map(JmhResults.Row::method).distinct().count() == 1;
        for (JmhResults.Row r : rows) {
            Optional<JmhResults.Score> s = metric.apply(r);
            if (s.isEmpty() || !Fmt.finite(s.get().score())) continue;
            unit = s.get().unit();
            String params = String.join(" ", r.params().values());
            labels.add(oneMethod ? (params.isEmpty() ? r.method() : params) : (r.method() + " " + params).strip());
            values.add(s.get().score());
            errors.add(Fmt.finite(s.get().error()) ? s.get().error() : 0.0);
        }
        if (labels.isEmpty()) return Optional.empty();
        CategoryChart c = new CategoryChartBuilder().width(Math.max(700, 60 * labels.size() + 200)).height(560)
                .title(title).xAxisTitle("").yAxisTitle(unit).build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setXAxisLabelRotation(60);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.addSeries("score", labels, values, errors).setFillColor(new Color(0x1f77b4));
        return Optional.of(c);
    }

    private static Path writePng(Path file, CategoryChart chart) throws IOException {
        AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        return file;
    }
}
