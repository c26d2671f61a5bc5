package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.load.Prompts;
import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Endpoint;
import java.util.ArrayList;
import java.util.List;

/** Provider × {short (~40 tokens), long (~3,000 tokens) system prompt} at the focus concurrency. */
public final class PromptLengthSweep implements CellSweep {
    @Override
    public String name() { return "prompt-length"; }

    @Override
    public String summary() { return "provider x {short, long system prompt} at one concurrency"; }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        return List.of(section(ctx, name(), "Short vs long system prompt"));
    }

    static SweepSection section(SweepContext ctx, String name, String title) {
        List<CellSpec> cells = new ArrayList<>();
        int c = ctx.focusConcurrency();
        for (Endpoint e : ctx.endpoints(false)) {
            cells.add(ctx.cell(e, ctx.transportFor(e), c, "short", Prompts.SHORT_SYSTEM));
            cells.add(ctx.cell(e, ctx.transportFor(e), c, "long", Prompts.LONG_SYSTEM));
        }
        return new SweepSection(name, title, cells);
    }
}
