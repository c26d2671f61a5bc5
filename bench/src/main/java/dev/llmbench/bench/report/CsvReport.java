package dev.llmbench.bench.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.llmbench.bench.model.CellDerived;
import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.model.Overhead;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Percentiles;
import dev.llmbench.bench.model.SweepResult;
import dev.llmbench.client.LlmException;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code results.csv}: one row per cell (repeats included) with every key field, the throughput figures, each
 * metric's count/p50/p90/p95/p99/max/mean in milliseconds, the adjusted TTFT/E2E percentiles (failed requests as
 * infinite latency: {@code inf} where a percentile falls among them), the outcome counts by error class, overhead,
 * cost, CPU, threads, (guarded cells) leaked threads and sockets, and the cell's {@code .hlog} and per-request records
 * files. An unmeasured number is an empty field, never 0.
 */
public final class CsvReport {
    /** Metrics that also get adjusted percentiles (failed requests as infinite latency): {@code <metric>_adj_*}. */
    static final List<Metric> ADJUSTED = List.of(Metric.TTFT, Metric.E2E);
    /** Ground-truth comparisons: {@code overhead_<name>_count/_p50_ms/_p99_ms} (p99 empty under 100 samples). */
    static final List<String> OVERHEADS = List.of("ttft", "itl", "tpot", "request", "response");

    private CsvReport() {}

    public static String render(SweepResult result) throws IOException {
        List<String> errorKinds = errorKinds(result);
        List<String> columns = columns(errorKinds);
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        try (SequenceWriter w = new CsvMapper().writerFor(Map.class).with(schema.build().withHeader()).writeValues(out)) {
            for (CellResult c : result.cells()) w.write(row(result.sweep(), c, errorKinds));
        }
        return out.toString();
    }

    /** Every error class the client knows, plus any other the cells report, so the columns are stable across runs. */
    static List<String> errorKinds(SweepResult result) {
        TreeSet<String> kinds = new TreeSet<>();
        for (LlmException.Kind k : LlmException.Kind.values()) kinds.add(k.name());
        result.cells().forEach(c -> kinds.addAll(c.outcomes().errors().keySet()));
        return List.copyOf(kinds);
    }

    static List<String> columns(List<String> errorKinds) {
        List<String> cols = new ArrayList<>(List.of("sweep", "provider", "path", "transport", "concurrency", "variant", "repeat",
                "wall_s", "output_tokens", "input_tokens", "cached_input_tokens", "output_tok_s", "req_s",
                "steady_window_s", "steady_completions", "batch_output_tok_s", "batch_requests", "batch_wall_s",
                "little_output_tok_s", "little_ratio", "offered_rate", "achieved_rate", "slo", "slo_attainment", "goodput_req_s",
                "stopped_early", "sent", "ok", "cache_hits", "cancelled", "retries", "errors"));
        errorKinds.forEach(k -> cols.add("err_" + k));
        for (Metric m : Metric.values()) {
            String p = m.name().toLowerCase();
            cols.addAll(List.of(p + "_count", p + "_p50_ms", p + "_p90_ms", p + "_p95_ms", p + "_p99_ms", p + "_max_ms", p + "_mean_ms"));
        }
        for (Metric m : ADJUSTED) {
            String p = m.name().toLowerCase() + "_adj";
            cols.addAll(List.of(p + "_count", p + "_p50_ms", p + "_p90_ms", p + "_p95_ms", p + "_p99_ms"));
        }
        for (String o : OVERHEADS) cols.addAll(List.of("overhead_" + o + "_count", "overhead_" + o + "_p50_ms", "overhead_" + o + "_p99_ms"));
        cols.addAll(List.of("wall_efficiency", "cost_usd", "cost_per_1m_output_usd",
                "cpu_ms_per_1k_tokens", "cpu_phase_ms_per_1k_tokens", "peak_threads", "leaked_threads", "leaked_sockets", "hlog", "estimated_usage", "protocols"));
        cols.add("requests_file");
        return cols;
    }

