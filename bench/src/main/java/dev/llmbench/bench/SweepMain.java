package dev.llmbench.bench;

import dev.llmbench.bench.jmh.JmhResultsRenderer;
import dev.llmbench.bench.target.BaseUrlTarget;
import dev.llmbench.bench.sweep.catalog.CacheSweep;
import dev.llmbench.bench.target.ForkedSimulator;
import dev.llmbench.bench.target.InProcessSimulator;
import dev.llmbench.bench.target.LiveTarget;
import dev.llmbench.bench.cli.OptionException;
import dev.llmbench.bench.cli.OptionSpec;
import dev.llmbench.bench.cli.Preflight;
import dev.llmbench.bench.load.Progress;
import dev.llmbench.bench.path.library.LibraryClientPath;
import dev.llmbench.bench.path.RefClientOptions;
import dev.llmbench.bench.path.RefClientPath;
import dev.llmbench.bench.cli.RepositoryRoot;
import dev.llmbench.bench.target.SimTarget;
import dev.llmbench.bench.target.SimulatorHandle;
import dev.llmbench.bench.sweep.Sweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.run.SweepRunner;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Target;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep runner: {@code mvn -pl bench exec:java -Dsweep=concurrency} (all options: {@code -Dsweep=help}).
 * Exit codes: 0 done, 1 the sweep failed, 2 a bad option (one line on stderr naming it and the valid choices).
 */
public final class SweepMain {
    private SweepMain() {}

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : OptionSpec.names()) {
            String v = System.getProperty(name);
            if (v != null) options.put(name, v);
        }
        int code = run(options, System.out, System.err);
        System.out.flush();
        // exit only on failure: under exec:java System.exit would also end Maven abruptly
        if (code != 0) System.exit(code);
    }

    /** Everything main does, without System.exit: returns the exit code. */
    public static int run(Map<String, String> options, PrintStream out, PrintStream err) {
        SweepOptions o;
        Sweep sweep;
        Path root = RepositoryRoot.find(Path.of(""));
        try {
            o = SweepOptions.parse(options);
            if (o.help()) {
                out.print(OptionSpec.help());
                return 0;
            }
            if (o.sweep().equals("jmh")) return JmhResultsRenderer.run(o, out, err); // renders JMH results, runs nothing
            Preflight.check(o, root); // before the simulator starts: bad paths and settings are bad input too
            if (o.sweep().equals("cache")) return cache(o, root, out, err);
            sweep = Sweep.named(o.sweep());
        } catch (OptionException e) {
            err.println("llmbench: " + e.getMessage());
            return 2;
        }
        try (Target target = openTarget(o)) {
            SweepContext ctx = new SweepContext(o, target, o.sweep().equals("path") ? LibraryClientPath.all() : List.of(new RefClientPath(RefClientOptions.raw(o.retries()))), out);
            List<SweepSection> sections = sweep.sections(ctx).stream().filter(s -> !s.cells().isEmpty()).toList();
            if (sections.isEmpty()) {
                if (o.target() instanceof SweepOptions.TargetSpec.Live) { // missing keys are bad input
                    err.println("llmbench: -Dtarget=live: no key is set for " + String.join(", ", o.providers()) + "; valid: set "
                            + String.join(" or ", o.providers().stream().map(LiveTarget::keyVariable).toList()));
                    return 2;
                }
                err.println("llmbench: nothing to run: no requested provider is available on target " + o.raw().getOrDefault("target", "sim"));
                return 1;
            }
            SweepRunner runner = new SweepRunner(o, target, root, out);
            List<SweepRunner.Published> published;
            try (Progress progress = Progress.forConsole(out, "sweep " + o.sweep(), runner.totalRequests(sections))) {
                published = runner.run(sections, progress);
            }
            published.forEach(runner::print);
            return 0;
        } catch (Exception e) {
            return failed("sweep", e, err);
        }
    }

    /** The response-cache benchmark: no target, no cells ({@link CacheSweep}). */
    private static int cache(SweepOptions o, Path root, PrintStream out, PrintStream err) {
        try {
            CacheSweep.runAndPublish(o, root, out);
            return 0;
        } catch (Exception e) {
            return failed("cache benchmark", e, err);
        }
    }

    /** A run that failed once started: one line, exit code 1 (an interrupt is kept for the caller). */
    private static int failed(String what, Exception e, PrintStream err) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            err.println("llmbench: interrupted");
        } else {
            err.println("llmbench: " + what + " failed: " + e);
        }
        return 1;
    }

    static Target openTarget(SweepOptions o) {
        if (o.target() instanceof SweepOptions.TargetSpec.BaseUrl b) return new BaseUrlTarget(b.url(), o.model(), System.getenv());
        if (o.target() instanceof SweepOptions.TargetSpec.Live) return new LiveTarget(System.getenv(), o.model());
        SimulatorHandle sim = o.simInProcess()
                ? new InProcessSimulator(o.seed(), o.simOverrides())
                : ForkedSimulator.start(o.seed(), o.simOverrides());
        return new SimTarget(sim, o.model());
    }
}
