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
    TPOT;

    String tag() { return name() + "_OVERHEAD"; }
}
