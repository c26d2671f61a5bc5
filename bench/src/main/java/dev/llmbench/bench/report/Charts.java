package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.SweepResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The report's PNG charts, drawn with XChart off-screen. A chart with no measured point is not drawn (empty Optional). */
final class Charts {
    static {
        // Before any AWT class loads: CI and SSH sessions have no display.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    /** Latency metrics that share a scale, drawn together on a cell's distribution chart. */
    private static final List<String> DISTRIBUTION_TAGS = List.of("TTFB", "TTFT", "E2E", "DISPATCH_LAG", HlogDistribution.UNTAGGED);

    private Charts() {}

    static byte[] png(XYChart chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Output tok/s (median over repeats) vs concurrency, one series per path/transport(/provider/variant). */
    static Optional<XYChart> throughput(SweepResult result) {
        XYChart chart = chart(result.title() + ": output tok/s" + (result.simulated() ? " (simulated)" : ""), "concurrency", "output tok/s");
        boolean log2 = log2(result);
        if (log2) log2Axis(chart);
        Map<String, List<CellGroup>> series = seriesOf(CellGroup.of(result.cells()));
        int i = 0;
        for (Map.Entry<String, List<CellGroup>> e : series.entrySet()) {
            if (add(chart, e.getKey(), e.getValue(), Figure.TOK_PER_SEC, PALETTE[i % PALETTE.length], false, log2)) i++;
        }
        return i == 0 ? Optional.empty() : Optional.of(chart);
    }

    /** Client CPU ms per 1,000 output tokens (median over repeats) vs concurrency, for the sweeps that compare HTTP stacks. */
    static Optional<XYChart> cpu(SweepResult result) {
        if (!SweepTables.showsResources(result.sweep())) return Optional.empty();
        XYChart chart = chart(result.title() + ": CPU ms per 1k output tokens" + (result.simulated() ? " (simulated)" : ""),
                "concurrency", "CPU ms / 1k tokens");
        boolean log2 = log2(result);
        if (log2) log2Axis(chart);
        int i = 0;
        for (Map.Entry<String, List<CellGroup>> e : seriesOf(CellGroup.of(result.cells())).entrySet()) {
            if (add(chart, e.getKey(), e.getValue(), Figure.CPU_PER_1K_TOKENS, PALETTE[i % PALETTE.length], false, log2)) i++;
        }
        return i == 0 ? Optional.empty() : Optional.of(chart);
    }

    /** TTFT p50 (solid) and p95 (dashed) in seconds vs concurrency. */
    static Optional<XYChart> ttft(SweepResult result) {
        XYChart chart = chart(result.title() + ": TTFT p50 / p95" + (result.simulated() ? " (simulated)" : ""), "concurrency", "TTFT (s)");
        boolean log2 = log2(result);
        if (log2) log2Axis(chart);
        int i = 0;
        for (Map.Entry<String, List<CellGroup>> e : seriesOf(CellGroup.of(result.cells())).entrySet()) {
            Color color = PALETTE[i % PALETTE.length];
            boolean p50 = add(chart, e.getKey() + " p50", e.getValue(), Figure.TTFT_P50, color, false, log2);
            boolean p95 = add(chart, e.getKey() + " p95", e.getValue(), Figure.TTFT_P95, color, true, log2);
            if (p50 || p95) i++;
        }
        return i == 0 ? Optional.empty() : Optional.of(chart);
    }

    /**
     * A cell's latency distribution from its histogram log, HdrHistogram style: x = log10(1/(1-p)), so 0, 1, 2, 3
     * are the 0th, 90th, 99th, 99.9th percentiles, labelled as such; one series per latency metric. (The log is taken
     * here rather than with XChart's log axis: its custom tick-label path loops forever on a log axis in 3.8.8.)
     */
    static Optional<XYChart> distribution(CellResult cell, Map<String, Histogram> byTag) {
        XYChart chart = chart("Latency by percentile: " + cell.key().slug(), "percentile", "latency (ms)");
        chart.setCustomXAxisTickLabelsFormatter(Charts::percentileLabel);
        int i = 0;
        double right = 1;
        for (String tag : DISTRIBUTION_TAGS) {
            Histogram h = byTag.get(tag);
            if (h == null || h.getTotalCount() == 0) continue;
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (HistogramIterationValue v : h.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo() / 100.0;
                if (p >= 1.0) break; // 1/(1-p) is infinite at the 100th percentile: the max is added below
                xs.add(Math.log10(1.0 / (1.0 - p)));
                ys.add(v.getValueIteratedTo() / 1000.0); // the runner records microseconds
            }
            double maxX = Math.max(Math.log10(h.getTotalCount()), xs.isEmpty() ? 0.5 : xs.get(xs.size() - 1) + 0.3);
            xs.add(maxX); // of n samples the max stands at about the (1 - 1/n) percentile
            ys.add(h.getMaxValue() / 1000.0);
            right = Math.max(right, Math.ceil(maxX));
            XYSeries s = chart.addSeries(tag + " (n=" + h.getTotalCount() + ")", xs, ys);
            style(s, PALETTE[i++ % PALETTE.length], false);
        }
        // whole decades, a tick per decade where room allows: the 90%, 99%, 99.9% marks
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(right).setXAxisTickMarkSpacingHint((int) Math.max(60, 0.8 * WIDTH / (right + 1)));
        return i == 0 ? Optional.empty() : Optional.of(chart);
    }

    /** x = log10(1/(1-p)): 0 → 0%, 1 → 90%, 2 → 99%, 3 → 99.9%; in-between ticks with one decimal. */
    static String percentileLabel(double x) {
        if (!Fmt.finite(x) || x < 0) return "";
        double p = 100.0 * (1.0 - Math.pow(10, -x));
        boolean decade = Math.abs(x - Math.rint(x)) < 1e-9;
        double rounded = decade ? Math.round(p * 1e6) / 1e6 : Math.round(p * 10) / 10.0;
        return BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString() + "%";
    }

    /** A chart whose legend sits below the plot, so it never covers a point. */
    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /**
     * Adds one series of a figure's medians against concurrency (open-loop cells, whose concurrency is only a cap, left
     * out); false when no point was measured. With {@code log2} the x value is log2(concurrency), labelled as the
     * concurrency ({@link #log2Axis}).
     */
    private static boolean add(XYChart chart, String name, List<CellGroup> groups, Figure figure, Color color, boolean dashed, boolean log2) {
        TreeMap<Integer, Double> points = new TreeMap<>();
        for (CellGroup g : groups) {
            if (g.runs().stream().anyMatch(c -> c.measured().openLoop())) continue;
            double v = g.spread(figure).median();
            if (Fmt.finite(v)) points.putIfAbsent(g.key().concurrency(), figure == Figure.TTFT_P50 || figure == Figure.TTFT_P95 ? v / 1000.0 : v);
        }
        if (points.isEmpty()) return false;
        List<Double> xs = points.keySet().stream().map(c -> log2 ? Math.log(c) / Math.log(2) : (double) c).toList();
        XYSeries s = chart.addSeries(name, xs, new ArrayList<>(points.values()));
        style(s, color, dashed);
        return true;
    }

    /**
     * Whether the closed-loop concurrencies of {@code result} are at least three powers of two: their chart then has
     * a log2 x axis, so 8, 16, 32, 64 stand equally apart instead of crowding at the left.
     */
    static boolean log2(SweepResult result) {
        List<Integer> cs = result.cells().stream().filter(c -> !c.measured().openLoop()).map(c -> c.key().concurrency()).distinct().toList();
        return cs.size() >= 3 && cs.stream().allMatch(c -> c > 0 && Integer.bitCount(c) == 1);
    }

    /** A log2 x axis (the log taken in the data, as for {@link #distribution}): a tick at each power of two, labelled by it. */
    private static void log2Axis(XYChart chart) {
        chart.setCustomXAxisTickLabelsFormatter(x -> Math.abs(x - Math.rint(x)) < 1e-9 && x >= 0
                ? String.valueOf(1L << Math.round(x)) : "");
    }

    /**
     * Open-loop cells (rate sweeps): TTFT and E2E p50 (solid) and p95 (dashed) from the intended start, in seconds,
     * against the achieved rate, one colour per provider/path.
     */
    static Optional<XYChart> latencyVsRate(SweepResult result) {
        XYChart chart = chart(result.title() + ": latency vs achieved rate" + (result.simulated() ? " (simulated)" : ""),
                "achieved requests/s", "latency from intended start (s)");
        int i = 0;
        for (Map.Entry<String, List<CellResult>> e : openLoopSeries(result).entrySet()) {
            Color color = PALETTE[i % PALETTE.length];
            String n = e.getKey();
            List<CellResult> cells = e.getValue();
            boolean any = rateSeries(chart, n + " TTFT p50", cells, c -> c.latency(Metric.TTFT_SUBMIT).p50() / 1000.0, color, false, SeriesMarkers.CIRCLE);
            any |= rateSeries(chart, n + " TTFT p95", cells, c -> c.latency(Metric.TTFT_SUBMIT).p95() / 1000.0, color, false, SeriesMarkers.TRIANGLE_UP);
            any |= rateSeries(chart, n + " E2E p50", cells, c -> c.latency(Metric.E2E_SUBMIT).p50() / 1000.0, color, true, SeriesMarkers.CIRCLE);
            any |= rateSeries(chart, n + " E2E p95", cells, c -> c.latency(Metric.E2E_SUBMIT).p95() / 1000.0, color, true, SeriesMarkers.TRIANGLE_UP);
            if (any) i++;
        }
        return i == 0 ? Optional.empty() : Optional.of(chart);
    }

    /**
     * With an SLO: goodput against the achieved rate for open-loop cells (on the diagonal every request met the SLO,
     * below it some missed); for a closed-loop sweep, goodput against concurrency.
     */
    static Optional<XYChart> goodput(SweepResult result) {
        boolean open = result.cells().stream().anyMatch(c -> c.measured().openLoop() && c.measured().slo() != null);
        XYChart chart = chart(result.title() + ": goodput" + (open ? " vs achieved rate" : "") + (result.simulated() ? " (simulated)" : ""),
                open ? "achieved requests/s" : "concurrency", "goodput requests/s");
        int i = 0;
        if (open) {
            for (Map.Entry<String, List<CellResult>> e : openLoopSeries(result).entrySet()) {
                List<CellResult> withSlo = e.getValue().stream().filter(c -> c.measured().slo() != null).toList();
                if (rateSeries(chart, e.getKey() + " goodput", withSlo, c -> c.derived().goodputReqPerSec(), PALETTE[i % PALETTE.length],
                        false, SeriesMarkers.CIRCLE)) i++;
            }
            return i == 0 ? Optional.empty() : Optional.of(chart);
        }
        if (result.cells().stream().noneMatch(c -> c.measured().slo() != null)) return Optional.empty();
        boolean log2 = log2(result);
        if (log2) log2Axis(chart);
        for (Map.Entry<String, List<CellGroup>> e : seriesOf(CellGroup.of(result.cells())).entrySet()) {
            if (add(chart, e.getKey(), e.getValue(), Figure.GOODPUT, PALETTE[i % PALETTE.length], false, log2)) i++;
        }
        return i == 0 ? Optional.empty() : Optional.of(chart);
    }

    /** The open-loop cells by provider/path/transport, in run order. */
    private static Map<String, List<CellResult>> openLoopSeries(SweepResult result) {
        Map<String, List<CellResult>> out = new LinkedHashMap<>();
        for (CellResult c : result.cells()) {
            if (!c.measured().openLoop()) continue;
            out.computeIfAbsent(Providers.display(c.key().provider()) + " " + c.key().path() + "+" + c.key().transport(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /** One series of {@code y} against the achieved rate, sorted by it; false when no point has both. */
    private static boolean rateSeries(XYChart chart, String name, List<CellResult> cells, java.util.function.ToDoubleFunction<CellResult> y,
                                      Color color, boolean dashed, org.knowm.xchart.style.markers.Marker marker) {
        TreeMap<Double, Double> points = new TreeMap<>();
        for (CellResult c : cells) {
            double x = c.derived().achievedRate();
            double v = y.applyAsDouble(c);
            if (Fmt.finite(x) && Fmt.finite(v)) points.put(x, v);
        }
        if (points.isEmpty()) return false;
        XYSeries s = chart.addSeries(name, new ArrayList<>(points.keySet()), new ArrayList<>(points.values()));
        style(s, color, dashed);
        s.setMarker(marker);
        return true;
    }

    private static void style(XYSeries s, Color color, boolean dashed) {
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setMarker(SeriesMarkers.CIRCLE);
        if (dashed) s.setLineStyle(SeriesLines.DASH_DASH);
    }

    /** Groups by the key dimensions that vary in this sweep (besides concurrency), named by their values. */
    static Map<String, List<CellGroup>> seriesOf(List<CellGroup> groups) {
        List<Function<CellKey, String>> dims = List.of(CellKey::provider, CellKey::path, CellKey::transport, CellKey::variant);
        List<Function<CellKey, String>> varying = dims.stream()
                .filter(d -> groups.stream().map(g -> d.apply(g.key())).distinct().count() > 1).toList();
        List<Function<CellKey, String>> naming = varying.isEmpty() ? List.of(CellKey::provider) : varying;
        Map<String, List<CellGroup>> series = new LinkedHashMap<>();
        for (CellGroup g : groups) {
            String name = String.join(" ", naming.stream().map(d -> d.apply(g.key())).filter(s -> !s.isEmpty()).toList());
            series.computeIfAbsent(name.isEmpty() ? "cells" : name, n -> new ArrayList<>()).add(g);
        }
        return series;
    }
}