    private static Map<String, String> row(String sweep, CellResult c, List<String> errorKinds) {
        CellKey k = c.key();
        Map<String, String> r = new LinkedHashMap<>();
        r.put("sweep", sweep);
        r.put("provider", k.provider());
        r.put("path", k.path());
        r.put("transport", k.transport());
        r.put("concurrency", String.valueOf(k.concurrency()));
        r.put("variant", k.variant());
        r.put("repeat", String.valueOf(k.repeat()));
        CellMeasurement m = c.measured();
        CellDerived d = c.derived();
        r.put("wall_s", Fmt.plain(m.wallSeconds()));
        r.put("output_tokens", String.valueOf(m.tokens().output()));
        r.put("input_tokens", String.valueOf(m.tokens().input()));
        r.put("cached_input_tokens", String.valueOf(m.tokens().cachedInput()));
        r.put("output_tok_s", Fmt.plain(d.outputTokPerSec()));
        r.put("req_s", Fmt.plain(d.requestsPerSec()));
        r.put("steady_window_s", m.steady().present() ? Fmt.plain(m.steady().windowSeconds()) : "");
        r.put("steady_completions", String.valueOf(m.steady().completions()));
        r.put("batch_output_tok_s", Fmt.plain(d.batchOutputTokPerSec()));
        r.put("batch_requests", String.valueOf(m.batch().requests()));
        r.put("batch_wall_s", m.batch().requests() > 0 ? Fmt.plain(m.batch().wallSeconds()) : "");
        r.put("little_output_tok_s", Fmt.plain(d.littleOutputTokPerSec()));
        r.put("little_ratio", Fmt.plain(d.littleRatio()));
        r.put("offered_rate", Fmt.plain(m.offeredRate()));
        r.put("achieved_rate", Fmt.plain(d.achievedRate()));
        r.put("slo", m.slo() == null ? "" : m.slo().toString());
        r.put("slo_attainment", Fmt.plain(d.sloAttainment()));
        r.put("goodput_req_s", Fmt.plain(d.goodputReqPerSec()));
        r.put("stopped_early", m.stoppedEarly() == null ? "" : m.stoppedEarly());
        r.put("sent", String.valueOf(c.outcomes().sent()));
        r.put("ok", String.valueOf(c.outcomes().ok()));
        r.put("cache_hits", String.valueOf(c.outcomes().cacheHits()));
        r.put("cancelled", String.valueOf(c.outcomes().cancelled()));
        r.put("retries", String.valueOf(c.outcomes().retries()));
        r.put("errors", String.valueOf(c.outcomes().errorCount()));
        errorKinds.forEach(kind -> r.put("err_" + kind, String.valueOf(c.outcomes().count(kind))));
        for (Metric metric : Metric.values()) {
            Percentiles p = c.latency(metric);
            String n = metric.name().toLowerCase();
            r.put(n + "_count", String.valueOf(p.count()));
            r.put(n + "_p50_ms", Fmt.plain(p.p50()));
            r.put(n + "_p90_ms", Fmt.plain(p.p90()));
            r.put(n + "_p95_ms", Fmt.plain(p.p95()));
            r.put(n + "_p99_ms", Fmt.plain(p.p99()));
            r.put(n + "_max_ms", Fmt.plain(p.max()));
            r.put(n + "_mean_ms", Fmt.plain(p.mean()));
        }
        for (Metric metric : ADJUSTED) {
            Percentiles p = m.adjusted(metric);
            String n = metric.name().toLowerCase() + "_adj";
            r.put(n + "_count", p.count() == 0 ? "" : String.valueOf(p.count()));
            r.put(n + "_p50_ms", Fmt.plain(p.p50()));
            r.put(n + "_p90_ms", Fmt.plain(p.p90()));
            r.put(n + "_p95_ms", Fmt.plain(p.p95()));
            r.put(n + "_p99_ms", Fmt.plain(p.p99()));
        }
        Overhead oh = m.overhead();
        overhead(r, "ttft", oh == null ? null : oh.ttft());
        overhead(r, "itl", oh == null ? null : oh.itl());
        overhead(r, "tpot", oh == null ? null : oh.tpot());
        overhead(r, "request", oh == null ? null : oh.request());
        overhead(r, "response", oh == null ? null : oh.response());
        r.put("wall_efficiency", oh == null ? "" : Fmt.plain(oh.wallEfficiency()));
        r.put("cost_usd", d.costUsd() == null ? "" : Fmt.plain(d.costUsd()));
        r.put("cost_per_1m_output_usd", Fmt.plain(Figure.COST_PER_M_OUTPUT.of(c)));
        r.put("cpu_ms_per_1k_tokens", Fmt.plain(d.cpuMsPer1kTokens()));
        r.put("cpu_phase_ms_per_1k_tokens", Fmt.plain(d.cpuPhaseMsPer1kTokens()));
        r.put("peak_threads", m.peakThreads() < 0 ? "" : String.valueOf(m.peakThreads()));
        r.put("leaked_threads", c.leaks() == null ? "" : String.valueOf(c.leaks().threads()));
        r.put("leaked_sockets", c.leaks() == null ? "" : String.valueOf(c.leaks().sockets()));
        r.put("hlog", c.hlogFile() == null ? "" : c.hlogFile());
        r.put("estimated_usage", String.valueOf(m.tokens().estimatedUsage()));
        r.put("protocols", Fmt.counts(m.protocols()));
        r.put("requests_file", c.requestsFile() == null ? "" : c.requestsFile());
        return r;
    }

    /** An overhead's count, p50 and p99; the p99 left empty when it rests on fewer than 100 samples (it would be the max). */
    private static void overhead(Map<String, String> r, String name, Percentiles p) {
        String n = "overhead_" + name;
        boolean any = p != null && p.count() > 0;
        r.put(n + "_count", any ? String.valueOf(p.count()) : "");
        r.put(n + "_p50_ms", any ? Fmt.plain(p.p50()) : "");
        r.put(n + "_p99_ms", any && Overhead.p99Valid(p) ? Fmt.plain(p.p99()) : "");
    }
}
