package dev.llmbench.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmbench.bench.model.WindowSample;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client's concurrency window over time, for sweeps whose cells run one (AIMD, key rotation): {@code window.csv}
 * and {@code window.json} (every point: cell, key, seconds, window, in flight) and {@code window.png} (per cell the
 * total window over all keys as a step line). Written into the section's report folder before its table, which then
 * links the chart.
 */
public final class WindowReport {
    public static final String CSV = "window.csv";
    public static final String JSON = "window.json";
    public static final String PNG = "window.png";
    /** Points per series drawn; the files keep every point. */
    private static final int MAX_DRAWN = 4_000;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b)};

    private WindowReport() {}

    /** @param windows per cell slug, its points in recording order */
    public static void write(Path dir, String title, boolean simulated, Map<String, List<WindowSample>> windows) throws IOException {
        AtomicFiles.writeString(dir.resolve(CSV), csv(windows));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(dir.resolve(JSON), json.writeValueAsString(windows) + "\n");
        XYChart chart = chart(title + ": client window over time" + (simulated ? " (simulated)" : ""), windows);
        if (!chart.getSeriesMap().isEmpty()) AtomicFiles.write(dir.resolve(PNG), Charts.png(chart));
    }

    static String csv(Map<String, List<WindowSample>> windows) {
        StringBuilder sb = new StringBuilder("cell,key,seconds,window,in_flight\n");
        windows.forEach((cell, points) -> {
            for (WindowSample p : points) {
                sb.append(cell).append(',').append(p.key()).append(',').append(String.format(Locale.ROOT, "%.4f", p.seconds()))
                        .append(',').append(p.window()).append(',').append(p.inFlight()).append('\n');
            }
        });
        return sb.toString();
    }

    /** The sum over keys of each key's latest window, at every point (a step function). */
    static List<double[]> total(List<WindowSample> points) {
        Map<Integer, Integer> current = new HashMap<>();
        List<double[]> out = new ArrayList<>(points.size());
        int sum = 0;
        for (WindowSample p : points.stream().sorted((a, b) -> Double.compare(a.seconds(), b.seconds())).toList()) {
            Integer old = current.put(p.key(), p.window());
            sum += p.window() - (old == null ? 0 : old);
            out.add(new double[]{p.seconds(), sum});
        }
        return out;
    }

    private static XYChart chart(String title, Map<String, List<WindowSample>> windows) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title)
                .xAxisTitle("seconds since the cell's first request (warm-up included)").yAxisTitle("window (sum over keys)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        int i = 0;
        for (Map.Entry<String, List<WindowSample>> e : new LinkedHashMap<>(windows).entrySet()) {
            List<double[]> steps = total(e.getValue());
            if (steps.isEmpty()) continue;
            int every = Math.max(1, steps.size() / MAX_DRAWN);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double prev = Double.NaN;
            for (int k = 0; k < steps.size(); k += every) {
                double[] s = steps.get(k);
                if (!Double.isNaN(prev)) { xs.add(s[0]); ys.add(prev); } // hold the previous value until this change
                xs.add(s[0]);
                ys.add(s[1]);
                prev = s[1];
            }
            double[] last = steps.get(steps.size() - 1);
            xs.add(last[0]);
            ys.add(last[1]);
            XYSeries s = chart.addSeries(e.getKey(), xs, ys);
            Color c = PALETTE[i++ % PALETTE.length];
            s.setLineColor(c);
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }
}
