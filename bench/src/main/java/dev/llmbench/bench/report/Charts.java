package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellKey;
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
        Map<String, List<CellGroup>> series = seriesOf(CellGroup.of(result.cells()));
        int i = 0;
        for (Map.Entry<String, List<CellGroup>> e : series.entrySet()) {
            if (add(chart, e.getKey(), e.getValue(), Figure.TOK_PER_SEC, PALETTE[i % PALETTE.length], false)) i++;
        }
        return i == 0 ? Optional.empty() : Optional.of(chart);
    }

    /** Client CPU ms per 1,000 output tokens (median over repeats) vs concurrency, for the sweeps that compare HTTP stacks. */
    static Optional<XYChart> cpu(SweepResult result) {
        if (!SweepTables.showsResources(result.sweep())) return Optional.empty();
        XYChart chart = chart(result.title() + ": CPU ms per 1k output tokens" + (result.simulated() ? " (simulated)" : ""),
                "concurrency", "CPU ms / 1k tokens");
        int i = 0;
        for (Map.Entry<String, List<CellGroup>> e : seriesOf(CellGroup.of(result.cells())).entrySet()) {
            if (add(chart, e.getKey(), e.getValue(), Figure.CPU_PER_1K_TOKENS, PALETTE[i % PALETTE.length], false)) i++;
        }
        return i == 0 ? Optional.empty() : Optional.of(chart);
    }

    /** TTFT p50 (solid) and p95 (dashed) in seconds vs concurrency. */
    static Optional<XYChart> ttft(SweepResult result) {
        XYChart chart = chart(result.title() + ": TTFT p50 / p95" + (result.simulated() ? " (simulated)" : ""), "concurrency", "TTFT (s)");
        int i = 0;
        for (Map.Entry<String, List<CellGroup>> e : seriesOf(CellGroup.of(result.cells())).entrySet()) {
            Color color = PALETTE[i % PALETTE.length];
            boolean p50 = add(chart, e.getKey() + " p50", e.getValue(), Figure.TTFT_P50, color, false);
            boolean p95 = add(chart, e.getKey() + " p95", e.getValue(), Figure.TTFT_P95, color, true);
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

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /** Adds one series of a figure's medians against concurrency; false when no point was measured. */
    private static boolean add(XYChart chart, String name, List<CellGroup> groups, Figure figure, Color color, boolean dashed) {
        TreeMap<Integer, Double> points = new TreeMap<>();
        for (CellGroup g : groups) {
            double v = g.spread(figure).median();
            if (Fmt.finite(v)) points.putIfAbsent(g.key().concurrency(), figure == Figure.TTFT_P50 || figure == Figure.TTFT_P95 ? v / 1000.0 : v);
        }
        if (points.isEmpty()) return false;
        XYSeries s = chart.addSeries(name, new ArrayList<>(points.keySet()), new ArrayList<>(points.values()));
        style(s, color, dashed);
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
