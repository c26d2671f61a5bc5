package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.load.Prompts;
import dev.llmbench.bench.path.library.LibraryClientPath;
import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.client.Thinking;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Every table of the lessons ({@code docs/lessons.md}) that a sweep can measure, each its own section (report folder
 * and RESULTS.md section): per-provider concurrency, HTTP/2 vs HTTP/1.1, long vs short system prompt, OpenAI prefix
 * caching, Gemini thinking budget 0 vs level MINIMAL, client reuse vs a client per request, AIMD vs fixed concurrency
 * at the rate-limit wall ({@link AimdSweep}), and the official SDKs and the generic library against the reference
 * client ({@code lessons-path}).
 */
public final class LessonsSweep implements CellSweep {
    @Override
    public String name() { return "lessons"; }

    @Override
    public String summary() { return "every lessons table, one section each"; }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        List<SweepSection> out = new ArrayList<>();
        out.add(ConcurrencySweep.section(ctx, "lessons-concurrency", "Lessons: concurrency sweep"));
        out.add(HttpVersionSweep.section(ctx, "lessons-http-version", "Lessons: HTTP/2 vs HTTP/1.1", List.of(ctx.focusConcurrency())));
        out.add(PromptLengthSweep.section(ctx, "lessons-prompt-length", "Lessons: long vs short system prompt"));
        out.add(prefixCache(ctx));
        out.add(geminiThinking(ctx));
        out.add(clientReuse(ctx));
        out.add(AimdSweep.section(ctx, "lessons-aimd", "Lessons: AIMD vs fixed concurrency at the rate-limit wall"));
        out.add(PathSweep.section(ctx, "lessons-path", "Lessons: official SDK and generic library vs the reference client",
                LibraryClientPath.all(), pathConcurrencies(ctx)));
        return out.stream().filter(s -> !s.cells().isEmpty()).toList();
    }

    /** One lessons table on its own (its section and report folder only), e.g. {@code -Dsweep=lessons-path}. */
    static CellSweep only(String section, String summary) {
        return new CellSweep() {
            @Override
            public String name() { return section; }

            @Override
            public String summary() { return summary; }

            @Override
            public List<SweepSection> sections(SweepContext ctx) {
                return new LessonsSweep().sections(ctx).stream().filter(s -> s.name().equals(section)).toList();
            }
        };
    }

    /** The lessons' path tables compare at c=32 and c=64: the focus concurrency and, if larger, the highest one asked for. */
    static List<Integer> pathConcurrencies(SweepContext ctx) {
        int focus = ctx.focusConcurrency();
        int max = ctx.options().concurrency().stream().mapToInt(Integer::intValue).max().orElse(focus);
        return max > focus ? List.of(focus, max) : List.of(focus);
    }

    /**
     * The same batch of prompts sent twice: request {@code i} of both batches carries the same ~3,000-token system
     * prompt (well over the 1,024-token minimum), distinct from every other request's from its first token on (a
     * per-run, per-repeat, per-request tag leads it). So the first batch is cold, even within itself, and the second
     * should find each prefix cached. Warm-up requests use the short prompt so they warm nothing.
     */
    static SweepSection prefixCache(SweepContext ctx) {
        String nonce = nonce();
        int c = ctx.focusConcurrency();
        int maxTokens = ctx.options().maxTokens();
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint e : ctx.endpoint("openai", false)) {
            for (String variant : List.of("first-batch", "second-batch")) {
                cells.add(ctx.cell(e, ctx.transportFor(e), ctx.ref(), c, variant, false, repeat -> (i, warmup) -> warmup
                        ? Prompts.request(e.model(), Prompts.SHORT_SYSTEM, SweepContext.WARMUP_INDEX + i, maxTokens)
                        : Prompts.request(e.model(), "Session " + nonce + "-" + repeat + "-" + i + ".\n" + Prompts.LONG_SYSTEM, i, maxTokens)));
            }
        }
        return new SweepSection("lessons-prefix-cache", "Lessons: prefix caching (2nd batch, same prefix)", cells);
    }

    static SweepSection geminiThinking(SweepContext ctx) {
        int c = ctx.focusConcurrency();
        int maxTokens = ctx.options().maxTokens();
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint e : ctx.endpoint("gemini", false)) {
            if (!e.provider().equals("gemini")) continue;
            cells.add(ctx.cell(e, ctx.transportFor(e), ctx.ref(), c, "budget=0", false, repeat -> (i, warmup) ->
                    Prompts.request(e.model(), null, warmup ? SweepContext.WARMUP_INDEX + i : i, maxTokens).withThinking(new Thinking.Budget(0))));
            cells.add(ctx.cell(e, ctx.transportFor(e), ctx.ref(), c, "level=minimal", false, repeat -> (i, warmup) ->
                    Prompts.request(e.model(), null, warmup ? SweepContext.WARMUP_INDEX + i : i, maxTokens).withThinking(new Thinking.Level("MINIMAL"))));
        }
        return new SweepSection("lessons-gemini-thinking", "Lessons: Gemini thinking budget 0 vs level MINIMAL", cells);
    }

    /** One shared client per cell vs a new client (new connections, new TLS handshakes) per request, over TLS. */
    static SweepSection clientReuse(SweepContext ctx) {
        int c = ctx.focusConcurrency();
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint e : ctx.endpoint("gemini", true)) {
            if (!e.provider().equals("gemini")) continue;
            for (boolean perRequest : List.of(false, true)) {
                cells.add(ctx.cell(e, ctx.transportFor(e), ctx.ref(), c, perRequest ? "per-request" : "reuse", perRequest,
                        ctx.requests(e)));
            }
        }
        return new SweepSection("lessons-client-reuse", "Lessons: client reuse vs a new client per request", cells);
    }

    private static String nonce() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
