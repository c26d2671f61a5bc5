package dev.llmbench.bench.cli;

import dev.llmbench.client.pricing.Prices;
import dev.llmbench.simulator.SimulatorSettings;
import dev.llmbench.simulator.profile.Profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks what the options point at before anything starts, so that bad input is one line and exit code 2, not a
 * failure halfway through a sweep: the reports directory, the RESULTS.md folder and (cache benchmark) {@code -DcacheDir}
 * can be written, the price list parses, and the simulator overrides are valid profile settings.
 */
public final class Preflight {
    private Preflight() {}

    /** @throws OptionException naming the first problem */
    public static void check(SweepOptions o, Path repoRoot) {
        String cacheDir = o.raw().get("cacheDir");
        if (o.sweep().equals("cache") && cacheDir != null) writableDirectory("cacheDir", cacheDir, cacheDirectory(o, repoRoot));
        writableDirectory("reports", o.reports(), repoRoot.resolve(o.reports()));
        Path results = repoRoot.resolve(o.results()).toAbsolutePath();
        if (Files.isDirectory(results)) throw new OptionException("results", o.results(), "a file (this is a directory)");
        writableDirectory("results", o.results(), results.getParent());
        if (o.sweep().equals("cache")) return; // the cache benchmark prices nothing and starts no simulator
        pricesFile(o, repoRoot);
        if (o.target() instanceof SweepOptions.TargetSpec.Sim) simSettings(o);
    }

    /** {@code -DcacheDir} resolved against the repository root, or null for the client's default choice. */
    public static Path cacheDirectory(SweepOptions o, Path repoRoot) {
        String v = o.raw().get("cacheDir");
        return v == null ? null : repoRoot.resolve(v);
    }

    /** The price list the runner will read: {@code -Dprices}, else {@code $LLMBENCH_PRICES}, else prices.csv at the root. */
    public static Path pricesPath(SweepOptions o, Path repoRoot, Map<String, String> env) {
        String option = o.raw().get("prices");
        if (option != null) return repoRoot.resolve(option);
        String configured = env.get("LLMBENCH_PRICES");
        return configured != null && !configured.isBlank() ? Path.of(configured) : repoRoot.resolve("prices.csv");
    }

    private static void pricesFile(SweepOptions o, Path repoRoot) {
        Path file = pricesPath(o, repoRoot, System.getenv());
        String name = o.raw().containsKey("prices") ? "prices" : "prices (prices.csv or $LLMBENCH_PRICES)";
        if (!Files.exists(file)) {
            if (o.raw().containsKey("prices")) throw new OptionException("prices", o.raw().get("prices"), "an existing price list file");
            return; // no price list: costs are unknown, which the reports say
        }
        try {
            Prices.load(file);
        } catch (RuntimeException e) { // PricesFormatException (file:line: problem) or an unreadable file
            throw new OptionException(name, file.toString(), "a complete price list in the format of the repository's prices.csv ("
                    + oneLine(e.getMessage()) + ")");
        }
    }

    private static void simSettings(SweepOptions o) {
        try {
            Profiles.load(new SimulatorSettings("openai", null, o.simOverrides(), o.seed()));
        } catch (IllegalArgumentException e) {
            throw new OptionException("simSet", o.raw().getOrDefault("simSet", "(quick defaults)"),
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
