package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.path.RefClientOptions;
import dev.llmbench.bench.path.RefClientPath;
import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Key rotation, the lessons' first future idea ("round-robin across API keys for N x rate limit multiplier"): 1, 2
 * and 4 keys used round robin, each with its own AIMD window (floor 4, ceiling {@value #PER_KEY_CEILING}), against
 * the simulator profile {@value #PROFILE} (openai with a per-key cap of 8 concurrent requests). The driver offers the
 * same concurrency in every cell; the keys' windows decide how much of it goes out. Simulator only: live, the keys
 * would come from {@code OPENAI_API_KEYS}, and a sweep cannot make more of them.
 */
public final class KeysSweep implements CellSweep {
    static final String PROFILE = "openai-keyed";
    static final List<Integer> KEYS = List.of(1, 2, 4);
    /** Above the profile's per-key cap of 8, so every window has to find the wall itself. */
    static final int PER_KEY_CEILING = 16;
    static final int REQUESTS = 240;
    static final int QUICK_REQUESTS = 96;

    @Override
    public String name() { return "keys"; }

    @Override
    public String summary() { return "1, 2 and 4 keys round robin, one AIMD window each (simulator only)"; }

    @Override
    public List<String> simProfiles() { return java.util.stream.Stream.concat(Options.PROVIDERS.stream(), java.util.stream.Stream.of(PROFILE)).toList(); }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        int c = AimdSweep.offered(ctx.options());
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint sim : ctx.endpoint("openai", false)) {
            if (sim.profile() == null || sim.baseUrl() == null) continue; // not the simulator
            Endpoint e = new Endpoint(sim.provider(), sim.wireProvider(), sim.model(),
                    sim.baseUrl().replace("/" + sim.profile() + "/", "/" + PROFILE + "/"), sim.apiKey(),
                    sim.trustStore(), sim.trustStorePassword(), sim.groundTruth(), PROFILE);
            for (int keys : KEYS) {
                RefClientPath path = new RefClientPath(ctx.refOptions().with(RefClientOptions.Limit.AIMD, PER_KEY_CEILING, keys));
                cells.add(ctx.cell(e, ctx.transportFor(e), path, c, "keys=" + keys, false, ctx.requests(e)));
            }
        }
        return List.of(new SweepSection(name(), "Key rotation: 1 vs 2 vs 4 keys, one AIMD window each",
                cells, AimdSweep.requests(ctx.options(), REQUESTS, QUICK_REQUESTS)));
    }
}
