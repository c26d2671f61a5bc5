package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.client.LlmException;

import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/** A number read off one cell, with its label and display format; NaN when the cell did not measure it. */
public enum Figure {
    /** Output tokens per second in the steady window (the headline rate). */
    TOK_PER_SEC("tok/s", true, c -> c.derived().outputTokPerSec(), Fmt::whole),
    /** Ok requests per second in the steady window. */
    REQ_PER_SEC("req/s", true, c -> c.derived().requestsPerSec(), Fmt::whole),
    /** The lessons' figure: tokens of the first 64 requests over their wall (one wave at c >= 64). */
    BATCH_TOK_PER_SEC("batch tok/s", true, c -> c.derived().batchOutputTokPerSec(), Fmt::whole),
    /** Headline rate over Little's law (c x mean output tokens / mean E2E from submit): about 1 when the window held the load. */
    LITTLE_RATIO("rate/Little", false, c -> c.derived().littleRatio(), Fmt::ratio),
    TTFT_P50("TTFT p50", false, c -> c.latency(Metric.TTFT).p50(), Fmt::secondsFromMs),
    TTFT_P95("TTFT p95", false, c -> c.latency(Metric.TTFT).p95(), Fmt::secondsFromMs),
    /** TTFT p95 with every failed request counted as infinitely slow (∞ once failures pass 5%). */
    TTFT_P95_ADJUSTED("TTFT p95 adj.", false, c -> c.measured().adjusted(Metric.TTFT).p95(), Fmt::secondsFromMs),
    /** TTFT p50 from the caller's submit: includes waiting inside the client (permits, windows, retries, backoff). */
    TTFT_SUBMIT_P50("TTFT p50 from submit", false, c -> c.latency(Metric.TTFT_SUBMIT).p50(), Fmt::secondsFromMs),
    /** TTFT p95 from the caller's submit. */
    TTFT_SUBMIT_P95("TTFT p95 from submit", false, c -> c.latency(Metric.TTFT_SUBMIT).p95(), Fmt::secondsFromMs),
    /** E2E p50 from the caller's submit. */
    E2E_SUBMIT_P50("E2E p50 from submit", false, c -> c.latency(Metric.E2E_SUBMIT).p50(), Fmt::secondsFromMs),
    /** Waiting inside the client, submit to the send of the attempt that produced the response, p95. */
    QUEUE_P95("queue p95", false, c -> c.latency(Metric.QUEUE).p95(), Fmt::secondsFromMs),
    E2E_P50("E2E p50", false, c -> c.latency(Metric.E2E).p50(), Fmt::secondsFromMs),
    /** E2E p95 from the caller's submit. */
    E2E_SUBMIT_P95("E2E p95 from submit", false, c -> c.latency(Metric.E2E_SUBMIT).p95(), Fmt::secondsFromMs),
    /** Open loop: the requests per second the schedule offered. */
    OFFERED_RATE("offered req/s", true, c -> c.measured().offeredRate(), Fmt::rate),
    /** Completions (ok or failed) per second in the steady window: what the target took of the offered rate. */
    ACHIEVED_RATE("achieved req/s", true, c -> c.derived().achievedRate(), Fmt::rate),
    /** Open loop: intended start to dispatch, p95 (the driver's own lag, or the in-flight cap holding requests back). */
    DISPATCH_LAG_P95("dispatch lag p95", false, c -> c.latency(Metric.DISPATCH_LAG).p95(), Fmt::secondsFromMs),
    /** Share of sent requests that met -Dslo (failures and cancels miss it). */
    SLO_ATTAINMENT("SLO met", true, c -> c.derived().sloAttainment(), Fmt::percent1),
    /** Requests meeting -Dslo per second in the steady window. */
    GOODPUT("goodput req/s", true, c -> c.derived().goodputReqPerSec(), Fmt::rate),
    WALL("wall", false, c -> c.measured().wallSeconds(), Fmt::seconds),
    /** Process CPU time per 1,000 output tokens (the JVM's own accounting; the forked simulator is not in it). */
    CPU_PER_1K_TOKENS("CPU ms/1k tok", false, c -> c.derived().cpuMsPer1kTokens(), Fmt::whole),
    /** Peak live JVM threads during the measured phase. */
    PEAK_THREADS("peak threads", false, c -> c.measured().peakThreads() < 0 ? Double.NaN : c.measured().peakThreads(), Fmt::whole),
    /** Share of input tokens served from the provider's prefix cache. */
    CACHED_SHARE("cached input share", true,
            c -> c.measured().tokens().input() > 0
                    ? (double) c.measured().tokens().cachedInput() / c.measured().tokens().input() : Double.NaN, Fmt::percent),
    /** Cost of the cell's ok requests from prices.csv; "unknown" (never 0) when the model has no price. */
    COST("cost", false, c -> c.derived().costUsd() == null ? Double.NaN : c.derived().costUsd(), Fmt::usd),
    /** Cost per million output tokens: what the throughput costs, comparable across cells of different n. */
    COST_PER_M_OUTPUT("$/1M out", false, c -> c.derived().costUsd() == null || c.measured().tokens().output() <= 0 ? Double.NaN
            : c.derived().costUsd() / c.measured().tokens().output() * 1e6, Fmt::usd),
    /** Share of sent requests that ended in a 429. */
    RATE_LIMITED_SHARE("429 share", false,
            c -> c.outcomes().sent() > 0 ? (double) c.outcomes().count(LlmException.Kind.RATE_LIMITED.name()) / c.outcomes().sent() : Double.NaN,
            Fmt::percent);

    private final String label;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<CellResult> read;
    private final DoubleFunction<String> format;

    Figure(String label, boolean higherIsBetter, ToDoubleFunction<CellResult> read, DoubleFunction<String> format) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.read = read;
        this.format = format;
    }

    public String label() { return label; }

    public boolean higherIsBetter() { return higherIsBetter; }

    public double of(CellResult cell) { return read.applyAsDouble(cell); }

    public String format(double v) { return format.apply(v); }
}
