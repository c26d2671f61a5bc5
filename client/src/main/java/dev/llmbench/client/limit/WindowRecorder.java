package dev.llmbench.client.limit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps a bounded time series of (nanoTime, limit, inFlight) for reports: register it with
 * {@link Limiter#addListener} to record every window change, and/or call {@link #sample(Limiter)} periodically.
 * Appends take a short monitor (window changes happen at most once per finished request, never per token).
 */
public final class WindowRecorder implements Limiter.WindowListener {
    private final int capacity;
    private long[] nanos = new long[64];
    private int[] limits = new int[64];
    private int[] inFlights = new int[64];
    private int size;
    private long dropped;

    /** @param capacity the most points kept; later points are counted in {@link #dropped()} and discarded */
    public WindowRecorder(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        this.capacity = capacity;
    }

    @Override
    public synchronized void onWindow(long nanoTime, int limit, int inFlight) {
        if (size == capacity) { dropped++; return; }
        if (size == nanos.length) {
            int n = Math.min(capacity, size * 2);
            nanos = Arrays.copyOf(nanos, n);
            limits = Arrays.copyOf(limits, n);
            inFlights = Arrays.copyOf(inFlights, n);
        }
        nanos[size] = nanoTime;
        limits[size] = limit;
        inFlights[size] = inFlight;
        size++;
    }

    /** Records the limiter's window now. */
    public void sample(Limiter limiter) {
        Limiter.Window w = limiter.snapshot();
        onWindow(w.nanoTime(), w.limit(), w.inFlight());
    }

    public synchronized int size() { return size; }

    /** Points discarded because the capacity was reached. */
    public synchronized long dropped() { return dropped; }

    /** A copy of the recorded points, in recording order ({@code waiting} is not recorded and reads 0). */
    public synchronized List<Limiter.Window> points() {
        List<Limiter.Window> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(new Limiter.Window(nanos[i], limits[i], inFlights[i], 0));
        return out;
    }
}
