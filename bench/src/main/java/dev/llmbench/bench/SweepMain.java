package dev.llmbench.bench;

import dev.llmbench.bench.cli.Option;
import dev.llmbench.bench.cli.OptionException;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.Preflight;
import dev.llmbench.bench.cli.RepositoryRoot;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.cli.TargetSpec;
import dev.llmbench.bench.load.Progress;
import dev.llmbench.bench.run.SweepRunner;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SimOverrides;
import dev.llmbench.bench.sweep.StandaloneSweep;
import dev.llmbench.bench.sweep.Sweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.sweep.catalog.Catalog;
import dev.llmbench.bench.target.BaseUrlTarget;
import dev.llmbench.bench.target.ForkedSimulator;
import dev.llmbench.bench.target.InProcessSimulator;
import dev.llmbench.bench.target.LiveTarget;
import dev.llmbench.bench.target.SimTarget;
import dev.llmbench.bench.target.SimulatorHandle;
import dev.llmbench.bench.target.Target;
import dev.llmbench.bench.workload.Workload;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The sweep runner: {@code mvn -pl bench exec:java -Dsweep=concurrency} (all options: {@code -Dsweep=help}).
 * Exit codes: 0 done, 1 the sweep failed, 2 bad input (one line on stderr naming the option and the valid choices).
 */
public final class SweepMain {
    private SweepMain() {}

    public static void main(String[] args) {
        int code = run(ours(System.getProperties()), System.out, System.err);
        System.out.flush();
        // exit only on failure: under exec:java System.exit would also end Maven abruptly
        if (code != 0) System.exit(code);
    }

    /**
     * The system properties meant for us: every option, and every dotless name that is not Maven's or the JVM's (a
     * misspelt option, which {@link SweepOptions#parse} then rejects naming the nearest one). {@code java.*},
     * {@code maven.*}, {@code exec.*}, {@code user.*} and every other dotted name pass untouched.
     */
    static Map<String, String> ours(Properties properties) {
        Map<String, String> out = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (Options.looksLikeOption(name)) out.put(name, properties.getProperty(name));
        }
        return out;
    }

    /** Everything main does, without System.exit: returns the exit code. */
    public static int run(Map<String, String> options, PrintStream out, PrintStream err) {
        SweepOptions o;
        Sweep sweep;
        Map<String, String> sim = null;
        Workload workload = null;
        Path root = RepositoryRoot.find(Path.of(""));
        try {
            o = SweepOptions.parse(options);
            if (o.help()) {
                out.print(Catalog.help());
                return 0;
            }
            sweep = Catalog.named(o.sweep());
            if (sweep instanceof CellSweep cells) {
                cells.validate(o);
                sim = SimOverrides.of(cells, o);
            }
            Preflight.check(o, root, sweep.reads(), sim); // before the simulator starts: bad paths and settings are bad input too
            if (sweep instanceof CellSweep) workload = Workload.of(o, root); // so is a bad -Ddataset
        } catch (OptionException e) {
            err.println("llmbench: " + e.getMessage());
            return 2;
        }
        for (Option<?> given : o.givenOptions()) {
            if (!sweep.reads().contains(given)) {
                err.println("llmbench: " + given + " is not read by -Dsweep=" + sweep.name() + "; ignored");
            }
        }
        if (sweep instanceof StandaloneSweep standalone) {
            try {
                return standalone.run(o, root, out, err);
            } catch (Exception e) {
                return failed(sweep.name(), e, err);
            }
        }
        CellSweep cellSweep = (CellSweep) sweep;
        try (Target target = openTarget(o, sim)) {
            workload.notes().forEach(out::println);
            SweepContext ctx = new SweepContext(o, target, out, workload);
            List<SweepSection> sections = cellSweep.sections(ctx).stream().filter(SweepSection::runs).toList();
            ctx.ownPromptsNote(sections).ifPresent(note -> err.println("llmbench: " + note));
            if (sections.isEmpty()) {
                if (o.target() instanceof TargetSpec.Live) { // missing keys are bad input
                    err.println("llmbench: -Dtarget=live: no key is set for " + String.join(", ", o.providers()) + "; valid: set "
                            + String.join(" or ", o.providers().stream().map(LiveTarget::keyVariable).toList()));
                    return 2;
                }
                err.println("llmbench: nothing to run: no requested provider is available on target " + o.text(Options.TARGET));
                return 1;
            }
            SweepRunner runner = new SweepRunner(o, target, root, out, cellSweep.provenance(o));
            List<SweepRunner.Published> published;
            try (Progress progress = runner.timed(sections) ? Progress.timed(out)
                    : Progress.forConsole(out, "sweep " + o.sweep(), runner.totalRequests(sections))) {
                published = runner.run(sections, progress);
            }
            published.forEach(runner::print);
            return 0;
        } catch (Exception e) {
            return failed("sweep", e, err);
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

    static Target openTarget(SweepOptions o, Map<String, String> simOverrides) {
        if (o.target() instanceof TargetSpec.BaseUrl b) return new BaseUrlTarget(b.url(), o.model(), System.getenv());
        if (o.target() instanceof TargetSpec.Live) return new LiveTarget(System.getenv(), o.model());
        SimulatorHandle sim = o.simInProcess()
                ? new InProcessSimulator(o.seed(), simOverrides)
                : ForkedSimulator.start(o.seed(), simOverrides);
        return new SimTarget(sim, o.model());
    }
}
