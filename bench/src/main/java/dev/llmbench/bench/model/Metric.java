package dev.llmbench.bench.model;

/**
 * The latency metrics recorded per cell; definitions in bench/README.md. "Send" is the client's send of the attempt
 * that produced the response; "submit" is when the caller handed the request over (open loop: its intended start),
 * before any permit, window wait, earlier attempt or backoff inside the client.
 */
public enum Metric {
    /** Send to the first non-empty content or thinking delta. */
    TTFT,
    /** Send to response headers. */
    TTFB,
    /** Gaps between successive content events after the first. */
    ITL,
    /** (last token event - first token event) / (output tokens - 1), per request. */
    TPOT,
    /** Send to the end of the response. */
    E2E,
    /** Last token event to the end of the response (the usage chunk, [DONE], the stream's close). */
    TAIL,
    /** Submit to send: waiting inside the client (permits, windows, earlier attempts, backoff) and, open loop, behind the cap. */
    QUEUE,
    /** Submit to the first token: what the caller waited. */
    TTFT_SUBMIT,
    /** Submit to the end of the response. */
    E2E_SUBMIT,
    /** Open loop only: intended start to the driver handing the request to the client (the driver's own lag). */
    DISPATCH_LAG,
    /** Failed requests only: submit to the typed error (how long a failure took; bounded by the time limits). */
    ERROR
}
