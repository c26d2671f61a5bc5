package dev.llmbench.bench.cli;

import dev.llmbench.bench.sweep.catalog.KeysSweep;
import dev.llmbench.bench.sweep.catalog.SoakSweep;
import dev.llmbench.client.TransportKind;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runner's options, parsed from {@code -D} system properties (or a map in tests). Every option has a default;
 * {@code quick=true} changes the defaults of {@code n}, {@code concurrency} and {@code warmup} (explicit values win).
 *
 * @param warmup    warm-up requests per cell, or null for one wave at the cell's concurrency
 * @param rate      open-loop arrival rate in requests/s, or null for closed loop
 * @param transport transport override for sweeps that do not vary it, or null for the provider default
 * @param raw       the options as given (for provenance)
 */
public record SweepOptions(String sweep, List<String> providers, String model, List<Integer> concurrency, int n,
                           Integer warmup, int repeats, Double rate, int maxTokens, TransportKind transport,
                           TargetSpec target, long seed, boolean quick, boolean simInProcess, String reports,
                           String results, Map<String, String> simOverrides, Map<String, String> raw) {

    public static final List<String> SWEEPS = List.of("concurrency", "http-version", "prompt-length", "transport", "path", "lessons", "lessons-path", "aimd", "keys", "cache", "faults", "soak", "jmh", "help");
    public static final List<String> PROVIDERS = List.of("openai", "anthropic", "gemini", "together");

    public SweepOptions {
        providers = List.copyOf(providers);
        concurrency = List.copyOf(concurrency);
        simOverrides = Map.copyOf(simOverrides);
        raw = Map.copyOf(raw);
    }

    /** Where requests go. */
    public sealed interface TargetSpec {
        record Sim() implements TargetSpec {}
        record Live() implements TargetSpec {}
        record BaseUrl(String url) implements TargetSpec {}
    }

    public boolean help() { return sweep.equals("help"); }

    /**
     * Parses the options; an absent or blank value takes the default.
     *
     * @throws OptionException for the first bad name or value
     */
    public static SweepOptions parse(Map<String, String> options) {
        Map<String, String> o = new TreeMap<>();
        options.forEach((k, v) -> { if (v != null && !v.isBlank()) o.put(k, v.trim()); });
        String sweep = choice(o, "sweep", "concurrency", SWEEPS);
        boolean quick = bool(o, "quick", false);
        TargetSpec target = target(o.getOrDefault("target", "sim"));
        String model = o.get("model");
        if (target instanceof TargetSpec.BaseUrl && model == null) {
            throw new OptionException("model", "(unset)", "a model name; a base-URL target needs -Dmodel=<name>");
        }
        List<String> providers = target instanceof TargetSpec.BaseUrl ? List.of("generic")
                : Models.providersFor(model, providers(o.get("provider")), o.containsKey("provider"));
        List<Integer> concurrency = intList(o, "concurrency", quick ? List.of(2, 4) : List.of(8, 16, 32, 64));
        int n = positive(o, "n", quick ? 8 : 64);
        Integer warmup = quick ? Integer.valueOf(1) : null; // null: one wave at the cell's concurrency
        if (o.containsKey("warmup") && !o.get("warmup").equalsIgnoreCase("auto")) {
            warmup = (int) number(o, "warmup", 0, 1_000_000, "auto | an integer >= 0");
        }
        int repeats = positive(o, "repeats", 1);
        Double rate = null;
        if (o.containsKey("rate")) {
            try {
                rate = Double.parseDouble(o.get("rate"));
            } catch (NumberFormatException e) {
                rate = Double.NaN;
            }
            if (!(rate > 0) || rate.isInfinite()) throw new OptionException("rate", o.get("rate"), "requests per second, a number > 0");
        }
        int maxTokens = positive(o, "maxTokens", 256);
        TransportKind transport = null;
        if (o.containsKey("transport")) {
            try {
                transport = TransportKind.parse(o.get("transport"));
            } catch (IllegalArgumentException e) {
                throw new OptionException("transport", o.get("transport"), transportIds());
            }
        }
        long seed = number(o, "seed", Long.MIN_VALUE, Long.MAX_VALUE, "an integer");
        boolean simInProcess = bool(o, "simInProcess", false);
        if (o.containsKey("retries")) number(o, "retries", 0, 10, "an integer from 0 to 10");
        return new SweepOptions(sweep, providers, model, concurrency, n, warmup, repeats, rate, maxTokens, transport,
                target, o.containsKey("seed") ? seed : 42, quick, simInProcess, o.getOrDefault("reports", "reports"),
                o.getOrDefault("results", "RESULTS.md"), simOverrides(sweep, o.get("simSet"), quick), o);
    }

    /**
     * Simulator overrides: with {@code quick}, fast timing for every provider profile (keeping each one's wire format,
     * limits and quirks) so a whole sweep takes seconds; then {@code -DsimSet} entries, which win.
     */
    static Map<String, String> simOverrides(String sweep, String simSet, boolean quick) {
        Map<String, String> out = new TreeMap<>(sweep.equals("soak") ? SoakSweep.SIM_OVERRIDES : Map.of());
        if (quick) {
            for (String p : java.util.stream.Stream.concat(PROVIDERS.stream(), java.util.stream.Stream.of(KeysSweep.PROFILE)).toList()) {
                out.put(p + ".latency.medianMs", "5");
                out.put(p + ".latency.sigma", "0");
                out.put(p + ".network.rttMs", "0");
                out.put(p + ".network.connectMs", "0");
                out.put(p + ".network.tlsMs", "0");
                out.put(p + ".decode.tokensPerSecond", "2000");
                out.put(p + ".output.mean", "24");
                out.put(p + ".output.sigma", "0");
                out.put(p + ".fault.trickleMs", "200"); // a slow trickle outlasts the quick request limit, not the idle one
            }
            out.put("together.prefill.usPerToken", "20"); // long prompts still cost Together visibly, in ms not s
        }
        if (simSet != null) {
            for (String entry : simSet.split(";")) {
                if (entry.isBlank()) continue;
                int eq = entry.indexOf('=');
                int dot = entry.indexOf('.');
                if (eq < 0 || dot < 1 || dot > eq) {
                    throw new OptionException("simSet", simSet, "profile.param=value entries separated by ';', e.g. openai.limit.rpm=600");
                }
                out.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
        return out;
    }

    /** Retries the reference client makes per request ({@code -Dretries}); 0 by default: raw benchmarks show every failure. */
    public int retries() {
        String v = raw.get("retries");
        return v == null || v.isBlank() ? 0 : Integer.parseInt(v.trim());
    }

    /** The warm-up count of a cell at {@code concurrency}. */
    public int warmupFor(int cellConcurrency) { return warmup != null ? warmup : cellConcurrency; }

    static String transportIds() {
        return String.join(", ", Arrays.stream(TransportKind.values()).map(TransportKind::id).toList());
    }

    private static String choice(Map<String, String> o, String name, String def, List<String> valid) {
        String v = o.getOrDefault(name, def).toLowerCase(Locale.ROOT);
        if (!valid.contains(v)) throw new OptionException(name, o.get(name), String.join(", ", valid));
        return v;
    }

    private static boolean bool(Map<String, String> o, String name, boolean def) {
        String v = o.get(name);
        if (v == null) return def;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new OptionException(name, v, "true, false");
        };
    }

    private static TargetSpec target(String v) {
        if (v.equalsIgnoreCase("sim")) return new TargetSpec.Sim();
        if (v.equalsIgnoreCase("live")) return new TargetSpec.Live();
        try {
            URI u = URI.create(v);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return new TargetSpec.BaseUrl(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new OptionException("target", v, "sim, live, or an OpenAI-compatible base URL such as http://127.0.0.1:8000/v1");
    }

    private static List<String> providers(String v) {
        if (v == null) return PROVIDERS;
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String p : v.split(",")) {
            String id = p.trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) continue;
            if (id.equals("all")) { out.addAll(PROVIDERS); continue; }
            if (!PROVIDERS.contains(id)) throw new OptionException("provider", v, "a comma list of " + String.join(", ", PROVIDERS));
            out.add(id);
        }
        if (out.isEmpty()) throw new OptionException("provider", v, "a comma list of " + String.join(", ", PROVIDERS));
        return new ArrayList<>(out);
    }

    private static List<Integer> intList(Map<String, String> o, String name, List<Integer> def) {
        String v = o.get(name);
        if (v == null) return def;
        List<Integer> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (s.isBlank()) continue;
            try {
                int i = Integer.parseInt(s.trim());
                if (i < 1 || i > 100_000) throw new NumberFormatException();
                if (!out.contains(i)) out.add(i);
            } catch (NumberFormatException e) {
                throw new OptionException(name, v, "a comma list of integers >= 1, e.g. 8,16,32,64");
            }
        }
        if (out.isEmpty()) throw new OptionException(name, v, "a comma list of integers >= 1, e.g. 8,16,32,64");
        return out;
    }

    private static int positive(Map<String, String> o, String name, int def) {
        if (!o.containsKey(name)) return def;
        return (int) number(o, name, 1, 100_000_000, "an integer >= 1");
    }

    private static long number(Map<String, String> o, String name, long min, long max, String valid) {
        String v = o.get(name);
        if (v == null) return 0;
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new OptionException(name, v, valid);
        }
    }
}
