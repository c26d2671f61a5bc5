package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.cli.Option;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.jmh.JmhResultsRenderer;
import dev.llmbench.bench.sweep.StandaloneSweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code -Dsweep=jmh}: renders the JMH suite's JSON results (tables, charts, a RESULTS.md section); runs nothing. */
public final class JmhSweep implements StandaloneSweep {
    @Override
    public String name() { return "jmh"; }

    @Override
    public String summary() { return "render JMH results (-DjmhResults) into tables, charts and RESULTS.md; runs nothing"; }

    @Override
    public Set<Option<?>> reads() { return Set.of(Options.SWEEP, Options.JMH_RESULTS, Options.RESULTS); }

    @Override
    public int run(SweepOptions options, Path repoRoot, PrintStream out, PrintStream err) {
        return JmhResultsRenderer.run(options, repoRoot, out, err);
    }
}
