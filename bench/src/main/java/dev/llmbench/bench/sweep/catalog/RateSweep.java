package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.cli.Option;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.sweep.CellLoad;
import dev.llmbench.bench.sweep.CellPlanner;
import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Endpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Open-loop rate points, as GuideLLM's sweep: per provider, a synchronous probe (closed loop, c=1) and a throughput
 * probe (closed loop at the highest {@code -Dconcurrency}), then {@code -Drates} Poisson rates spread evenly from the
 * synchronous rate up to the throughput rate; or exactly the rates {@code -Drate} lists, without probes. Each point
 * is timed ({@link #CELL_SECONDS} s unless {@code -Dduration} or {@code -Dn}), caps in-flight requests at
 * {@link #CAP_FACTOR} x the throughput probe's concurrency, measures latency from the intended start, and stops early
 * when it is clearly over-saturated. With {@code -Dslo}, every point reports attainment and goodput.
 */
public final class RateSweep implements CellSweep {
    static final int CELL_SECONDS = 20;
    static final int QUICK_CELL_SECONDS = 2;
    /** The rate points' in-flight cap over the throughput probe's concurrency: high enough not to be the limit. */
    static final int CAP_FACTOR = 4;

    @Override
    public String name() { return "rate"; }

    @Override
    public String summary() { return "open-loop rates: synchronous and throughput probes, then -Drates rates between (or -Drate=LIST)"; }

    @Override
    public Set<Option<?>> reads() { return Catalog.with(Options.CELL_SWEEP, Options.RATES); }

    /** A rate list is what this sweep is for. */
    @Override
    public void validate(SweepOptions o) {}

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        return List.of(SweepSection.planned(name(), "Rate sweep", new Planner(bases(ctx), ctx.options())));
    }

    /** Per provider, the plain cell its probes and rate points are made from (the run's workload, default transport). */
    static List<CellSpec> bases(SweepContext ctx) {
        List<CellSpec> bases = new ArrayList<>();
        for (Endpoint e : ctx.endpoints(false)) bases.add(ctx.cell(e, ctx.transportFor(e), 1, "", null));
        return bases;
    }

    /** A closed-loop probe of {@code base} at {@code concurrency}, named {@code variant} ("sync", "throughput"). */
    static CellSpec probe(CellSpec base, int concurrency, String variant, Long nanos) {
        CellKey k = base.key();
        return base.with(new CellKey(k.provider(), k.path(), k.transport(), concurrency, variant, 0), CellLoad.closed(null, nanos));
    }

    /** An open-loop point of {@code base} at {@code rate}, at most {@code cap} in flight, stopping when over-saturated. */
    static CellSpec point(CellSpec base, double rate, int cap, Long nanos) {
        CellKey k = base.key();
        return base.with(new CellKey(k.provider(), k.path(), k.transport(), cap, variant(rate), 0), CellLoad.open(rate, null, nanos));
    }

    /** A point's timed length: {@code -Dduration}, else the sweep's own (none when {@code -Dn} counts instead). */
    static Long cellNanos(SweepOptions o, int seconds, int quickSeconds) {
        if (o.durationNanos() > 0) return o.durationNanos();
        if (o.given(Options.N)) return null;
        return TimeUnit.SECONDS.toNanos(o.quick() ? quickSeconds : seconds);
    }

    /** What a planner's cell adds to the progress: its seconds, or its requests and warm-up when counted. */
    static long units(SweepOptions o, Long nanos, int concurrency) {
        return nanos != null ? Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos)) : o.requestsFor(concurrency) + o.warmupFor(concurrency);
    }

    /** The rate a probe ran at: its completions per second in the steady window, else over its wall. */
    static double rateOf(CellResult probe) {
        double r = probe.derived().achievedRate();
        if (Double.isFinite(r) && r > 0) return r;
        return probe.outcomes().sent() / Math.max(1e-9, probe.measured().wallSeconds());
    }

    /** {@code rate=12.5}: the variant naming a rate point. */
    static String variant(double rate) {
        return "rate=" + (rate >= 100 ? String.format(Locale.ROOT, "%.0f", rate)
                : rate >= 1 ? String.format(Locale.ROOT, "%.3g", rate) : String.format(Locale.ROOT, "%.3f", rate));
    }

    /** Runs the providers one after the other: probes, then the rate points the probes imply. */
    static final class Planner implements CellPlanner {
        private final List<CellSpec> bases;
        private final SweepOptions o;
        private final List<Double> given;
        private final int points;
        private final int top;
        private final Long nanos;

        Planner(List<CellSpec> bases, SweepOptions o) {
            this.bases = List.copyOf(bases);
            this.o = o;
            this.given = o.rates();
            this.points = o.get(Options.RATES);
            this.top = Collections.max(o.concurrency());
            this.nanos = cellNanos(o, CELL_SECONDS, QUICK_CELL_SECONDS);
        }

        private int perProvider() { return given != null ? given.size() : 2 + points; }

        @Override
        public int maxCells() { return bases.size() * perProvider(); }

        @Override
        public long unitsPerCell(SweepOptions options) { return units(options, nanos, top); }

        @Override
        public Optional<CellSpec> next(List<CellResult> done) {
            int i = done.size();
            int p = i / perProvider();
            int j = i % perProvider();
            if (p >= bases.size()) return Optional.empty();
            CellSpec base = bases.get(p);
            if (given != null) return Optional.of(point(base, given.get(j), CAP_FACTOR * top, nanos));
            if (j == 0) return Optional.of(probe(base, 1, "sync", nanos));
            if (j == 1) return Optional.of(probe(base, top, "throughput", nanos));
            int first = p * perProvider();
            double sync = rateOf(done.get(first));
            double throughput = rateOf(done.get(first + 1));
            double lo = Math.min(sync, throughput);
            double hi = Math.max(sync, throughput);
            return Optional.of(point(base, lo + (hi - lo) * (j - 1) / points, CAP_FACTOR * top, nanos));
        }
    }
}
