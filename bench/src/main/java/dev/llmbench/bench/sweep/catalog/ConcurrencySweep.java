package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Endpoint;
import java.util.ArrayList;
import java.util.List;

/** Provider × concurrency at each provider's default transport, over cleartext (the lessons' main table). */
public final class ConcurrencySweep implements CellSweep {
    @Override
    public String name() { return "concurrency"; }

    @Override
    public String summary() { return "provider x -Dconcurrency at the provider's default transport, cleartext (the main job)"; }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        return List.of(section(ctx, name(), "Concurrency sweep"));
    }

    static SweepSection section(SweepContext ctx, String name, String title) {
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint e : ctx.endpoints(false)) {
            for (int c : ctx.options().concurrency()) cells.add(ctx.cell(e, ctx.transportFor(e), c, "", null));
        }
        return new SweepSection(name, title, cells);
    }
}
