package dev.llmbench.bench.path;

import java.time.Duration;

/**
 * A reliability cell (the {@code faults} and {@code soak} sweeps): the client gets short time limits, the runner checks
 * after the cell that its client left no thread or socket behind ({@link LeakCheck}), and a soak cell runs for a
 * time instead of a request count, sampled every {@code sampleEvery} ({@link SoakDriver}).
 *
 * @param firstByteTimeout send to response headers
 * @param idleTimeout      silence between two reads of a stream
 * @param requestTimeout   a whole request
 * @param soak             how long a soak cell loads its target, or null for a request-count cell
 * @param sampleEvery      soak sampling interval (ignored without {@code soak})
 */
public record Guard(Duration firstByteTimeout, Duration idleTimeout, Duration requestTimeout, Duration soak, Duration sampleEvery) {

    /** Short limits for a fault cell; quick mode (fast simulator timing) gets shorter ones. */
    public static Guard faults(boolean quick) {
        // quick: the simulator answers in ms, but a shared box under load still needs some slack before "first byte"
        return quick ? new Guard(Duration.ofMillis(2000), Duration.ofMillis(1000), Duration.ofMillis(3000), null, null)
                : new Guard(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(8), null, null);
    }

    /** e.g. {@code first byte 2000 ms, idle 3000 ms, total 8000 ms}. */
    public String describe() {
        return "first byte " + firstByteTimeout.toMillis() + " ms, idle " + idleTimeout.toMillis() + " ms, total "
                + requestTimeout.toMillis() + " ms";
    }
}
