package dev.llmbench.client.internal;

import dev.llmbench.client.internal.transport.DaemonThreads;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of a client: every request's time limits are tasks on it, never a thread per request.
 * Started on the first schedule; cancelled tasks leave the queue at once.
 */
final class SharedTimer {
    private volatile ScheduledThreadPoolExecutor executor;

    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return executor().schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private ScheduledThreadPoolExecutor executor() {
        ScheduledThreadPoolExecutor e = executor;
        if (e != null) return e;
        synchronized (this) {
            if (executor == null) {
                ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1, new DaemonThreads("llmbench-timer"));
                created.setRemoveOnCancelPolicy(true);
                created.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                executor = created;
            }
            return executor;
        }
    }

    boolean started() { return executor != null; }

    void close() {
        ScheduledThreadPoolExecutor e = executor;
        if (e != null) e.shutdownNow();
    }
}
