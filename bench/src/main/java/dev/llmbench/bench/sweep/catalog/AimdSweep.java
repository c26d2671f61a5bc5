package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.path.RefClientOptions;
import dev.llmbench.bench.path.RefClientPath;
import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Endpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fixed concurrency vs the client's AIMD window at OpenAI's rate-limit wall (the openai profile caps each key at 48
 * concurrent requests; {@code -DsimSet=openai.limit...} moves it). The driver offers {@link #OFFERED} requests at once
 * in both cells; in the {@code aimd} cell the client's window (floor 4, ceiling = the offered concurrency) holds the
 * rest inside the client, so the driver's semaphore never hides it. Both cells record their window over time
 * (flat for {@code fixed}). Retries stay off unless {@code -Dretries}: every 429 is counted.
 */
public final class AimdSweep implements CellSweep {
    /** The lessons' "c=64 hits the rate limit wall" concurrency. */
    static final int OFFERED = 64;
    /** Enough requests for the window to go through several cuts and recoveries (~40 s per cell on the openai profile). */
    static final int REQUESTS = 1200;
    static final int QUICK_REQUESTS = 160;

    @Override
    public String name() { return "aimd"; }

    @Override
    public String summary() { return "AIMD vs fixed window at OpenAI's rate-limit wall"; }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        return List.of(section(ctx, name(), "AIMD vs fixed concurrency at the rate-limit wall"));
    }

    static SweepSection section(SweepContext ctx, String name, String title) {
        int c = offered(ctx.options());
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint e : ctx.endpoint("openai", false)) {
            for (RefClientOptions.Limit limit : List.of(RefClientOptions.Limit.FIXED, RefClientOptions.Limit.AIMD)) {
                RefClientPath path = new RefClientPath(ctx.refOptions().with(limit, 0, 1));
                cells.add(ctx.cell(e, ctx.transportFor(e), path, c, limit.name().toLowerCase(java.util.Locale.ROOT), false,
                        ctx.requests(e)));
            }
        }
        return new SweepSection(name, title, cells, requests(ctx.options(), REQUESTS, QUICK_REQUESTS));
    }

    /** {@value #OFFERED}, or the largest {@code -Dconcurrency} when given. */
    static int offered(SweepOptions o) {
        return o.given(Options.CONCURRENCY) ? Collections.max(o.concurrency()) : OFFERED;
    }

    /** The sweep's own requests per cell unless {@code -Dn} was given. */
    static Integer requests(SweepOptions o, int normal, int quick) {
        if (o.given(Options.N)) return null;
        return o.quick() ? quick : normal;
    }
}
