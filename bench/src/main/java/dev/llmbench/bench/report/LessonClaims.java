package dev.llmbench.bench.report;

import dev.llmbench.bench.report.LessonClaim.Expectation;
import dev.llmbench.bench.report.LessonClaim.Selector;

import java.util.List;
import java.util.Locale;

/**
 * The claims of the lessons (the Python benchmarks of 2026-02-17) that our sweeps can check, as data. Ranges are the lesson's own
 * numbers with a little slack; "no effect" claims are ranges around 1.0. {@code docs/lessons.md} (repository root) states
 * every claim with the figures it comes from, the section that checks it and how its verdict is read.
 *
 * <p>Like is compared with like: the lessons' harness sent 64 prompts per measurement and divided their tokens by
 * their wall, and timed each call from the caller's side, so throughput claims read {@link Figure#BATCH_TOK_PER_SEC}
 * and TTFT claims {@link Figure#TTFT_SUBMIT_P50} (from the caller's submit, waiting inside the client included).
 *
 * <p>Cell conventions the runner follows: http-version cells have transports ending in {@code -h2} / {@code -h1};
 * prompt-length variants contain {@code long} / {@code short}; prefix-cache variants contain {@code second} (or
 * {@code batch2}, {@code warm}) / {@code first} (or {@code batch1}, {@code cold}); gemini-thinking variants contain
 * {@code budget=0} / {@code minimal}; client-reuse variants contain {@code reuse} / {@code per-request} (or {@code new});
 * aimd variants are {@code aimd} / {@code fixed}; keys variants {@code keys=<n>};
 * path cells have paths {@code sdk-default} / {@code generic}.
 */
public final class LessonClaims {
    private LessonClaims() {}

