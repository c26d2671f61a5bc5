package dev.llmbench.bench.sweep.catalog;

import java.util.Map;

import dev.llmbench.bench.cli.SweepOptions;

import dev.llmbench.bench.load.Prompts;
import dev.llmbench.bench.path.Guard;
import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.bench.model.FaultCase;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.TransportKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Every simulator fault ({@link FaultCase#ALL}) against every transport (or {@code -Dtransport}), over TLS, at one
 * concurrency ({@link SweepContext#focusConcurrency()}), with short client time limits ({@link Guard#faults}). The fault
 * goes on an exact, evenly spread fraction of the measured requests through the simulator's {@code x-sim-fault}
 * header, so the expected outcome of every request is known; warm-up requests are clean. After each cell the runner
 * checks that the closed client left no thread or socket behind. Against OpenAI, or the first provider named.
 */
public final class FaultSweep implements CellSweep {
    static final String FAULT_HEADER = "x-sim-fault";

    @Override
    public String name() { return "faults"; }

    @Override
    public String summary() { return "every simulator fault x transport, with leak checks (simulator only)"; }

    @Override
    public Map<String, String> provenance(SweepOptions o) { return Map.of("client limits", Guard.faults(o.quick()).describe()); }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        List<Endpoint> endpoints = ctx.endpoint("openai", true);
        if (endpoints.isEmpty()) endpoints = ctx.endpoints(true).stream().limit(1).toList();
        if (!endpoints.isEmpty() && !endpoints.get(0).groundTruth()) {
            ctx.out().println("faults: skipped: fault injection needs the simulator (-Dtarget=sim)");
            return List.of();
        }
        List<TransportKind> transports = ctx.options().transport() != null ? List.of(ctx.options().transport()) : List.of(TransportKind.values());
        Guard guard = Guard.faults(ctx.options().quick());
        int c = ctx.focusConcurrency();
        int maxTokens = ctx.options().maxTokens();
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (FaultCase f : FaultCase.ALL) {
                for (TransportKind t : transports) {
                    cells.add(ctx.cell(e, t, ctx.ref(), c, f.variant(), false, repeat -> (i, warmup) -> {
                        ChatRequest r = Prompts.request(e.model(), null, warmup ? SweepContext.WARMUP_INDEX + i : i, maxTokens);
                        return !warmup && f.rate() > 0 && f.faulted(i) ? r.withHeader(FAULT_HEADER, f.fault()) : r;
                    }).guarded(guard));
                }
            }
        }
        return List.of(new SweepSection(name(), "Fault injection: fault x transport", cells));
    }
}
