package dev.llmbench.bench.cli;

import dev.llmbench.bench.model.Slo;
import dev.llmbench.bench.report.JmhReport;
import dev.llmbench.client.TransportKind;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table of every {@code -D} option the runner reads, one declaration each. A new option is one line here plus the
 * {@code reads()} of the sweeps that use it; nothing else parses, validates or documents options.
 */
public final class Options {
    private Options() {}

    /** The providers a sim or live target serves. */
    public static final List<String> PROVIDERS = List.of("openai", "anthropic", "gemini", "together");

    public static final Option<String> SWEEP = new Option<>("sweep", "a sweep listed under 'sweeps', or help", "concurrency",
            "which sweep to run", v -> v.toLowerCase(Locale.ROOT), "concurrency", "concurrency");
    public static final Option<List<String>> PROVIDER = new Option<>("provider", "a comma list of " + String.join(", ", PROVIDERS) + " (or all)",
            String.join(",", PROVIDERS), "providers to measure (a base-URL target is provider 'generic' and ignores it)",
            Options::providers, PROVIDERS, PROVIDERS);
    public static final Option<String> MODEL = new Option<>("model",
            "a model name the client routes to each provider (gpt-*, o1*, o3*, o4*, chatgpt-*; claude-*; gemini/*; together_ai/*); any name for a base-URL target",
            "the profile's model",
            "overrides every provider's model, adding the routing prefix where needed; without -Dprovider a model naming its provider selects it (required with a base-URL target)",
            v -> v, null, null);
    public static final Option<List<Integer>> CONCURRENCY = new Option<>("concurrency", "a comma list of integers >= 1 (at most 100000), e.g. 8,16,32,64",
            "8,16,32,64 (quick: 2,4)", "in-flight requests per cell", Options::intList, List.of(8, 16, 32, 64), List.of(2, 4));
    /** The lessons' batch: the Python benchmarks sent 64 prompts per cell. */
    public static final int LESSONS_BATCH = 64;
    /** Waves of the cell's concurrency that {@code -Dn=auto} measures, so the steady window holds n - c completions. */
    public static final int AUTO_WAVES = 4;
    public static final Option<Integer> N = new Option<>("n", "auto | an integer >= 1",
            "auto = max(" + LESSONS_BATCH + ", " + AUTO_WAVES + " x concurrency) (quick: 16)",
            "measured requests per cell; auto holds the offered load for several waves, so the steady-state window has many completions",
            v -> v.equalsIgnoreCase("auto") ? null : range(v, 1, 100_000_000), null, 16);
    public static final Option<Integer> WARMUP = new Option<>("warmup", "auto | an integer >= 0", "auto (quick: 1)",
            "warm-up requests per cell, excluded from results; auto = one wave at the cell's concurrency (open loop: 8 requests)",
            v -> v.equalsIgnoreCase("auto") ? null : range(v, 0, 1_000_000), null, 1);
    public static final Option<Integer> REPEATS = new Option<>("repeats", "an integer >= 1", "1", "repeats of every cell, interleaved A B A B",
            v -> range(v, 1, 100_000_000), 1, 1);
    public static final Option<List<Double>> RATE = new Option<>("rate",
            "requests per second: a number > 0; the sweeps that vary the rate (rate) take a comma list, e.g. 2,4,8", "(closed loop)",
            "open loop: Poisson arrivals at this rate (seeded), concurrency caps in-flight requests", Options::rates, null, null);
    public static final Option<Integer> RATES = new Option<>("rates", "an integer from 2 to 100", "6 (quick: 3)",
            "rate sweep without -Drate: this many rates spread evenly between the synchronous and the throughput probe",
            v -> range(v, 2, 100), 6, 3);
    public static final Option<Long> DURATION = new Option<>("duration", "a duration: a number and ms, s or m, e.g. 500ms, 60s, 2m",
            "(by -Dn)", "measure each cell for this long instead of -Dn requests (with -Dn too, whichever ends first); warm-up as"
            + " without it; the requests in flight at the end finish and count", Options::duration, null, null);
    public static final Option<Slo> SLO = new Option<>("slo", Slo.FORM, "(none)",
            "per-request targets (TTFT and E2E from the caller's submit): each cell reports slo_attainment and goodput_req_s",
            Slo::parse, null, null);
    public static final Option<Double> ATTAINMENT = new Option<>("attainment", "a share in (0, 1], e.g. 0.95", "0.95",
            "capacity search: the share of requests that must meet -Dslo at a sustainable rate", Options::share, 0.95, 0.95);
    public static final Option<Integer> CAPACITY_STEPS = new Option<>("capacitySteps", "an integer from 3 to 40", "10 (quick: 6)",
            "capacity search: the most rate points it runs, bracketing then bisecting", v -> range(v, 3, 40), 10, 6);
    public static final Option<Integer> RETRIES = new Option<>("retries", "an integer from 0 to 10", "0",
            "retries per request inside the reference client (backoff with jitter, retry-after honoured); counted in the results",
            v -> range(v, 0, 10), 0, 0);
    public static final Option<Integer> MAX_TOKENS = new Option<>("maxTokens", "an integer >= 1", "256",
            "max output tokens per request (where -DoutputTokens or a dataset entry gives none)",
            v -> range(v, 1, 100_000_000), 256, 256);
    // the workload (dev.llmbench.bench.workload): what the plain cells of every cell sweep send
    public static final Option<String> DATASET = new Option<>("dataset",
            "a ShareGPT JSON list or a JSONL file (relative to the repository root)", "(synthetic prompts)",
            "the prompts to send: ShareGPT [{\"conversations\": [{\"from\": \"human\", \"value\": ...}, {\"from\": \"gpt\", ...}]}]"
                    + " (first human turn = prompt, first gpt turn's length ~ max_tokens) or JSONL lines {\"prompt\": ..., \"max_tokens\": N}"
                    + " or {\"messages\": [{\"role\": ..., \"content\": ...}]}; request i takes entry i of a shuffle seeded by -Dseed;"
                    + " sections that send their own prompts (prompt-length, prefix-cache, thinking, faults) say so and ignore it",
            v -> v, null, null);
    public static final Option<LengthDistribution> INPUT_TOKENS = new Option<>("inputTokens", LengthDistribution.FORMS,
            "(the built-in one-sentence prompts)",
            "synthetic user prompts of this many tokens (4 bytes of text each, the simulator's count), drawn per request from -Dseed;"
                    + " not with -Ddataset", LengthDistribution::parse, null, null);
    public static final Option<LengthDistribution> OUTPUT_TOKENS = new Option<>("outputTokens", LengthDistribution.FORMS,
            "(the dataset entry's, else -DmaxTokens)",
            "max_tokens of each request, drawn per request from -Dseed; overrides a dataset's lengths and -DmaxTokens",
            LengthDistribution::parse, null, null);
    public static final Option<Boolean> EXACT_OUTPUT = new Option<>("exactOutput", "true, false", "false",
            "make every answer run to its max_tokens (ignore_eos and min_tokens, as vLLM takes them) on a base-URL target and the"
                    + " simulator's OpenAI-format profiles; live providers cannot (none documents such a switch): the run says so",
            Options::bool, false, false);
    public static final Option<TransportKind> TRANSPORT = new Option<>("transport",
            String.join(", ", Arrays.stream(TransportKind.values()).map(TransportKind::id).toList()), "(provider default)",
            "transport for sweeps that do not vary it", TransportKind::parse, null, null);
    public static final Option<TargetSpec> TARGET = new Option<>("target",
            "sim, live, or an OpenAI-compatible base URL such as http://127.0.0.1:8000/v1", "sim",
            "sim = the provider simulator; live = real providers whose key env var is set", Options::target,
            new TargetSpec.Sim(), new TargetSpec.Sim());
    public static final Option<Long> SEED = new Option<>("seed", "an integer", "42", "seed of the simulator and of open-loop arrivals",
            Long::parseLong, 42L, 42L);
    public static final Option<Boolean> QUICK = new Option<>("quick", "true, false", "false",
            "tiny n and concurrency, fast simulator timing: seconds in total", Options::bool, false, false);
    public static final Option<Boolean> SIM_IN_PROCESS = new Option<>("simInProcess", "true, false", "false",
            "run the simulator inside the harness JVM (faster start, but shares its GC/JIT and CPU)", Options::bool, false, false);
    public static final Option<Map<String, String>> SIM_SET = new Option<>("simSet",
            "profile.param=value entries separated by ';', e.g. openai.limit.rpm=600", "(none)",
            "simulator profile overrides, e.g. openai.limit.concurrency=64;openai.fault.http-500=0.1", Options::simSet, Map.of(), Map.of());
    public static final Option<String> PRICES = new Option<>("prices", "a price list file", "prices.csv",
            "costs are computed from it (relative to the repository root; $LLMBENCH_PRICES also sets it)", v -> v, null, null);
    public static final Option<String> REPORTS = new Option<>("reports", "a directory", "reports",
            "report folders go here (relative to the repository root)", v -> v, "reports", "reports");
    public static final Option<String> CACHE_DIR = new Option<>("cacheDir", "a writable directory",
            "(the client's choice: $LLMBENCH_CACHE_DIR, $XDG_CACHE_HOME/llmbench, the temp dir, ~/.cache/llmbench)",
            "the cache benchmark runs in a fresh subfolder of it, deleted afterwards (relative to the repository root)", v -> v, null, null);
    public static final Option<String> RESULTS = new Option<>("results", "a file", "RESULTS.md",
            "the results summary updated after each sweep (relative to the repository root)", v -> v, "RESULTS.md", "RESULTS.md");
    public static final Option<String> JMH_RESULTS = new Option<>("jmhResults", "a JMH JSON file (-rf json) or a folder of them",
            JmhReport.DEFAULT_RESULTS, "the JMH results to render (relative to the repository root)", v -> v,
            JmhReport.DEFAULT_RESULTS, JmhReport.DEFAULT_RESULTS);

