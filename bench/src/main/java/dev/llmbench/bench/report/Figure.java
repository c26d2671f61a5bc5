package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.client.LlmException;

import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/** A number read off one cell, with its label and display format; NaN when the cell did not measure it. */
public enum Figure {
    TOK_PER_SEC("tok/s", true, CellResult::outputTokPerSec, Fmt::whole),
    REQ_PER_SEC("req/s", true, CellResult::requestsPerSec, Fmt::whole),
    TTFT_P50("TTFT p50", false, c -> c.latency(Metric.TTFT).p50(), Fmt::secondsFromMs),
    TTFT_P95("TTFT p95", false, c -> c.latency(Metric.TTFT).p95(), Fmt::secondsFromMs),
    /** TTFT p95 with every failed request counted as infinitely slow (∞ once failures pass 5%). */
    TTFT_P95_ADJUSTED("TTFT p95 adj.", false, c -> c.adjusted(Metric.TTFT).p95(), Fmt::secondsFromMs),
    E2E_P50("E2E p50", false, c -> c.latency(Metric.E2E).p50(), Fmt::secondsFromMs),
    WALL("wall", false, CellResult::wallSeconds, Fmt::seconds),
    /** Share of input tokens served from the provider's prefix cache. */
    CACHED_SHARE("cached input share", true,
            c -> c.inputTokens() > 0 ? (double) c.cachedInputTokens() / c.inputTokens() : Double.NaN, Fmt::percent),
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
