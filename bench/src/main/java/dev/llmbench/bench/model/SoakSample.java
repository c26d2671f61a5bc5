package dev.llmbench.bench.model;

/**
 * One sample of a soak cell, taken every few seconds while the load runs.
 *
 * @param seconds       since the measured phase started
 * @param heapMb        used heap right after a requested GC, MiB
 * @param threads       live JVM threads
 * @param sockets       open socket file descriptors of this process, or -1 when unknown
 * @param ok            requests completed ok in this interval
 * @param errors        requests failed in this interval (any class, cancellations included)
 * @param outputTokPerSec output tokens of this interval's ok requests / interval length
 */
public record SoakSample(double seconds, double heapMb, int threads, int sockets, long ok, long errors, double outputTokPerSec) {}
