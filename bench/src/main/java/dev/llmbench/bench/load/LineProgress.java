package dev.llmbench.bench.load;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/** Progress without a terminal (CI, tests, redirected output): one line per finished cell with an ETA. */
final class LineProgress implements Progress {
    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    LineProgress(PrintStream out) { this.out = out; }

    @Override
    public void step() {}

    @Override
    public void cellDone(String label, long done, long total) {
        long elapsed = System.nanoTime() - startNanos;
        long eta = done == 0 ? 0 : (long) (elapsed * ((double) (total - done) / done));
        out.printf("[%d/%d requests] %s done, elapsed %ds, eta %ds%n", done, total, label,
                TimeUnit.NANOSECONDS.toSeconds(elapsed), TimeUnit.NANOSECONDS.toSeconds(eta));
    }
}
