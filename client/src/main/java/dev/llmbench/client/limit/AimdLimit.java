package dev.llmbench.client.limit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Additive increase, multiplicative decrease, as the lessons' AIMD semaphore: +1 on a success, halve on a 429
 * (or 529/timeout), floor 4, ceiling = the configured maximum concurrency (32 by default, the measured OpenAI optimum).
 *
 * <p>Two refinements over the plain rule, both from Netflix concurrency-limits' {@code AIMDLimit} and TCP:
 * a success grows the window only when the window was actually in use ({@code inFlight * 2 >= limit}, so an idle
 * client does not inflate it), and optionally ({@link Builder#decreaseOncePerWindow(boolean)}) a burst of drops
 * from requests that started before the last decrease only halves once, not once per failed request.
 */
public final class AimdLimit implements Limit {
    private final int min;
    private final int max;
    private final double backoffRatio;
    private final boolean decreaseOncePerWindow;
    private final AtomicInteger limit;
    private final AtomicLong lastDecreaseNanos = new AtomicLong(Long.MIN_VALUE);
    private final List<LimitListener> listeners = new CopyOnWriteArrayList<>();

    private AimdLimit(Builder b) {
        this.min = b.min;
        this.max = b.max;
        this.backoffRatio = b.backoffRatio;
        this.decreaseOncePerWindow = b.decreaseOncePerWindow;
        this.limit = new AtomicInteger(b.initial == 0 ? b.max : b.initial);
    }

    /** Floor 4, ceiling 32, starts at the ceiling, halves on drops. */
    public static AimdLimit defaults() { return builder().build(); }

    public static Builder builder() { return new Builder(); }

    @Override public int limit() { return limit.get(); }

    public int min() { return min; }

    public int max() { return max; }

    @Override
    public void onSample(long startNanos, int inFlight, Outcome outcome) {
        switch (outcome) {
            case SUCCESS -> increase(inFlight);
            case DROPPED -> decrease(startNanos);
            case IGNORED -> { }
        }
    }

    private void increase(int inFlight) {
        int old;
        int next;
        do {
            old = limit.get();
            if (old >= max || inFlight * 2 < old) return; // at the ceiling, or the window was not in use
            next = old + 1;
        } while (!limit.compareAndSet(old, next));
        notifyListeners(old, next);
    }

    private void decrease(long startNanos) {
        if (decreaseOncePerWindow) {
            long last = lastDecreaseNanos.get();
            // Sent before the previous decrease: that decrease already answered this overload.
            if (last != Long.MIN_VALUE && startNanos - last < 0) return;
        }
        int old;
        int next;
        do {
            old = limit.get();
            next = Math.max(min, (int) (old * backoffRatio));
            if (next == old) return;
        } while (!limit.compareAndSet(old, next));
        lastDecreaseNanos.set(System.nanoTime());
        notifyListeners(old, next);
    }

    private void notifyListeners(int old, int next) {
        for (LimitListener l : listeners) l.onLimitChange(old, next);
    }

    @Override public void addListener(LimitListener listener) { listeners.add(listener); }

    @Override
    public String toString() { return "AimdLimit[limit=" + limit.get() + ", min=" + min + ", max=" + max + "]"; }

    public static final class Builder {
        private int min = 4;
        private int max = 32;
        private int initial;
        private double backoffRatio = 0.5;
        private boolean decreaseOncePerWindow;

        private Builder() {}

        /** Floor of the window; default 4. */
        public Builder min(int min) {
            if (min < 1) throw new IllegalArgumentException("min must be >= 1: " + min);
            this.min = min;
            return this;
        }

        /** Ceiling of the window (the client's max concurrency); default 32. */
        public Builder max(int max) {
            if (max < 1) throw new IllegalArgumentException("max must be >= 1: " + max);
            this.max = max;
            return this;
        }

        /** Starting window; default the ceiling, as the lessons' semaphore started at max_concurrent. */
        public Builder initial(int initial) {
            if (initial < 1) throw new IllegalArgumentException("initial must be >= 1: " + initial);
            this.initial = initial;
            return this;
        }

        /** Factor applied on a drop; default 0.5. */
        public Builder backoffRatio(double ratio) {
            if (!(ratio > 0 && ratio < 1)) throw new IllegalArgumentException("backoffRatio must be in (0, 1): " + ratio);
            this.backoffRatio = ratio;
            return this;
        }

        /**
         * When true, drops from requests that got their permit before the last decrease are ignored, so a burst of
         * 429s from one window halves once (TCP-style). Default false: every drop halves, as in the lessons.
         */
        public Builder decreaseOncePerWindow(boolean once) {
            this.decreaseOncePerWindow = once;
            return this;
        }

        public AimdLimit build() {
            if (min > max) throw new IllegalArgumentException("min " + min + " > max " + max);
            if (initial != 0 && (initial < min || initial > max)) {
                throw new IllegalArgumentException("initial " + initial + " outside [" + min + ", " + max + "]");
            }
            return new AimdLimit(this);
        }
    }
}
