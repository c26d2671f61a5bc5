package dev.llmbench.client.retry;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay without holding a thread meanwhile (a timer, an event loop, or a fake clock in tests). */
@FunctionalInterface
public interface RetryScheduler {

    void schedule(Runnable task, long delayNanos);

    /** Adapts a {@link ScheduledExecutorService} (e.g. a Netty event loop or the client's timer thread). */
    static RetryScheduler of(ScheduledExecutorService executor) {
        return (task, delayNanos) -> executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
}
