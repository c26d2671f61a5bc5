package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.target.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a result came from: options, target, JVM, machine, git commit, date. Never a key. */
public final class Provenance {
    private Provenance() {}

    public static Map<String, String> of(SweepOptions o, Target target, Path repoRoot, Map<String, String> models,
                                         Map<String, String> sweepNotes) {
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
