package dev.llmbench.bench.jmh;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * HdrHistogram recording as the sweep harness does it ({@code bench.load.CellRecorder}): one shared
 * {@link Recorder} with 3 significant digits per metric, values converted from nanoseconds to microseconds,
 * recorded from whichever thread completes a request; with a plain single-writer {@link Histogram} as the floor.
 *
 * <p>Why: the harness records several values per token event (ITL) on the client's I/O threads, so recording must
 * cost nanoseconds and stay wait-free with several writers. {@code unit}: {@code us} as the harness records, {@code ns}
 * to show what recording raw nanoseconds would cost (a wider value range: more buckets, more cache misses). Values
 * are log-uniform from 10 µs to 60 s. Scores are nanoseconds per recorded value.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HistogramBenchmark {
    private static final int VALUES = 4096;

    @Param({"us", "ns"})
    public String unit;

    private Recorder recorder;
    private long[] nanos;

    @Setup
    public void setup() {
        recorder = new Recorder(3);
        SplittableRandom r = new SplittableRandom(42);
        nanos = new long[VALUES];
        for (int i = 0; i < VALUES; i++) nanos[i] = (long) Math.pow(10, 4 + r.nextDouble() * Math.log10(6e10 / 1e4));
    }

    /** Per-thread: the next value, and a single-writer histogram for the floor. */
    @State(Scope.Thread)
    public static class Writer {
        int i;
        Histogram histogram;

        @Setup
        public void setup() { histogram = new Histogram(3); }

        long next(long[] values) { return values[i++ & (VALUES - 1)]; }
    }

    private long value(Writer w) {
        long v = w.next(nanos);
        return unit.equals("us") ? v / 1_000 : v;
    }

    /** What CellRecorder.record does, from one thread. */
    @Benchmark @Threads(1)
    public Recorder recorder(Writer w) {
        recorder.recordValue(value(w));
        return recorder;
    }

    /** The same shared Recorder written by four threads at once (the client's I/O threads). */
    @Benchmark @Threads(4)
    public Recorder recorder4Threads(Writer w) {
        recorder.recordValue(value(w));
        return recorder;
    }

    /** The floor: a plain Histogram, one writer, no interval swapping. */
    @Benchmark @Threads(1)
    public Histogram histogram(Writer w) {
        w.histogram.recordValue(value(w));
        return w.histogram;
    }
}
