package dev.llmbench.bench.load;

/** Progress over every request of a run (warm-up included); {@link #step()} is called from transport threads. */
public interface Progress extends AutoCloseable {
    void step();

    /** A cell finished: a line-oriented progress prints it. */
    default void cellDone(String label, long done, long total) {}

    @Override
    default void close() {}

    Progress NONE = () -> {};

    /** A progress bar with ETA on an interactive terminal; one line per cell otherwise (CI has no tty). */
    static Progress forConsole(java.io.PrintStream out, String task, long totalRequests) {
        return System.console() != null && out == System.out ? new BarProgress(task, totalRequests) : new LineProgress(out, "requests");
    }

    /**
     * For a run of timed cells, counted in their planned seconds: one line per cell with the time left (a bar over
     * requests would not know its end).
     */
    static Progress timed(java.io.PrintStream out) { return new LineProgress(out, "s"); }
}
