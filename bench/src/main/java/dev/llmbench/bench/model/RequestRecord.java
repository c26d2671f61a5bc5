package dev.llmbench.bench.model;

import java.util.Objects;

/**
 * What happened to one request of a cell, warm-up included: its id, its outcome and the moments of its life on the
 * JVM's monotonic clock ({@link System#nanoTime()}, nanoseconds; {@code 0} = unknown or never happened, the
 * convention of the client's {@code StreamTiming}). The cell's histograms are recorded from the same timestamps, so
 * the figures derived here ({@code *Ms}, milliseconds, NaN when a moment is unknown) are the values behind them: the
 * latency histograms hold those of the measured ok requests (bench/README.md, "Metric definitions").
 *
 * @param requestId       unique within the run and deterministic ({@code <section>:<cell slug>:<w|m><index>} from the
 *                        runner; {@code <hlog name>:<w|m><index>} from a driver run on its own), sent as the request's
 *                        {@code x-request-id} header
 * @param warmup          a warm-up request (excluded from the cell's figures)
 * @param index           0-based within its phase (warm-up or measured), in dispatch order
 * @param outcome         what became of it
 * @param errorClass      for {@link Outcome#ERROR} the class name the reports count it under (an
 *                        {@code LlmException.Kind} name such as {@code RATE_LIMITED}, or {@code UNEXPECTED}); else null
 * @param inputTokens     provider-reported input tokens of an ok response, else 0
 * @param outputTokens    provider-reported output tokens of an ok response (content events when the library exposed no
 *                        usage: {@code usageEstimated}), else 0
 * @param usageEstimated  an ok response whose library exposed no usage (its output tokens are counted content events)
 * @param intendedNanos   open loop: when the schedule wanted it sent; closed loop 0
 * @param submitNanos     when the driver handed it to the client (open loop: its intended start)
 * @param sendNanos       the client's send of the attempt that produced the response (ok only: a failed request's send
 *                        is not exposed by the clients)
 * @param headersNanos    response headers of that attempt (ok only)
 * @param firstTokenNanos first non-empty content or thinking delta (a failed request's too, if one arrived)
 * @param lastTokenNanos  last such delta (likewise)
 * @param endNanos        end of the response (ok only)
 * @param doneNanos       when the driver saw it complete, ok or not (what {@code ERROR} and the steady window use)
 */
public record RequestRecord(String requestId, boolean warmup, int index, Outcome outcome, String errorClass,
                            long inputTokens, long outputTokens, boolean usageEstimated,
                            long intendedNanos, long submitNanos, long sendNanos, long headersNanos,
                            long firstTokenNanos, long lastTokenNanos, long endNanos, long doneNanos) {

    /** What became of a request; {@link #wire()} is its name in the records file. */
    public enum Outcome {
        /** A response from the provider (counted in {@code ok}). */
        OK("ok"),
        /** Served from the client's response cache: nothing was sent (counted in {@code cache_hits}). */
        CACHE_HIT("cache_hit"),
        /** Cancelled by the harness or the client (counted in {@code cancelled}). */
        CANCELLED("cancelled"),
        /** Failed with the error class in {@link RequestRecord#errorClass()} (counted under that class). */
        ERROR("error");

        private final String wire;

        Outcome(String wire) { this.wire = wire; }

        public String wire() { return wire; }

        /** The outcome named {@code wire} in a records file. */
        public static Outcome ofWire(String wire) {
            for (Outcome o : values()) if (o.wire.equals(wire)) return o;
            throw new IllegalArgumentException("unknown outcome: " + wire);
        }
    }

    public RequestRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
        if (index < 0) throw new IllegalArgumentException("index must be >= 0: " + index);
        if ((outcome == Outcome.ERROR) != (errorClass != null)) {
            throw new IllegalArgumentException("an error class goes with outcome error only: " + outcome + "/" + errorClass);
        }
    }

    /** {@code warmup} or {@code measured}. */
    public String phase() { return warmup ? "warmup" : "measured"; }

    /** Failed or cancelled: what the {@code ERROR} histogram and the adjusted percentiles count. */
    public boolean failed() { return outcome == Outcome.ERROR || outcome == Outcome.CANCELLED; }

    /** TTFB: send → response headers. */
    public double ttfbMs() { return span(sendNanos, headersNanos); }

    /** TTFT: send → first token. */
    public double ttftMs() { return span(sendNanos, firstTokenNanos); }

    /**
     * TPOT: (last token event − first token event) / (output tokens − 1), truncated to whole nanoseconds as the TPOT
     * histogram records it; NaN with fewer than 2 output tokens or no token event.
     */
    public double tpotMs() {
        long tpot = tpotNanos(firstTokenNanos, lastTokenNanos, outputTokens);
        return tpot < 0 ? Double.NaN : tpot / 1e6;
    }

    /**
     * The one TPOT definition (bench/README.md), shared by the TPOT histogram, the SLO check and this record:
     * (last token event − first token event) / (output tokens − 1) in whole nanoseconds; -1 with fewer than 2 output
     * tokens or an unknown (0) token time.
     */
    public static long tpotNanos(long firstTokenNanos, long lastTokenNanos, long outputTokens) {
        if (outputTokens < 2 || firstTokenNanos == 0 || lastTokenNanos == 0) return -1;
        return (lastTokenNanos - firstTokenNanos) / (outputTokens - 1);
    }

    /** E2E: send → end of the response. */
    public double e2eMs() { return span(sendNanos, endNanos); }

    /** QUEUE: submit → send, the waiting inside the client. */
    public double queueMs() { return span(submitNanos, sendNanos); }

    /** TTFT_SUBMIT: submit → first token. */
    public double ttftSubmitMs() { return span(submitNanos, firstTokenNanos); }

    /** E2E_SUBMIT: submit → end of the response. */
    public double e2eSubmitMs() { return span(submitNanos, endNanos); }

    /** ERROR: submit → the driver seeing the failure; NaN unless {@link #failed()}. */
    public double errorMs() { return failed() ? span(submitNanos, doneNanos) : Double.NaN; }

    private static double span(long from, long to) {
        return from == 0 || to == 0 ? Double.NaN : (to - from) / 1e6;
    }
}
