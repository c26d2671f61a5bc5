package dev.llmbench.bench.load;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CPU and thread figures of a cell (CPU ms per 1k tokens, peak threads), bounded by what the test itself did:
 * the process used at least the CPU this thread burned, and at most the wall time on every core.
 */
class ResourceMeterTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void cpuMillisCoverTheWorkDoneSinceStart() {
        ResourceMeter m = new ResourceMeter();
        m.start();
        long wall0 = System.nanoTime();
        long thread0 = THREADS.getCurrentThreadCpuTime();
        long x = 0;
        while (THREADS.getCurrentThreadCpuTime() - thread0 < 60_000_000L) x += Long.numberOfTrailingZeros(x + System.nanoTime());
        double burnedMs = (THREADS.getCurrentThreadCpuTime() - thread0) / 1e6;
        double cpu = m.cpuMillis();
        double wallMs = (System.nanoTime() - wall0) / 1e6;
        assertThat(x).isNotNegative();
        assertThat(cpu).isGreaterThanOrEqualTo(burnedMs * 0.9);
        assertThat(cpu).isLessThanOrEqualTo((wallMs + 50) * Runtime.getRuntime().availableProcessors());
    }

    @Test
    void peakThreadsStartFromTheLiveCountAtStart() throws InterruptedException {
        int burst = 40;
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            Thread t = new Thread(() -> {
                try { release.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            });
            t.start();
            threads.add(t);
        }
        int peakWithBurst = THREADS.getPeakThreadCount();
        release.countDown();
        for (Thread t : threads) t.join();

        ResourceMeter m = new ResourceMeter();
        m.start(); // resets the JVM's peak to the threads alive now
        assertThat(m.peakThreads()).isPositive().isLessThan(peakWithBurst);
        assertThat(m.peakThreads()).isGreaterThanOrEqualTo(1);
    }
}
