package dev.llmbench.bench.report;

import dev.llmbench.bench.model.Batch;
import dev.llmbench.bench.model.CellDerived;
import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.model.Slo;
import dev.llmbench.bench.model.SteadyState;
import dev.llmbench.bench.model.Tokens;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Outcomes;
import dev.llmbench.bench.model.Overhead;
import dev.llmbench.bench.model.Percentiles;
import dev.llmbench.bench.model.SweepResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Hand-built results: the tests never run a sweep. */
final class Fixtures {
    static final long OK = 64;
    static final long TOKENS_PER_REQUEST = 100;

    private Fixtures() {}

    /** A cell of 64 ok requests (+ errors) whose throughput, TTFT p50/p95 are the given numbers. */
    static Cell cell(String provider, String transport, int c) { return new Cell(provider, transport, c); }

    /** A ground-truth check of {@code samples} requests: TTFT overhead p50 and p99, ITL and TPOT unmeasured. */
    static Overhead overhead(long samples, double p50Ms, double p99Ms, double wallEfficiency) {
        Percentiles ttft = new Percentiles(samples, p50Ms, p50Ms, p50Ms, p99Ms, p99Ms, p50Ms);
        return new Overhead(ttft, Percentiles.EMPTY, Percentiles.EMPTY, Percentiles.EMPTY, Percentiles.EMPTY, wallEfficiency);
    }

    static SweepResult sweep(String name, List<CellResult> cells) {
        return new SweepResult(name, "Sweep " + name, Map.of("target", "sim", "date", "2026-11-28 10:00 UTC", "model.openai", "gpt-4.1-nano"), true, cells);
    }

    /** Writes an .hlog like the runner's: one tagged interval per metric, values in microseconds. */
    static void writeHlog(Path file, long... ttftMicros) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file))) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputLogFormatVersion();
            w.outputStartTime(0);
            w.outputLegend();
            Histogram ttft = new Histogram(3);
            Histogram e2e = new Histogram(3);
            for (long v : ttftMicros) {
                ttft.recordValue(v);
                e2e.recordValue(v * 5);
            }
            for (Histogram h : List.of(ttft, e2e)) {
                h.setStartTimeStamp(0);
                h.setEndTimeStamp(1000);
            }
            ttft.setTag(Metric.TTFT.name());
            e2e.setTag(Metric.E2E.name());
            w.outputIntervalHistogram(ttft);
            w.outputIntervalHistogram(e2e);
        }
    }

    static final class Cell {
        private final String provider;
        private final String transport;
        private final int concurrency;
        private String path = "ref";
        private String variant = "";
        private int repeat;
        private double tokPerSec = 1000;
        private double ttftP50 = 200;
        private double ttftP95 = 400;
        private Map<String, Long> errors = Map.of();
        private long cachedInput;
        private String hlog;
        private Overhead overhead;
        private Double cost = 0.0123;
        private double cpuPer1k = 4.5;
        private int peakThreads = 42;
        private long estimatedUsage;
        private Map<String, Long> protocols = Map.of();
        private double offered = Double.NaN;
        private double achieved = Double.NaN;
        private double attainment = Double.NaN;
        private double goodput = Double.NaN;

        Cell(String provider, String transport, int concurrency) {
            this.provider = provider;
            this.transport = transport;
            this.concurrency = concurrency;
        }

        Cell path(String p) { path = p; return this; }
        Cell variant(String v) { variant = v; return this; }
        Cell repeat(int r) { repeat = r; return this; }
        Cell tokPerSec(double v) { tokPerSec = v; return this; }
        Cell ttft(double p50Ms, double p95Ms) { ttftP50 = p50Ms; ttftP95 = p95Ms; return this; }
        Cell errors(Map<String, Long> e) { errors = e; return this; }
        Cell cachedInput(long n) { cachedInput = n; return this; }
        Cell hlog(String f) { hlog = f; return this; }
        Cell overhead(Overhead o) { overhead = o; return this; }
        Cell cost(Double usd) { cost = usd; return this; }
        Cell resources(double cpuMsPer1k, int threads) { cpuPer1k = cpuMsPer1k; peakThreads = threads; return this; }
        Cell estimatedUsage(long n) { estimatedUsage = n; return this; }
        Cell protocols(Map<String, Long> p) { protocols = p; return this; }
        /** An open-loop cell at {@code offered} req/s that achieved {@code achieved}. */
        Cell rate(double offered, double achieved) { this.offered = offered; this.achieved = achieved; return this; }
        /** Judged by the SLO {@code ttft<=1s}: this share met it, at this goodput. */
        Cell slo(double attainment, double goodput) { this.attainment = attainment; this.goodput = goodput; return this; }

        CellResult build() {
            long tokens = OK * TOKENS_PER_REQUEST;
            double wall = Double.isNaN(tokPerSec) ? Double.NaN : tokens / tokPerSec;
            long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
            Map<Metric, Percentiles> latency = new EnumMap<>(Metric.class);
            latency.put(Metric.TTFT, new Percentiles(OK, ttftP50, ttftP50 * 1.5, ttftP95, ttftP95 * 1.2, ttftP95 * 1.3, ttftP50 * 1.1));
            latency.put(Metric.E2E, new Percentiles(OK, ttftP50 * 5, ttftP50 * 6, ttftP95 * 5, ttftP95 * 6, ttftP95 * 7, ttftP50 * 5.5));
            // closed loop without waiting inside the client: from submit = from send
            latency.put(Metric.TTFT_SUBMIT, latency.get(Metric.TTFT));
            latency.put(Metric.E2E_SUBMIT, latency.get(Metric.E2E));
            Slo slo = Double.isNaN(attainment) ? null : Slo.parse("ttft<=1s");
            CellMeasurement m = new CellMeasurement(wall, offered, new Outcomes(OK + errorCount, OK, 0, errors, 0, 1),
                    new Tokens(tokens, OK * 1500, cachedInput, 0, estimatedUsage), latency, Map.of(), overhead,
                    new SteadyState(wall, OK, tokens, Double.NaN, Double.NaN), new Batch((int) OK, wall, tokens), Double.NaN, peakThreads,
                    protocols, List.of(), slo, slo == null ? 0 : Math.round(attainment * (OK + errorCount)), null);
            CellDerived d = new CellDerived(tokPerSec, OK / wall, tokPerSec, Double.NaN, cost, cpuPer1k, cpuPer1k,
                    Double.isNaN(achieved) ? OK / wall : achieved, attainment, goodput);
            return new CellResult(new CellKey(provider, path, transport, concurrency, variant, repeat), m, d, hlog, null);
        }
    }
}
