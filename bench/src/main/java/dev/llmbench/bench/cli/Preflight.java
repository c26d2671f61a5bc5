package dev.llmbench.bench.cli;

import dev.llmbench.client.pricing.Prices;
import dev.llmbench.simulator.SimulatorSettings;
import dev.llmbench.simulator.profile.Profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Checks what the options point at before anything starts, so that bad input is one line and exit code 2, not a
 * failure halfway through a sweep: the reports directory, the RESULTS.md folder and (cache benchmark) {@code -DcacheDir}
 * can be written, the price list parses, and the simulator overrides are valid profile settings.
 */
public final class Preflight {
    private Preflight() {}

    /**
     * Checks what a sweep that reads {@code reads} will touch.
     *
     * @param simOverrides the simulator settings the run will start with, or null when it starts no simulator
     * @throws OptionException naming the first problem
     */
    public static void check(SweepOptions o, Path repoRoot, Set<Option<?>> reads, Map<String, String> simOverrides) {
        if (reads.contains(Options.CACHE_DIR) && o.given(Options.CACHE_DIR)) {
            writableDirectory("cacheDir", o.get(Options.CACHE_DIR), cacheDirectory(o, repoRoot));
        }
        if (reads.contains(Options.REPORTS)) writableDirectory("reports", o.reports(), repoRoot.resolve(o.reports()));
        if (reads.contains(Options.RESULTS)) {
            Path results = repoRoot.resolve(o.results()).toAbsolutePath();
            if (Files.isDirectory(results)) throw new OptionException("results", o.results(), "a file (this is a directory)");
            writableDirectory("results", o.results(), results.getParent());
        }
        if (reads.contains(Options.PRICES)) pricesFile(o, repoRoot);
        if (simOverrides != null && o.target() instanceof TargetSpec.Sim) simSettings(o, simOverrides);
    }

    /** {@code -DcacheDir} resolved against the repository root, or null for the client's default choice. */
    public static Path cacheDirectory(SweepOptions o, Path repoRoot) {
        String v = o.get(Options.CACHE_DIR);
        return v == null ? null : repoRoot.resolve(v);
    }

    /** The price list the runner will read: {@code -Dprices}, else {@code $LLMBENCH_PRICES}, else prices.csv at the root. */
    public static Path pricesPath(SweepOptions o, Path repoRoot, Map<String, String> env) {
        String option = o.get(Options.PRICES);
        if (option != null) return repoRoot.resolve(option);
        String configured = env.get("LLMBENCH_PRICES");
        return configured != null && !configured.isBlank() ? Path.of(configured) : repoRoot.resolve("prices.csv");
    }

    private static void pricesFile(SweepOptions o, Path repoRoot) {
        Path file = pricesPath(o, repoRoot, System.getenv());
        boolean given = o.given(Options.PRICES);
        String name = given ? "prices" : "prices (prices.csv or $LLMBENCH_PRICES)";
        if (!Files.exists(file)) {
            if (given) throw new OptionException("prices", o.get(Options.PRICES), "an existing price list file");
            return; // no price list: costs are unknown, which the reports say
        }
        try {
            Prices.load(file);
        } catch (RuntimeException e) { // PricesFormatException (file:line: problem) or an unreadable file
            throw new OptionException(name, file.toString(), "a complete price list in the format of the repository's prices.csv ("
                    + oneLine(e.getMessage()) + ")");
        }
    }

    private static void simSettings(SweepOptions o, Map<String, String> simOverrides) {
        try {
            Profiles.load(new SimulatorSettings("openai", null, simOverrides, o.seed()));
        } catch (IllegalArgumentException e) {
            throw new OptionException("simSet", o.text(Options.SIM_SET).equals(Options.SIM_SET.defaultText()) ? "(quick defaults)" : o.text(Options.SIM_SET),
                    "simulator profile settings within their ranges (" + oneLine(e.getMessage()) + ")");
        }
    }

    private static void writableDirectory(String option, String value, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new OptionException(option, value, "a writable directory (this is a file)");
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".llmbench-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new OptionException(option, value, "a writable directory (" + oneLine(String.valueOf(e)) + ")");
        }
    }

    private static String oneLine(String s) { return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " "); }
}
