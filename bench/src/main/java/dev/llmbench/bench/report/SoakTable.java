package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.SoakSample;
import dev.llmbench.bench.model.SweepResult;

import java.util.List;
import java.util.Locale;

/**
 * The {@code soak} sweep: per profile the samples over time (used heap after GC, live threads, open sockets, the
 * interval's ok/failed requests and output tok/s), then one line saying whether heap, threads or sockets grew
 * (second half of the run against the first) and how steady throughput was; failed requests get a line of their most
 * frequent messages per error class ({@link ErrorSummary}).
 */
public final class SoakTable {
    /** Growth of the second half's mean over the first half's beyond which a figure counts as grown. */
    static final double GROWTH = 0.10;

    private SoakTable() {}

    public static String render(SweepResult result) {
        if (result.cells().isEmpty()) return "_No cells were measured._\n";
        StringBuilder sb = new StringBuilder();
        for (CellResult c : result.cells()) {
            sb.append("**Profile `").append(c.key().provider()).append("`, ").append(c.key().concurrency()).append(" in-flight streams, ")
                    .append(c.key().transport()).append(", ").append(Fmt.seconds(c.measured().wallSeconds())).append(":** ")
                    .append(c.outcomes().sent()).append(" requests, ok ").append(c.outcomes().ok())
                    .append(c.outcomes().errorCount() > 0 ? ", errors " + c.outcomes().errors() : "")
                    .append(c.outcomes().cancelled() > 0 ? ", cancelled " + c.outcomes().cancelled() : "")
                    .append("; ").append(Fmt.whole(c.derived().outputTokPerSec())).append(" tok/s, ").append(Fmt.whole(c.derived().requestsPerSec()))
                    .append(" req/s; TTFT p50 ").append(Fmt.secondsFromMs(c.latency(Metric.TTFT).p50())).append(", p99 ")
                    .append(Fmt.secondsFromMs(c.latency(Metric.TTFT).p99())).append("; peak threads ").append(c.measured().peakThreads()).append(".\n\n");
            List<String> errors = ErrorSummary.lines(c.outcomes());
            if (!errors.isEmpty()) sb.append("Errors by message: ").append(String.join("; ", errors)).append(".\n\n");
            MarkdownTable t = new MarkdownTable(List.of("t (s)", "heap after GC (MiB)", "threads", "sockets", "ok", "failed", "tok/s"));
            for (SoakSample s : c.measured().soak()) {
                t.row(List.of(String.format(Locale.ROOT, "%.1f", s.seconds()), String.format(Locale.ROOT, "%.1f", s.heapMb()),
                        String.valueOf(s.threads()), s.sockets() < 0 ? Fmt.MISSING : String.valueOf(s.sockets()),
                        String.valueOf(s.ok()), String.valueOf(s.errors()), Fmt.whole(s.outputTokPerSec())));
            }
            sb.append(t.render()).append('\n').append(verdict(c.measured().soak())).append("\n\n");
        }
        return sb.toString();
    }

    /** Growth of heap, threads and sockets (mean of the second half of the samples vs the first) and throughput spread. */
    static String verdict(List<SoakSample> all) {
        // the last sample covers the drain after the load stopped: not a steady-state interval
        List<SoakSample> s = all.size() > 2 ? all.subList(0, all.size() - 1) : all;
        if (s.size() < 2) return "Too few samples to judge growth.";
        int half = s.size() / 2;
        List<SoakSample> first = s.subList(0, half);
        List<SoakSample> second = s.subList(half, s.size());
        String heap = growth("heap", mean(first, SoakSample::heapMb), mean(second, SoakSample::heapMb));
        String threads = growth("threads", mean(first, x -> x.threads()), mean(second, x -> x.threads()));
        String sockets = s.get(0).sockets() < 0 ? "sockets unknown" : growth("sockets", mean(first, x -> x.sockets()), mean(second, x -> x.sockets()));
        double min = s.stream().mapToDouble(SoakSample::outputTokPerSec).min().orElse(Double.NaN);
        double max = s.stream().mapToDouble(SoakSample::outputTokPerSec).max().orElse(Double.NaN);
        double avg = mean(s, SoakSample::outputTokPerSec);
        return "Second half vs first half of the run: " + heap + ", " + threads + ", " + sockets + "; throughput per interval "
                + Fmt.whole(min) + "–" + Fmt.whole(max) + " tok/s (mean " + Fmt.whole(avg) + ", lowest " + Fmt.percent(avg > 0 ? min / avg : Double.NaN)
                + " of the mean).";
    }

    private static String growth(String what, double a, double b) {
        double g = a > 0 ? (b - a) / a : 0;
        return what + " " + (g > GROWTH ? "GREW " : "steady ") + String.format(Locale.ROOT, "%.1f → %.1f (%+.0f%%)", a, b, g * 100);
    }

    private static double mean(List<SoakSample> s, java.util.function.ToDoubleFunction<SoakSample> f) {
        return s.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
