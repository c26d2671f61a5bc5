package dev.llmbench.bench.jmh;

import dev.llmbench.bench.report.JmhReport;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code mvn -pl bench exec:java -Dsweep=jmh [-DjmhResults=reports/jmh]}: renders JMH JSON results already on disk
 * (charts, table.md, the {@code jmh} section of RESULTS.md). It runs no benchmark: JMH forks must run from the
 * shaded jar ({@code java -jar bench/target/benchmarks.jar}), since forks started from Maven's {@code exec:java} do
 * not see its class path.
 */
public final class JmhResultsRenderer {
    private JmhResultsRenderer() {}

    /** Exit code: 0 rendered, 1 rendering failed, 2 no results at the given path (one line on {@code err}). */
    public static int run(SweepOptions o, Path root, PrintStream out, PrintStream err) {
        String given = o.get(Options.JMH_RESULTS);
        Path results = root.resolve(given);
        if (!Files.isRegularFile(results) && !Files.isDirectory(results)) {
            err.println("llmbench: jmhResults=" + given + ": no such file or folder; valid: a JMH JSON file (-rf json) or a folder"
                    + " of them, e.g. java -jar bench/target/benchmarks.jar SseDecode -rf json -rff reports/jmh/results.json");
            return 2;
        }
        String command = "mvn -pl bench exec:java -Dsweep=jmh"
                + (o.given(Options.JMH_RESULTS) ? " -DjmhResults=" + given : "");
        try {
            JmhReport.Rendered r = JmhReport.render(results, o.resultsFile(root), command);
            out.print(r.section());
            out.println("Rendered " + r.files().size() + " files in " + r.dir());
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("llmbench: jmh report failed: " + e.getMessage());
            return e instanceof IOException && e.getMessage() != null && e.getMessage().startsWith("no JMH") ? 2 : 1;
        }
    }
}
