package dev.llmbench.bench.jmh;

import dev.llmbench.client.limit.Limiter;
import dev.llmbench.client.limit.Outcome;
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

import java.util.concurrent.TimeUnit;

/**
 * The AIMD limiter every request passes through: {@code acquire()} a permit (a completed future when the window has
 * room, else a queued one completed by a release), then {@code release(SUCCESS)}, which feeds the AIMD window.
 *
 * <p>Why: the limiter is the one lock-free structure all in-flight requests share, so its cost under contention is
 * what matters. {@code limit} 64 is the default window (4 threads never fill it: only the atomics contend);
 * {@code limit} 2 with 4 threads makes half the acquires queue and be completed by another thread's release (the
 * slow path, with the thread parking in {@code join}). Scores are nanoseconds per acquire + release.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class LimiterBenchmark {

    @Param({"2", "64"})
    public int limit;

    private Limiter limiter;

    @Setup
    public void setup() {
        limiter = Limiter.aimd(limit);
    }

    private boolean cycle() {
        Limiter.Permit p = limiter.acquire().join();
        return p.release(Outcome.SUCCESS);
    }

    @Benchmark @Threads(1) public boolean acquireRelease() { return cycle(); }

    @Benchmark @Threads(2) public boolean acquireRelease2Threads() { return cycle(); }

    @Benchmark @Threads(4) public boolean acquireRelease4Threads() { return cycle(); }
}
