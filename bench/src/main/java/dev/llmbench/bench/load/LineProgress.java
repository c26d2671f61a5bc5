package dev.llmbench.bench.load;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/** Progress without a terminal (CI, tests, redirected output): one line per finished cell with an ETA. */
final class LineProgress implements Progress {
    private final PrintStream out;
    private final String unit;
    private final long startNanos = System.nanoTime();

    /** @param unit what {@code done} and {@code total} count: {@code requests}, or {@code s} (planned seconds of timed cells) */
    LineProgress(PrintStream out, String unit) {
        this.out = out;
        this.unit = unit;
    }

    @Override
    public void step() {}

    @Override
    public void cellDone(String label, long done, long total) {
        long elapsed = System.nanoTime() - startNanos;
        long eta = done == 0 ? 0 : (long) (elapsed * ((double) (total - done) / done));
        out.printf("[%d/%d %s] %s done, elapsed %ds, %s %ds%n", done, total, unit, label,
                TimeUnit.NANOSECONDS.toSeconds(elapsed), unit.equals("s") ? "time left" : "eta", TimeUnit.NANOSECONDS.toSeconds(eta));
    }
}
