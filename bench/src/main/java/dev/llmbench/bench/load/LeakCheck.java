package dev.llmbench.bench.load;

import dev.llmbench.bench.model.Leaks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Threads and sockets before a cell, compared after its client closed. Closing is asynchronous in every stack (event
 * loops wind down, the server closes its end), so the check waits, bounded, for the figures to come back down, with
 * one GC on the way (on JDK 17 an HttpClient's selector thread only ends once the client is collected).
 *
 * <p>Threads are compared by identity: a thread that exists after the cell and did not before is a leak, except the
 * process-wide pools below, which any library shares across clients and which end by themselves when idle.
 */
public final class LeakCheck {
    /**
     * Process-wide pools, not owned by one client: OkHttp's shared task runner and Okio's timeout watchdog (both end
     * after 60 s idle), the common pool, JVM service threads.
     */
    static final List<String> SHARED_POOLS = List.of("OkHttp TaskRunner", "Okio Watchdog", "ForkJoinPool.commonPool", "process reaper",
            "Attach Listener", "RMI ", "JMX ", "surefire-forkedjvm");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long WAIT_MILLIS = 5_000;

    private final Set<Long> before;
    private final int threadsBefore;
    private final int socketsBefore;

    private LeakCheck() {
        this.before = ids();
        this.threadsBefore = before.size();
        this.socketsBefore = openSockets();
    }

    public static LeakCheck start() { return new LeakCheck(); }

    /** Waits (at most a few seconds) for the cell's threads and sockets to go, then reports what is left. */
    public Leaks finish() throws InterruptedException {
        long start = System.currentTimeMillis();
        int gcs = 0;
        while (true) {
            List<String> left = newThreads();
            int sockets = openSockets();
            boolean clean = left.isEmpty() && (sockets < 0 || sockets <= socketsBefore);
            long waited = System.currentTimeMillis() - start;
            if (clean || waited >= WAIT_MILLIS) {
                String names = String.join(", ", left.subList(0, Math.min(3, left.size()))) + (left.size() > 3 ? ", ..." : "");
                return new Leaks(threadsBefore, threadsBefore + left.size(), socketsBefore, sockets, names);
            }
            // JDK 17's HttpClient ends its selector thread and connections only once the client is collected
            if ((gcs == 0 && waited > 300) || (gcs == 1 && waited > 2_500)) {
                System.gc();
                gcs++;
            }
            Thread.sleep(50);
        }
    }

    /** Names of live threads that did not exist before the cell, shared pools excepted. */
    private List<String> newThreads() {
        List<String> names = new java.util.ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.isAlive() || before.contains(t.getId()) || shared(t.getName())) continue;
            names.add(t.getName());
        }
        return names;
    }

    private static boolean shared(String name) {
        for (String p : SHARED_POOLS) if (name.startsWith(p)) return true;
        return false;
    }

    private static Set<Long> ids() {
        Set<Long> ids = new HashSet<>();
        for (long id : THREADS.getAllThreadIds()) ids.add(id);
        return ids;
    }

    /** Open socket file descriptors of this process (Linux {@code /proc/self/fd}), or -1 when that cannot be read. */
    static int openSockets() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) return -1;
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(fds)) {
            for (Path fd : s) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) n++;
                } catch (IOException | UnsupportedOperationException ignored) {
                    // closed while we looked
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return n;
    }
}
