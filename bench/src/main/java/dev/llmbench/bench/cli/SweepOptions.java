package dev.llmbench.bench.cli;

import dev.llmbench.bench.model.Slo;
import dev.llmbench.client.TransportKind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The options of one run, parsed from {@code -D} system properties (or a map in tests) against the table in
 * {@link Options}: every value is typed, every option has a default, and {@code quick=true} changes the defaults the
 * table says (explicit values win). Read a value with {@link #get}; the accessors below are shorthands for the options
 * most code reads, plus the values derived from several options ({@link #providers()}, {@link #warmupFor}).
 */
public final class SweepOptions {
    private final Map<Option<?>, Object> values;
    private final Map<Option<?>, String> given;
    private final List<String> providers;

    private SweepOptions(Map<Option<?>, Object> values, Map<Option<?>, String> given, List<String> providers) {
        this.values = values;
        this.given = given;
        this.providers = providers;
    }

    /**
     * Parses the options; an absent or blank value takes the default.
     *
     * @throws OptionException for the first unknown name (naming the nearest option) or bad value
     */
    public static SweepOptions parse(Map<String, String> options) {
        Map<Option<?>, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) continue;
            Option<?> o = Options.named(e.getKey()).orElseThrow(() -> Options.unknown(e.getKey(), e.getValue()));
            given.put(o, e.getValue().trim());
        }
        boolean quick = given.containsKey(Options.QUICK) && Options.QUICK.parse(given.get(Options.QUICK));
        Map<Option<?>, Object> values = new LinkedHashMap<>();
        for (Option<?> o : Options.ALL) {
            String text = given.get(o);
            values.put(o, text == null ? o.defaultValue(quick) : o.parse(text));
        }
        TargetSpec target = (TargetSpec) values.get(Options.TARGET);
        String model = (String) values.get(Options.MODEL);
        if (target instanceof TargetSpec.BaseUrl && model == null) {
            throw new OptionException("model", "(unset)", "a model name; a base-URL target needs -Dmodel=<name>");
        }
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) values.get(Options.PROVIDER);
        List<String> providers = target instanceof TargetSpec.BaseUrl ? List.of("generic")
                : Models.providersFor(model, requested, given.containsKey(Options.PROVIDER));
        return new SweepOptions(Collections.unmodifiableMap(values), Collections.unmodifiableMap(given), List.copyOf(providers));
    }

    /** The option's value: as given, else its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) { return (T) values.get(option); }

    /** Whether the option was given (a blank value counts as not given). */
    public boolean given(Option<?> option) { return given.containsKey(option); }

    /** The options given, in name order. */
    public Set<Option<?>> givenOptions() { return Collections.unmodifiableSet(new LinkedHashSet<>(given.keySet())); }

    /** The command line that reproduces this run: {@code mvn -pl bench exec:java} and the options given, in name order. */
    public String commandLine() {
        return "mvn -pl bench exec:java " + given.entrySet().stream()
                .map(e -> "-D" + e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** The text given for an option, or its default as the help prints it. */
    public String text(Option<?> option) { return given.getOrDefault(option, option.defaultText()); }

    public String sweep() { return get(Options.SWEEP); }

    public boolean help() { return sweep().equals("help"); }

    /** The providers to measure: {@code -Dprovider}, narrowed by {@code -Dmodel}; {@code generic} for a base URL. */
    public List<String> providers() { return providers; }

    /** {@code -Dmodel}, or null for each provider's default model. */
    public String model() { return get(Options.MODEL); }

    public List<Integer> concurrency() { return get(Options.CONCURRENCY); }

    /** {@code -Dn}, or null for auto ({@link #requestsFor}). */
    public Integer n() { return get(Options.N); }

    /** Measured requests of a cell at {@code concurrency}: {@code -Dn}, or auto = max(64, 4 x concurrency). */
    public int requestsFor(int cellConcurrency) {
        Integer n = n();
        return n != null ? n : Math.max(Options.LESSONS_BATCH, Options.AUTO_WAVES * cellConcurrency);
    }

    /** Warm-up requests per cell, or null for one wave at the cell's concurrency. */
    public Integer warmup() { return get(Options.WARMUP); }

    public int repeats() { return get(Options.REPEATS); }

    /** Open-loop arrival rate in requests/s (the first of {@code -Drate}), or null for closed loop. */
    public Double rate() {
        List<Double> rates = rates();
        return rates == null ? null : rates.get(0);
    }

    /** Every rate {@code -Drate} lists, or null when not given. */
    public List<Double> rates() { return get(Options.RATE); }

    /** {@code -Dduration} in nanoseconds, or 0: cells are bounded by their request count. */
    public long durationNanos() {
        Long d = get(Options.DURATION);
        return d == null ? 0 : d;
    }

    /** The per-request targets of {@code -Dslo}, or null. */
    public Slo slo() { return get(Options.SLO); }

    /** Retries the reference client makes per request; 0 by default: raw benchmarks show every failure. */
    public int retries() { return get(Options.RETRIES); }

    public int maxTokens() { return get(Options.MAX_TOKENS); }

    /** Transport override for sweeps that do not vary it, or null for the provider default. */
    public TransportKind transport() { return get(Options.TRANSPORT); }

    public TargetSpec target() { return get(Options.TARGET); }

    public long seed() { return get(Options.SEED); }

    public boolean quick() { return get(Options.QUICK); }

    public boolean simInProcess() { return get(Options.SIM_IN_PROCESS); }

    public String reports() { return get(Options.REPORTS); }

    public String results() { return get(Options.RESULTS); }

    /**
     * Whether this run replaces its sections of RESULTS.md: only a run of a section's own command (no option but
     * {@code -Dsweep}, and {@code -DjmhResults} for the renderer), or one that names {@code -Dresults} explicitly. Any
     * other run (quick, another n, another target, ...) writes its report folder and leaves the canonical sections be.
     */
    public boolean updatesResults() {
        return given(Options.RESULTS) || given.keySet().stream().allMatch(o -> o == Options.SWEEP || o == Options.JMH_RESULTS);
    }

    /** Where this run's RESULTS.md sections go, or null when it {@linkplain #updatesResults() leaves them}. */
    public java.nio.file.Path resultsFile(java.nio.file.Path repoRoot) { return updatesResults() ? repoRoot.resolve(results()) : null; }

    /** The warm-up count of a cell at {@code concurrency}. */
    public int warmupFor(int cellConcurrency) { return warmup() != null ? warmup() : cellConcurrency; }

    @Override
    public String toString() { return commandLine(); }
}
