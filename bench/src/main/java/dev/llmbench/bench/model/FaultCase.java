package dev.llmbench.bench.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One cell kind of the {@code faults} sweep: a simulator fault ({@code x-sim-fault}) forced on a fraction of the
 * measured requests, and the error class the client must end each of them with.
 *
 * @param fault    the simulator's fault name
 * @param rate     fraction of measured requests that get it, spread evenly and exactly ({@link #faulted})
 * @param expected the {@code LlmException.Kind} name every faulted request must end with ("" for the clean baseline)
 * @param limit    which client time limit ends it, for timeouts ("first byte", "idle", "total"), else ""
 */
public record FaultCase(String fault, double rate, String expected, String limit) {

    /**
     * A clean baseline per transport first (it also takes the run's cold start, so no fault row pays for it), then every
     * fault of the simulator at a moderate rate; 429 and 529 also as a storm (every request).
     */
    public static final List<FaultCase> ALL = List.of(
            new FaultCase("none", 0.0, "", ""),
            new FaultCase("http-500", 0.25, "SERVER_ERROR", ""),
            new FaultCase("http-503", 0.25, "OVERLOADED", ""),
            new FaultCase("rate-limit", 0.25, "RATE_LIMITED", ""),
            new FaultCase("rate-limit", 1.0, "RATE_LIMITED", ""),
            new FaultCase("overloaded", 0.25, "OVERLOADED", ""),
            new FaultCase("overloaded", 1.0, "OVERLOADED", ""),
            new FaultCase("reset-mid-stream", 0.25, "CONNECTION", ""),
            new FaultCase("truncate", 0.25, "PROTOCOL", ""),
            new FaultCase("malformed-chunk", 0.25, "PROTOCOL", ""),
            // OpenAI's in-stream {"error":...} event carries no status: the client calls it a server error
            new FaultCase("error-event", 0.25, "SERVER_ERROR", ""),
            new FaultCase("stall-first-byte", 0.25, "TIMEOUT", "first byte"),
            new FaultCase("stall-mid-stream", 0.25, "TIMEOUT", "idle"),
            new FaultCase("slow-trickle", 0.25, "TIMEOUT", "total"));

    /** The cell variant, e.g. {@code http-500@0.25}. */
    public String variant() { return fault + "@" + String.format(Locale.ROOT, "%.2f", rate); }

    /** The case a cell variant names, if any. */
    public static Optional<FaultCase> ofVariant(String variant) {
        return ALL.stream().filter(c -> c.variant().equals(variant)).findFirst();
    }

    /** Whether measured request {@code i} gets the fault: exactly round-down(n * rate) of the first n, evenly spread. */
    public boolean faulted(int i) { return Math.floor((i + 1) * rate + 1e-9) > Math.floor(i * rate + 1e-9); }

    /** How many of {@code n} measured requests get the fault. */
    public long faultedOf(long n) { return (long) Math.floor(n * rate + 1e-9); }
}
