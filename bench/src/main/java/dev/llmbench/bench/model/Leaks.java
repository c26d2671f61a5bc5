package dev.llmbench.bench.model;

/**
 * What a guarded cell left behind: live JVM threads and open sockets of this process just before its client was built
 * and after it was closed (after a bounded wait for them to come back down). Positive {@link #threads()} or
 * {@link #sockets()} is a leak.
 *
 * @param threadsBefore live threads before the cell
 * @param threadsAfter  live threads after the cell's client was closed
 * @param socketsBefore open socket file descriptors of this process before the cell, or -1 when unknown (no /proc)
 * @param socketsAfter  the same after the cell, or -1
 * @param threadNames   names of the threads left behind (a few), "" when none
 */
public record Leaks(int threadsBefore, int threadsAfter, int socketsBefore, int socketsAfter, String threadNames) {
    public int threads() { return Math.max(0, threadsAfter - threadsBefore); }

    /** Sockets still open that were not before, or 0 when unknown. */
    public int sockets() { return socketsBefore < 0 || socketsAfter < 0 ? 0 : Math.max(0, socketsAfter - socketsBefore); }

    public boolean leaked() { return threads() > 0 || sockets() > 0; }
}
