package dev.llmbench.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Process CPU time and peak live threads over one cell (the whole JVM: keep the simulator out of process for this). */
final class ResourceMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long startCpuNanos;

    void start() {
        THREADS.resetPeakThreadCount();
        startCpuNanos = cpuNanos();
    }

    /** CPU milliseconds used since {@link #start()}, or NaN when the JVM cannot tell. */
    double cpuMillis() {
        long now = cpuNanos();
        return now < 0 || startCpuNanos < 0 ? Double.NaN : (now - startCpuNanos) / 1e6;
    }

    int peakThreads() { return THREADS.getPeakThreadCount(); }

    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
