package dev.llmbench.bench.load;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A terminal progress bar with ETA over all requests. Transport threads only bump an atomic counter; the bar's own
 * refresh thread renders it.
 */
final class BarProgress implements Progress {
    private final AtomicLong done = new AtomicLong();
    private final ProgressBar bar;
    private final Thread mirror;
    private volatile boolean closed;

    BarProgress(String task, long total) {
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" req", 1).setUpdateIntervalMillis(250).build();
        mirror = new Thread(() -> {
            while (!closed) {
                bar.stepTo(done.get());
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "llmbench-progress");
        mirror.setDaemon(true);
        mirror.start();
    }

    @Override
    public void step() { done.incrementAndGet(); }

    @Override
    public void close() {
        closed = true;
        mirror.interrupt();
        bar.stepTo(done.get());
        bar.close();
    }
}
