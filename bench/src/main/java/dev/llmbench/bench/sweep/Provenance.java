package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.target.Target;
import dev.llmbench.bench.workload.ExactOutput;
import dev.llmbench.bench.workload.Workload;
import dev.llmbench.bench.workload.WorkloadRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a result came from: options, target, JVM, machine, git commit, date. Never a key. */
public final class Provenance {
    private Provenance() {}

    public static Map<String, String> of(SweepOptions o, Target target, Path repoRoot, Map<String, String> models,
                                         Map<String, String> sweepNotes) {
        return of(o, target, repoRoot, models, sweepNotes, List.of());
    }

    /** As above, plus what the section's {@code cells} sent: the run's workload, or prompts of their own. */
    public static Map<String, String> of(SweepOptions o, Target target, Path repoRoot, Map<String, String> models,
                                         Map<String, String> sweepNotes, List<CellSpec> cells) {
        Map<String, String> p = new LinkedHashMap<>(target.provenance());
        p.put("command", o.commandLine());
        p.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        if (target.simulated()) p.put("profile", o.quick() ? "built-in, quick timing overrides" : "built-in");
        p.put("seed", Long.toString(o.seed()));
        p.put("load", o.rate() == null ? "closed loop" : "open loop, Poisson " + o.rate() + " req/s");
        p.put("requests per cell", o.n() != null ? Integer.toString(o.n()) : "auto: max(" + Options.LESSONS_BATCH + ", " + Options.AUTO_WAVES + " x concurrency)");
        p.put("warmup per cell", o.warmup() == null ? "one wave at the cell's concurrency" : Integer.toString(o.warmup()));
        p.put("repeats", Integer.toString(o.repeats()));
        p.put("max tokens", Integer.toString(o.maxTokens()));
        p.putAll(workload(o, target.simulated(), cells));
        p.putAll(sweepNotes);
        models.forEach((provider, model) -> p.put("model." + provider, model));
        p.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        p.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        p.put("load average at start", loadAverage()); // the box may be shared: figures are only as quiet as it was
        // CPU and thread figures are the harness JVM's: they include an in-process simulator, not a forked one
        if (target.simulated()) p.put("simulator", o.simInProcess() ? "in process" : "forked");
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("git", gitCommit(repoRoot));
        return p;
    }

    /**
     * The workload lines of a section ({@link Workload#provenance}, and where exact output was and was not possible)
     * when its cells send the run's workload; a {@code prompts} line when they send their own although workload
     * options are set; nothing for the built-in workload.
     */
    static Map<String, String> workload(SweepOptions o, boolean simulated, List<CellSpec> cells) {
        Map<String, String> p = new LinkedHashMap<>();
        List<WorkloadRequests> sent = cells.stream().map(CellSpec::requests).filter(WorkloadRequests.class::isInstance)
                .map(WorkloadRequests.class::cast).toList();
        List<String> set = SweepContext.workloadOptionsSet(o, simulated);
        if (sent.isEmpty()) {
            if (!cells.isEmpty() && !set.isEmpty()) p.put("prompts", "the section's own, with -DmaxTokens (it does not use " + String.join(", ", set) + ")");
            return p;
        }
        Workload w = sent.get(0).workload();
        p.putAll(w.provenance());
        if (w.exactOutput()) {
            List<String> forced = sent.stream().filter(WorkloadRequests::forceLength).map(WorkloadRequests::provider).distinct().toList();
            List<String> not = sent.stream().filter(r -> !r.forceLength()).map(WorkloadRequests::provider).distinct().toList();
            String text = forced.isEmpty() ? "" : ExactOutput.FIELDS + " sent to " + String.join(", ", forced)
                    + (simulated ? " (the simulator does not read them: its OpenAI-format profiles run with output.sigma=0 and an"
                    + " unbounded output.mean instead, so every answer is cut at max_tokens)" : "");
            if (!not.isEmpty()) text += (text.isEmpty() ? "" : "; ") + "not possible for " + String.join(", ", not) + ": the model's own lengths";
            p.put("exact output", text);
        }
        if (sent.size() < cells.size()) p.put("prompts", "the workload above in " + sent.size() + " of " + cells.size() + " cells; the others their own");
        return p;
    }

    /** The 1-minute system load average, or "unknown". */
    public static String loadAverage() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.2f", l);
    }

    /** HEAD's commit read from .git directly (no process), or "unknown". */
    public static String gitCommit(Path root) {
        try {
            Path git = root.resolve(".git");
            String head = Files.readString(git.resolve("HEAD")).trim();
            if (!head.startsWith("ref: ")) return head;
            String ref = head.substring(5);
            Path loose = git.resolve(ref);
            if (Files.isRegularFile(loose)) return Files.readString(loose).trim();
            Path packed = git.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed)) {
                    if (line.endsWith(" " + ref)) return line.substring(0, line.indexOf(' '));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not a git checkout
        }
        return "unknown";
    }
}
