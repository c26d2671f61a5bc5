package dev.llmbench.bench.load;

import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Overhead;
import dev.llmbench.bench.model.Percentiles;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A cell's latency recorders, one HdrHistogram {@link Recorder} per metric (wait-free recording from any thread),
 * values in microseconds; plus the harness overhead against the simulator's ground truth, one recorder per
 * {@link OverheadKind}. {@link #finish} writes every metric as one tagged interval of the cell's {@code .hlog}.
 */
final class CellRecorder {
    private final Map<Metric, Recorder> recorders = new EnumMap<>(Metric.class);
    private final Map<OverheadKind, Recorder> overheads = new EnumMap<>(OverheadKind.class);

    CellRecorder() {
        for (Metric m : Metric.values()) recorders.put(m, new Recorder(3));
        for (OverheadKind k : OverheadKind.values()) overheads.put(k, new Recorder(3));
    }

    /** Records a duration given in nanoseconds; negative durations (a moment that never happened) are skipped. */
    void record(Metric metric, long nanos) {
        if (nanos >= 0) recorders.get(metric).recordValue(nanos / 1_000);
    }

    /**
     * Harness overhead of {@code kind}: measured minus server-side; clamped at 0 (TTFT: clock granularity can make it
     * slightly negative; ITL and TPOT pass their absolute difference).
     */
    void recordOverhead(OverheadKind kind, long nanos) {
        overheads.get(kind).recordValue(Math.max(0, nanos / 1_000));
    }

    /** The summaries of a finished cell; {@code adjusted} has TTFT and E2E with the failures as infinite latency. */
    record Summary(Map<Metric, Percentiles> latency, Map<OverheadKind, Percentiles> overhead, Map<Metric, Percentiles> adjusted) {
        Percentiles overheadTtft() { return overhead.get(OverheadKind.TTFT); }

        Percentiles overheadItl() { return overhead.get(OverheadKind.ITL); }

        Percentiles overheadTpot() { return overhead.get(OverheadKind.TPOT); }

        /** The overhead of a cell with ground truth, or null without (no TTFT sample). */
        Overhead toOverhead(double wallEfficiency) {
            if (overheadTtft().count() == 0) return null;
            return new Overhead(overheadTtft(), overhead.get(OverheadKind.ITL), overheadTpot(), overhead.get(OverheadKind.REQUEST),
                    overhead.get(OverheadKind.RESPONSE), wallEfficiency);
        }
    }

    /** Metrics that also get "adjusted" percentiles (failures counted as infinitely slow). */
    static final List<Metric> ADJUSTED = List.of(Metric.TTFT, Metric.E2E);

    /**
     * Takes every recorder's histogram, writes them to {@code hlog} (tag = metric name; start and end in epoch ms)
     * and summarises them in milliseconds.
     *
     * @param failures requests of the phase that failed or were cancelled, for the adjusted percentiles
     */
    Summary finish(Path hlog, long startEpochMs, long endEpochMs, long failures) throws IOException {
        Map<Metric, Percentiles> latency = new EnumMap<>(Metric.class);
        Map<Metric, Percentiles> adjusted = new EnumMap<>(Metric.class);
        Files.createDirectories(hlog.toAbsolutePath().getParent());
        Map<OverheadKind, Percentiles> overhead = new EnumMap<>(OverheadKind.class);
        try (PrintStream ps = new PrintStream(Files.newOutputStream(hlog), false, "US-ASCII")) {
            HistogramLogWriter w = new HistogramLogWriter(ps);
            w.outputComment("llmbench cell histograms, values in microseconds, one interval per metric (tag)");
            w.outputLogFormatVersion();
            w.outputStartTime(startEpochMs);
            w.setBaseTime(startEpochMs);
            w.outputLegend();
            for (Metric m : Metric.values()) {
                Histogram h = recorders.get(m).getIntervalHistogram();
                write(w, h, m.name(), startEpochMs, endEpochMs);
                if (h.getTotalCount() > 0) latency.put(m, summarise(h));
                if (ADJUSTED.contains(m) && h.getTotalCount() + failures > 0) adjusted.put(m, adjusted(h, failures));
            }
            for (OverheadKind k : OverheadKind.values()) {
                Histogram h = overheads.get(k).getIntervalHistogram();
                write(w, h, k.tag(), startEpochMs, endEpochMs);
                overhead.put(k, summarise(h));
            }
        }
        return new Summary(latency, overhead, adjusted);
    }

    /**
     * Percentiles over the ok samples plus {@code failures} samples of infinite latency (sorted last): percentile p of
     * the whole is percentile {@code p * total / ok} of the ok samples, or +Infinity once that passes 100.
     */
    static Percentiles adjusted(Histogram ok, long failures) {
        long n = ok.getTotalCount();
        long total = n + failures;
        if (failures == 0) return summarise(ok);
        double inf = Double.POSITIVE_INFINITY;
        return new Percentiles(total, at(ok, 50, total), at(ok, 90, total), at(ok, 95, total), at(ok, 99, total), inf, inf);
    }

    private static double at(Histogram ok, double p, long total) {
        long n = ok.getTotalCount();
        double rank = Math.ceil(p / 100.0 * total); // 1-based rank in the combined order
        if (n == 0 || rank > n) return Double.POSITIVE_INFINITY;
        return ms(ok.getValueAtPercentile(100.0 * rank / n));
    }

    private static void write(HistogramLogWriter w, Histogram h, String tag, long startMs, long endMs) {
        h.setTag(tag);
        h.setStartTimeStamp(startMs);
        h.setEndTimeStamp(Math.max(startMs, endMs));
        w.outputIntervalHistogram(h);
    }

    /** Microsecond histogram to millisecond percentiles. */
    static Percentiles summarise(Histogram h) {
        if (h.getTotalCount() == 0) return Percentiles.EMPTY;
        return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), h.getMean() / 1_000.0);
    }

    private static double ms(long micros) { return micros / 1_000.0; }
}
