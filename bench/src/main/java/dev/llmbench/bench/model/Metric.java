package dev.llmbench.bench.model;

/** The latency metrics recorded per cell; definitions in bench/README.md. */
public enum Metric {
    /** Send start to the first non-empty content or thinking delta. */
    TTFT,
    /** Send start to response headers. */
    TTFB,
    /** Gaps between successive content events after the first. */
    ITL,
    /** (E2E - TTFT) / (output tokens - 1), per request. */
    TPOT,
    /** Send start to the end of the response. */
    E2E,
    /** Open loop only: intended start to actual send (the driver's own lag). */
    DISPATCH_LAG,
    /** Failed requests only: send start to the typed error (how long a failure took; bounded by the time limits). */
    ERROR
}
