package dev.llmbench.bench.model;

/**
 * One point of a client's concurrency window: recorded at every change of one key's window (and when recording
 * starts), so the series is an exact step function.
 *
 * @param seconds  since the cell's client sent its first request (warm-up included)
 * @param key      index of the API key whose window it is (0 with one key)
 * @param window   the window (permits allowed in flight) from this moment on
 * @param inFlight requests holding a permit of that key at that moment
 */
public record WindowSample(double seconds, int key, int window, int inFlight) {}
