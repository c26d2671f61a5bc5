package dev.llmbench.bench.sweep.catalog;

import java.util.Set;

import dev.llmbench.bench.cli.Option;

import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.path.Guard;
import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.client.TransportKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bounded soak against the simulator: the {@code zero} profile (no delays: the harness at full speed) and the
 * {@code openai} profile (calibrated timing), each for {@link #SECONDS} seconds ({@link #QUICK_SECONDS} with
 * {@code -Dquick=true}) at {@link #CONCURRENCY} in-flight streams (or the largest {@code -Dconcurrency} given), one client
 * each, sampled every few seconds ({@link SoakDriver}). The per-key limits of the openai profile are lifted for it
 * ({@link #SIM_OVERRIDES}): the point is a steady 1,024 streams, not a 429 storm.
 */
public final class SoakSweep implements CellSweep {
    static final int CONCURRENCY = 1024;
    static final int SECONDS = 60;
    static final int QUICK_SECONDS = 3;
    /** Simulator settings for this sweep: the openai and zero profiles without per-key limits. */
    static final Map<String, String> SIM_OVERRIDES = Map.of("openai.limit.concurrency", "0", "openai.limit.rpm", "0",
            "openai.limit.tpm", "0", "zero.limit.concurrency", "0", "zero.limit.rpm", "0", "zero.limit.tpm", "0");

    @Override
    public String name() { return "soak"; }

    @Override
    public String summary() { return "1,024 in-flight streams for 60 s: heap, threads, sockets over time (simulator only)"; }

    /** Duration-bound ({@code -Dduration}, else 60 s) and closed loop: {@code -Dn}, {@code -Drate} and {@code -Dslo} are not read. */
    @Override
    public Set<Option<?>> reads() { return Catalog.without(Options.CELL_SWEEP, Options.N, Options.RATE, Options.SLO); }

    @Override
    public Map<String, String> simDefaults() { return SIM_OVERRIDES; }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        List<Endpoint> openai = ctx.endpoint("openai", false);
        if (openai.isEmpty() || !openai.get(0).groundTruth()) {
            ctx.out().println("soak: skipped: the soak runs against the simulator only (-Dtarget=sim), never a live API");
            return List.of();
        }
        SweepOptions o = ctx.options();
        int c = o.given(Options.CONCURRENCY) ? o.concurrency().stream().mapToInt(Integer::intValue).max().orElse(CONCURRENCY) : CONCURRENCY;
        boolean quick = o.quick();
        Duration soak = o.durationNanos() > 0 ? Duration.ofNanos(o.durationNanos()) : Duration.ofSeconds(quick ? QUICK_SECONDS : SECONDS);
        Guard guard = new Guard(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), soak,
                Duration.ofSeconds(quick ? 1 : 5));
        Endpoint e = openai.get(0);
        Endpoint zero = new Endpoint("zero", e.wireProvider(), e.model(), e.baseUrl().replace("/openai/", "/zero/"), e.apiKey(),
                e.trustStore(), e.trustStorePassword(), true, "zero");
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint p : List.of(zero, e)) {
            TransportKind t = ctx.transportFor(p);
            cells.add(ctx.cell(p, t, c, "soak-" + soak.toSeconds() + "s", null).guarded(guard));
        }
        return List.of(new SweepSection(name(), "Soak: " + c + " in-flight streams", cells));
    }
}
