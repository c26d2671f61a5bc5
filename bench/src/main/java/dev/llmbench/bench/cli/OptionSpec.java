package dev.llmbench.bench.cli;

import java.util.List;

/** One {@code -D} option the runner reads: its name, default and what it accepts, for {@code -Dsweep=help}. */
public record OptionSpec(String name, String defaultValue, String accepts, String description) {

    public static final List<OptionSpec> ALL = List.of(
            new OptionSpec("sweep", "concurrency", "concurrency | http-version | prompt-length | transport | path | lessons | lessons-path | aimd | keys | cache | faults | soak | jmh | help",
                    "which sweep to run (jmh: render JMH results, run nothing)"),
            new OptionSpec("provider", "openai,anthropic,gemini,together", "comma list of openai, anthropic, gemini, together",
                    "providers to measure (ignored for a base-URL target, which is provider 'generic')"),
            new OptionSpec("model", "the profile's model", "a model name the client routes to each provider (gpt-*, o1*, o3*, o4*, chatgpt-*; claude-*; gemini/*; together_ai/*); any name for a base-URL target",
                    "overrides every provider's model, adding the routing prefix where needed; without -Dprovider a model naming its provider selects it (required with a base-URL target)"),
            new OptionSpec("concurrency", "8,16,32,64", "comma list of integers >= 1", "in-flight requests per cell"),
            new OptionSpec("n", "64", "integer >= 1", "measured requests per cell"),
            new OptionSpec("warmup", "auto", "auto | integer >= 0",
                    "warm-up requests per cell, excluded from results; auto = one wave at the cell's concurrency"),
            new OptionSpec("repeats", "1", "integer >= 1", "repeats of every cell, interleaved A B A B"),
            new OptionSpec("rate", "(closed loop)", "requests/s > 0",
                    "open loop: Poisson arrivals at this rate (seeded), concurrency caps in-flight requests"),
            new OptionSpec("retries", "0", "integer 0..10",
                    "retries per request inside the reference client (backoff with jitter, retry-after honoured); counted in the results"),
            new OptionSpec("maxTokens", "256", "integer >= 1", "max output tokens per request"),
            new OptionSpec("transport", "(provider default)", "okhttp-h1 | okhttp-h2 | netty-h2 | jdk-h1 | jdk-h2",
                    "transport for sweeps that do not vary it"),
            new OptionSpec("target", "sim", "sim | live | an OpenAI-compatible base URL (http[s]://host:port/v1)",
                    "sim = the provider simulator; live = real providers whose key env var is set"),
            new OptionSpec("seed", "42", "integer", "seed of the simulator and of open-loop arrivals"),
            new OptionSpec("quick", "false", "true | false", "tiny n and concurrency, fast simulator timing: seconds in total"),
            new OptionSpec("simInProcess", "false", "true | false",
                    "run the simulator inside the harness JVM (faster start, but shares its GC/JIT and CPU)"),
            new OptionSpec("simSet", "(none)", "profile.param=value;profile.param=value...",
                    "simulator profile overrides, e.g. openai.limit.concurrency=64;openai.fault.http-500=0.1"),
            new OptionSpec("prices", "prices.csv", "a price list file",
                    "costs are computed from it (relative to the repository root; $LLMBENCH_PRICES also sets it)"),
            new OptionSpec("reports", "reports", "a directory", "report folders go here (relative to the repository root)"),
            new OptionSpec("cacheDir", "(the client's choice: $LLMBENCH_CACHE_DIR, $XDG_CACHE_HOME/llmbench, the temp dir, ~/.cache/llmbench)",
                    "a writable directory", "-Dsweep=cache: the benchmark runs in a fresh subfolder of it, deleted afterwards (relative to the repository root)"),
            new OptionSpec("results", "RESULTS.md", "a file", "the results summary updated after each sweep (relative to the repository root)"),
            new OptionSpec("jmhResults", "reports/jmh", "a JMH JSON file (-rf json) or a folder of them",
                    "-Dsweep=jmh: the results to render (relative to the repository root)"));

    /** Every option name, for picking ours out of the system properties. */
    public static List<String> names() { return ALL.stream().map(OptionSpec::name).toList(); }

    /** The text {@code -Dsweep=help} prints. */
    public static String help() {
        StringBuilder sb = new StringBuilder("usage: mvn -pl bench exec:java -Dsweep=<sweep> [-Doption=value ...]\n\noptions:\n");
        for (OptionSpec o : ALL) {
            sb.append(String.format("  -D%-13s %s%n  %-15s accepts: %s; default: %s%n", o.name, o.description, "", o.accepts, o.defaultValue));
        }
        return sb.toString();
    }
}
