package dev.llmbench.bench.load;

/**
 * What the harness compares with the simulator's per-event send stamps ({@code sim-t-us}); each is one tagged
 * interval of a cell's {@code .hlog} ({@code <NAME>_OVERHEAD}, µs).
 */
enum OverheadKind {
    /** Measured TTFT minus the server's first-token send time. */
    TTFT,
    /** |measured gap - server gap| between successive token events. */
    ITL,
    /** |measured TPOT - server TPOT| per request. */
    TPOT,
    /**
     * The TTFT overhead's request leg: the client's send to the server's receipt of the whole request, on the host's
     * shared monotonic clock (same-host simulator only).
     */
    REQUEST,
    /** The TTFT overhead's response leg: the server's first-token write to the client's first token, on that clock. */
    RESPONSE;

    String tag() { return name() + "_OVERHEAD"; }
}
