package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.SweepOptions;

import java.io.PrintStream;
import java.nio.file.Path;

/** A sweep that runs on its own, without a target or cells (a benchmark of a component, a renderer). */
public interface StandaloneSweep extends Sweep {
    /**
     * Runs and publishes; options were already checked ({@code cli.Preflight}).
     *
     * @return the exit code: 0 done, 1 failed, 2 bad input (one line on {@code err})
     */
    int run(SweepOptions options, Path repoRoot, PrintStream out, PrintStream err) throws Exception;
}
