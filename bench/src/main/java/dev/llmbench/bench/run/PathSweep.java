package dev.llmbench.bench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Provider × client path × concurrency: the reference client, each official SDK with its defaults and tuned, and the
 * generic multi-provider library (LangChain4j), through the same driver and metrics.
 */
public final class PathSweep implements Sweep {
    @Override
    public String name() { return "path"; }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint e : ctx.endpoints(false)) {
            for (int c : ctx.options().concurrency()) {
                for (ClientPath path : ctx.paths()) {
                    cells.add(ctx.cell(e, ctx.transportFor(e), path, c, "", false, repeat -> (i, warmup) ->
                            Prompts.request(e.model(), null, warmup ? SweepContext.WARMUP_INDEX + i : i, ctx.options().maxTokens())));
                }
            }
        }
        return List.of(new SweepSection(name(), "Client path comparison", cells));
    }
}