    public static final List<LessonClaim> ALL = List.of(
            // "Concurrency: 256 → 32 | Prevents rate limiting | c=32 = 3691 tok/s, c=64 = 2308 tok/s (OpenAI)"
            new LessonClaim("concurrency", "c=32 optimal for OpenAI: c=32 = 3691 tok/s, c=64 = 2308 tok/s (0.63x)",
                    Figure.BATCH_TOK_PER_SEC, c("openai", 64), c("openai", 32), Expectation.atMost(0.95), 0),
            new LessonClaim("concurrency", "OpenAI: c=64 hits the rate limit wall", Figure.RATE_LIMITED_SHARE,
                    c("openai", 64), null, Expectation.present(), 0),
            new LessonClaim("concurrency", "OpenAI: c=32 prevents rate limiting", Figure.RATE_LIMITED_SHARE,
                    c("openai", 32), null, Expectation.absent(), 0),
            new LessonClaim("concurrency", "Gemini scales linearly to c=64 (2420 → 4209 tok/s from c=32, 1.74x)",
                    Figure.BATCH_TOK_PER_SEC, c("gemini", 64), c("gemini", 32), Expectation.ratio(1.5, 2.1), 0),
            new LessonClaim("concurrency", "Gemini: no rate limiting at c=64 (unlike OpenAI)", Figure.RATE_LIMITED_SHARE,
                    c("gemini", 64), null, Expectation.absent(), 0),
            new LessonClaim("concurrency", "Gemini TTFT is rock-steady (~0.87s): 0.836s at c=8, 0.889s at c=64",
                    Figure.TTFT_SUBMIT_P50, c("gemini", 64), c("gemini", 8), Expectation.ratio(0.85, 1.2), 0),
            new LessonClaim("concurrency", "Together: at c=64 rate limits kick in (2010 → 1145 tok/s, 0.57x)",
                    Figure.BATCH_TOK_PER_SEC, c("together", 64), c("together", 32), Expectation.atMost(0.95), 0),
            new LessonClaim("concurrency", "Together: rate limits kick in at c=64", Figure.RATE_LIMITED_SHARE,
                    c("together", 64), null, Expectation.present(), 0),
            new LessonClaim("concurrency", "Anthropic scales from c=8 to c=32 (462 → 1543 tok/s, 3.3x)",
                    Figure.BATCH_TOK_PER_SEC, c("anthropic", 32), c("anthropic", 8), Expectation.ratio(2.5, 4.0), 0),
            new LessonClaim("concurrency", "Anthropic at c=64 is noisy, no reliable gain over c=32 (1543 → 1587 tok/s; runs 0.58–1.13x)",
                    Figure.BATCH_TOK_PER_SEC, c("anthropic", 64), c("anthropic", 32), Expectation.ratio(0.58, 1.13), 0),

            new LessonClaim("http-version", "OpenAI + HTTP/2: 1.5–2x throughput", Figure.BATCH_TOK_PER_SEC,
                    transport("openai", "h2", "-h2"), transport("openai", "h1", "-h1"), Expectation.ratio(1.5, 2.0), 32),
            new LessonClaim("http-version", "OpenAI + HTTP/2: 2x TTFT", Figure.TTFT_SUBMIT_P50,
                    transport("openai", "h1", "-h1"), transport("openai", "h2", "-h2"), Expectation.ratio(1.5, 2.5), 32),
            new LessonClaim("http-version", "HTTP/2 for Together hurt throughput", Figure.BATCH_TOK_PER_SEC,
                    transport("together", "h2", "-h2"), transport("together", "h1", "-h1"), Expectation.atMost(0.95), 32),
            new LessonClaim("http-version", "HTTP/2 doesn't help Anthropic (1275 vs 1376 tok/s at c=32, 0.93x)", Figure.BATCH_TOK_PER_SEC,
                    transport("anthropic", "h2", "-h2"), transport("anthropic", "h1", "-h1"), Expectation.ratio(0.8, 1.05), 32),

            new LessonClaim("prompt-length", "OpenAI: long system prompts don't hurt TTFT", Figure.TTFT_SUBMIT_P50,
                    variant("openai", "long", "long"), variant("openai", "short", "short"), Expectation.ratio(0.8, 1.25), 32),
            new LessonClaim("prompt-length", "OpenAI: long system prompts don't hurt throughput", Figure.BATCH_TOK_PER_SEC,
                    variant("openai", "long", "long"), variant("openai", "short", "short"), Expectation.ratio(0.8, 1.25), 32),
            new LessonClaim("prompt-length", "Gemini TTFT is rock-steady regardless of system prompt length", Figure.TTFT_SUBMIT_P50,
                    variant("gemini", "long", "long"), variant("gemini", "short", "short"), Expectation.ratio(0.85, 1.2), 32),
            new LessonClaim("prompt-length", "Gemini: long system prompts don't hurt throughput (1986 vs 1796 tok/s, 1.11x)",
                    Figure.BATCH_TOK_PER_SEC, variant("gemini", "long", "long"), variant("gemini", "short", "short"),
                    Expectation.ratio(0.9, 1.25), 32),
            new LessonClaim("prompt-length", "Together suffers badly with long system prompts (4.14s TTFT)", Figure.TTFT_SUBMIT_P50,
                    variant("together", "long", "long"), variant("together", "short", "short"), Expectation.atLeast(3.0), 32),
            new LessonClaim("prompt-length", "Together long-prompt TTFT 4.14s vs 0.23s for OpenAI (18x)", Figure.TTFT_SUBMIT_P50,
                    variant("together", "Together long", "long"), variant("openai", "OpenAI long", "long"), Expectation.atLeast(5.0), 32),

            new LessonClaim("prefix-cache", "OpenAI prefix caching: 49% cached on the 2nd batch (>=1024-token prefix)",
                    Figure.CACHED_SHARE, variant("openai", "2nd batch", "second", "batch2", "warm"), null,
                    new Expectation.Level(0.3, 0.7), 0),
            new LessonClaim("prefix-cache", "OpenAI prefix caching: minimal TTFT impact", Figure.TTFT_SUBMIT_P50,
                    variant("openai", "2nd batch", "second", "batch2", "warm"), variant("openai", "1st batch", "first", "batch1", "cold"),
                    Expectation.ratio(0.8, 1.2), 0),

            new LessonClaim("gemini-thinking", "thinking_budget=0 is the fastest Gemini config: 0.67s vs 0.84s for thinking_level=MINIMAL (1.25x)",
                    Figure.TTFT_SUBMIT_P50, variant("gemini", "MINIMAL", "minimal"), variant("gemini", "budget=0", "budget=0", "budget0"),
                    Expectation.ratio(1.1, 1.5), 0),

            new LessonClaim("client-reuse", "Client reuse is critical: per-request creation dropped Gemini 887 → 245 tok/s (3.6x)",
                    Figure.BATCH_TOK_PER_SEC, variant("gemini", "reuse", "reuse"), variant("gemini", "per-request", "per-request", "new"),
                    Expectation.atLeast(2.0), 0),

            // "Throughput: +9% OpenAI, +4% Gemini in benchmarks (within noise, but lower variance)"
            new LessonClaim("aimd", "AIMD: +9% OpenAI throughput over a fixed semaphore (within noise, but lower variance)",
                    Figure.BATCH_TOK_PER_SEC, variant("openai", "aimd", "aimd"), variant("openai", "fixed", "fixed"),
                    Expectation.ratio(1.0, 1.2), 0),
            // "Real value: robustness. Adapts to rate limit changes without manual tuning."
            new LessonClaim("aimd", "AIMD's real value is robustness: it adapts to the rate limit without manual tuning (fewer 429s than fixed c=64)",
                    Figure.RATE_LIMITED_SHARE, variant("openai", "aimd", "aimd"), variant("openai", "fixed", "fixed"),
                    Expectation.atMost(0.5), 0),

            // Future ideas: "Key rotation: Round-robin across API keys for Nx rate limit multiplier."
            new LessonClaim("keys", "Key rotation: N keys give N x the rate limit (2 keys)", Figure.BATCH_TOK_PER_SEC,
                    variant("openai", "2 keys", "keys=2"), variant("openai", "1 key", "keys=1"), Expectation.ratio(1.6, 2.3), 0),
            new LessonClaim("keys", "Key rotation: N keys give N x the rate limit (4 keys)", Figure.BATCH_TOK_PER_SEC,
                    variant("openai", "4 keys", "keys=4"), variant("openai", "1 key", "keys=1"), Expectation.ratio(3.0, 4.5), 0),

            // The lessons' "direct SDK vs generic gateway" (litellm): here the official Java SDK with its defaults vs
            // LangChain4j, the Java generic library. Their table: OpenAI c=32 2456 vs 1674 tok/s, c=64 4096 vs 1783.
            new LessonClaim("path", "Direct OpenAI SDK + HTTP/2: 1.5-2x throughput vs the generic gateway", Figure.BATCH_TOK_PER_SEC,
                    path("openai", "sdk-default"), path("openai", "generic"), Expectation.ratio(1.5, 2.0), 32),
            new LessonClaim("path", "Direct OpenAI SDK + HTTP/2: 2x TTFT vs the generic gateway", Figure.TTFT_SUBMIT_P50,
                    path("openai", "generic"), path("openai", "sdk-default"), Expectation.ratio(1.5, 2.5), 32),
            new LessonClaim("path", "Direct Together SDK: 1.6x throughput vs the generic gateway", Figure.BATCH_TOK_PER_SEC,
                    path("together", "sdk-default"), path("together", "generic"), Expectation.ratio(1.3, 1.9), 32),
            new LessonClaim("path", "Direct Together SDK: 2.5x TTFT vs the generic gateway", Figure.TTFT_SUBMIT_P50,
                    path("together", "generic"), path("together", "sdk-default"), Expectation.ratio(2.0, 3.0), 32),
            new LessonClaim("path", "Direct Anthropic SDK slower than litellm at c=32 (1543 vs 1882 tok/s, 0.80-0.83x)",
                    Figure.BATCH_TOK_PER_SEC, path("anthropic", "sdk-default"), path("anthropic", "generic"), Expectation.ratio(0.75, 0.9), 32),
            new LessonClaim("path", "Native Gemini SDK: 1.4x TTFT vs the generic gateway", Figure.TTFT_SUBMIT_P50,
                    path("gemini", "generic"), path("gemini", "sdk-default"), Expectation.ratio(1.2, 1.6), 32),
            new LessonClaim("path", "Gemini: the native SDK pulls ahead 1.6x at c=64 (4209 vs 2692 tok/s)", Figure.BATCH_TOK_PER_SEC,
                    path("gemini", "sdk-default"), path("gemini", "generic"), Expectation.ratio(1.4, 1.8), 64));

    /** The claims about one sweep. */
    public static List<LessonClaim> about(String sweep) {
        return ALL.stream().filter(c -> c.appliesTo(sweep)).toList();
    }

    static Selector c(String provider, int concurrency) {
        return new Selector("c=" + concurrency, provider, concurrency, k -> true);
    }

    static Selector transport(String provider, String label, String suffix) {
        return new Selector(label, provider, 0, k -> k.transport().toLowerCase(Locale.ROOT).endsWith(suffix));
    }

    /** Cells of one client path ({@code ref}, {@code sdk-default}, {@code sdk-tuned}, {@code generic}). */
    static Selector path(String provider, String path) {
        return new Selector(path, provider, 0, k -> k.path().equals(path));
    }

    /** Variant containing any of the words (case-insensitive). */
    static Selector variant(String provider, String label, String... anyOf) {
        return new Selector(label, provider, 0, k -> {
            String v = k.variant().toLowerCase(Locale.ROOT);
            for (String w : anyOf) if (v.contains(w.toLowerCase(Locale.ROOT))) return true;
            return false;
        });
    }
}
