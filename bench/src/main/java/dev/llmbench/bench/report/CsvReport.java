package dev.llmbench.bench.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.llmbench.bench.model.CellKey;
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
 * cost, CPU, threads and (guarded cells) leaked threads and sockets. An unmeasured number is an empty field, never 0.
 */
public final class CsvReport {
    /** Metrics that also get adjusted percentiles (failed requests as infinite latency): {@code <metric>_adj_*}. */
    static final List<Metric> ADJUSTED = List.of(Metric.TTFT, Metric.E2E);

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
                "sent", "ok", "cache_hits", "cancelled", "retries", "errors"));
        errorKinds.forEach(k -> cols.add("err_" + k));
        for (Metric m : Metric.values()) {
            String p = m.name().toLowerCase();
            cols.addAll(List.of(p + "_count", p + "_p50_ms", p + "_p90_ms", p + "_p95_ms", p + "_p99_ms", p + "_max_ms", p + "_mean_ms"));
        }
        for (Metric m : ADJUSTED) {
            String p = m.name().toLowerCase() + "_adj";
            cols.addAll(List.of(p + "_count", p + "_p50_ms", p + "_p90_ms", p + "_p95_ms", p + "_p99_ms"));
        }
        cols.addAll(List.of("overhead_ttft_p50_ms", "overhead_ttft_p99_ms", "wall_efficiency", "cost_usd", "cost_per_1m_output_usd",
                "cpu_ms_per_1k_tokens", "peak_threads", "leaked_threads", "leaked_sockets", "hlog", "estimated_usage", "protocols"));
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
        r.put("wall_s", Fmt.plain(c.wallSeconds()));
        r.put("output_tokens", String.valueOf(c.outputTokens()));
        r.put("input_tokens", String.valueOf(c.inputTokens()));
        r.put("cached_input_tokens", String.valueOf(c.cachedInputTokens()));
        r.put("output_tok_s", Fmt.plain(c.outputTokPerSec()));
        r.put("req_s", Fmt.plain(c.requestsPerSec()));
        r.put("sent", String.valueOf(c.outcomes().sent()));
        r.put("ok", String.valueOf(c.outcomes().ok()));
        r.put("cache_hits", String.valueOf(c.outcomes().cacheHits()));
        r.put("cancelled", String.valueOf(c.outcomes().cancelled()));
        r.put("retries", String.valueOf(c.outcomes().retries()));
        r.put("errors", String.valueOf(c.outcomes().errorCount()));
        errorKinds.forEach(kind -> r.put("err_" + kind, String.valueOf(c.outcomes().count(kind))));
        for (Metric m : Metric.values()) {
            Percentiles p = c.latency(m);
            String n = m.name().toLowerCase();
            r.put(n + "_count", String.valueOf(p.count()));
            r.put(n + "_p50_ms", Fmt.plain(p.p50()));
            r.put(n + "_p90_ms", Fmt.plain(p.p90()));
            r.put(n + "_p95_ms", Fmt.plain(p.p95()));
            r.put(n + "_p99_ms", Fmt.plain(p.p99()));
            r.put(n + "_max_ms", Fmt.plain(p.max()));
            r.put(n + "_mean_ms", Fmt.plain(p.mean()));
        }
        for (Metric m : ADJUSTED) {
            Percentiles p = c.adjusted(m);
            String n = m.name().toLowerCase() + "_adj";
            r.put(n + "_count", p.count() == 0 ? "" : String.valueOf(p.count()));
            r.put(n + "_p50_ms", Fmt.plain(p.p50()));
            r.put(n + "_p90_ms", Fmt.plain(p.p90()));
            r.put(n + "_p95_ms", Fmt.plain(p.p95()));
            r.put(n + "_p99_ms", Fmt.plain(p.p99()));
        }
        boolean oh = c.overhead() != null;
        r.put("overhead_ttft_p50_ms", oh ? Fmt.plain(c.overhead().ttftOverheadP50Ms()) : "");
        r.put("overhead_ttft_p99_ms", oh ? Fmt.plain(c.overhead().ttftOverheadP99Ms()) : "");
        r.put("wall_efficiency", oh ? Fmt.plain(c.overhead().wallEfficiency()) : "");
        r.put("cost_usd", c.costUsd() == null ? "" : Fmt.plain(c.costUsd()));
        r.put("cost_per_1m_output_usd", Fmt.plain(Figure.COST_PER_M_OUTPUT.of(c)));
        r.put("cpu_ms_per_1k_tokens", Fmt.plain(c.cpuMsPer1kTokens()));
        r.put("peak_threads", c.peakThreads() < 0 ? "" : String.valueOf(c.peakThreads()));
        r.put("leaked_threads", c.leaks() == null ? "" : String.valueOf(c.leaks().threads()));
        r.put("leaked_sockets", c.leaks() == null ? "" : String.valueOf(c.leaks().sockets()));
        r.put("hlog", c.hlogFile() == null ? "" : c.hlogFile());
        r.put("estimated_usage", String.valueOf(c.estimatedUsage()));
        r.put("protocols", Fmt.counts(c.protocols()));
        return r;
    }
}