    /** Every option, in the order the help lists them. */
    public static final List<Option<?>> ALL = List.of(SWEEP, PROVIDER, MODEL, CONCURRENCY, N, DURATION, WARMUP, REPEATS, RATE,
            RATES, SLO, ATTAINMENT, CAPACITY_STEPS, RETRIES, MAX_TOKENS, DATASET, INPUT_TOKENS, OUTPUT_TOKENS, EXACT_OUTPUT,
            TRANSPORT, TARGET, SEED, QUICK, SIM_IN_PROCESS, SIM_SET, PRICES, REPORTS, CACHE_DIR, RESULTS, JMH_RESULTS);

    /** What every sweep that runs cells reads. */
    public static final Set<Option<?>> CELL_SWEEP = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(SWEEP, PROVIDER, MODEL,
            CONCURRENCY, N, DURATION, WARMUP, REPEATS, RATE, SLO, RETRIES, MAX_TOKENS, TRANSPORT, TARGET, SEED, QUICK, SIM_IN_PROCESS,
            SIM_SET, PRICES, REPORTS, RESULTS, DATASET, INPUT_TOKENS, OUTPUT_TOKENS, EXACT_OUTPUT)));

    /**
     * System properties that are not ours even though they have no dot in their name (Maven's and Surefire's usual
     * switches); any other dotless property is taken as a misspelt option.
     */
    static final Set<String> FOREIGN = Set.of("skipTests", "test", "basedir", "skip", "quiet", "debug", "offline",
            "failIfNoTests", "surefire", "it", "file", "env", "line", "path");

    /** The option named {@code name} (case-sensitive, as system properties are). */
    public static Optional<Option<?>> named(String name) {
        return ALL.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /**
     * Whether a system property named {@code name} is meant for us: an option, or a dotless name that is not one of
     * Maven's or the JVM's ({@code java.*}, {@code maven.*}, {@code exec.*}, {@code user.*}, ... all have a dot).
     */
    public static boolean looksLikeOption(String name) {
        return named(name).isPresent() || (name.indexOf('.') < 0 && !FOREIGN.contains(name) && !name.isEmpty());
    }

    /** The valid option nearest to {@code name} by edit distance (case ignored). */
    public static Option<?> nearest(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        Option<?> best = ALL.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (Option<?> o : ALL) {
            int d = distance(n, o.name().toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = o;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The one-line error for an unknown option. */
    public static OptionException unknown(String name, String value) {
        return new OptionException(name, value, "no such option; did you mean -D" + nearest(name).name() + "? (options: "
                + String.join(", ", ALL.stream().map(Option::name).toList()) + ")");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static int range(String v, long min, long max) {
        long n = Long.parseLong(v);
        if (n < min || n > max) throw new IllegalArgumentException("out of range");
        return (int) n;
    }

    private static Boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(v);
        };
    }

    private static double rate(String v) {
        double r = Double.parseDouble(v);
        if (!(r > 0) || Double.isInfinite(r)) throw new IllegalArgumentException(v);
        return r;
    }

    private static List<Double> rates(String v) {
        List<Double> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (s.isBlank()) continue;
            double r = rate(s.trim());
            if (!out.contains(r)) out.add(r);
        }
        if (out.isEmpty()) throw new IllegalArgumentException(v);
        return List.copyOf(out);
    }

    private static Double share(String v) {
        double d = Double.parseDouble(v);
        if (!(d > 0 && d <= 1)) throw new IllegalArgumentException(v);
        return d;
    }

    /** {@code 500ms}, {@code 60s}, {@code 2m} (or {@code 1.5s}) as nanoseconds, at least 1 ms and at most a day. */
    static Long duration(String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m)").matcher(v.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException(v);
        double unit = switch (m.group(2)) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        double nanos = Double.parseDouble(m.group(1)) * unit;
        if (nanos < 1e6 || nanos > 86_400e9) throw new IllegalArgumentException(v);
        return (long) nanos;
    }

    private static List<Integer> intList(String v) {
        List<Integer> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (s.isBlank()) continue;
            int i = range(s.trim(), 1, 100_000);
            if (!out.contains(i)) out.add(i);
        }
        if (out.isEmpty()) throw new IllegalArgumentException(v);
        return List.copyOf(out);
    }

    private static List<String> providers(String v) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String p : v.split(",")) {
            String id = p.trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) continue;
            if (id.equals("all")) {
                out.addAll(PROVIDERS);
                continue;
            }
            if (!PROVIDERS.contains(id)) throw new IllegalArgumentException(id);
            out.add(id);
        }
        if (out.isEmpty()) throw new IllegalArgumentException(v);
        return List.copyOf(out);
    }

    private static TargetSpec target(String v) {
        if (v.equalsIgnoreCase("sim")) return new TargetSpec.Sim();
        if (v.equalsIgnoreCase("live")) return new TargetSpec.Live();
        URI u = URI.create(v);
        if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
            return new TargetSpec.BaseUrl(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
        }
        throw new IllegalArgumentException(v);
    }

    private static Map<String, String> simSet(String v) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : v.split(";")) {
            if (entry.isBlank()) continue;
            int eq = entry.indexOf('=');
            int dot = entry.indexOf('.');
            if (eq < 0 || dot < 1 || dot > eq) throw new IllegalArgumentException(entry);
            out.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return Collections.unmodifiableMap(out);
    }

}
