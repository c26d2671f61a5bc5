package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.cli.Option;
import dev.llmbench.bench.cli.OptionException;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Slo;
import dev.llmbench.bench.sweep.CellPlanner;
import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The highest request rate whose SLO attainment holds, per provider and path: {@code -Dsweep=capacity -Dslo=...
 * [-Dattainment=0.95]}. It starts from {@code -Drate} or, without it, from a synchronous probe's rate (closed loop,
 * c=1), brackets by doubling (or halving, if the start already misses), then bisects the bracket geometrically until
 * its ends are within {@link #RESOLUTION} of each other or {@code -DcapacitySteps} rate points have run. A point
 * holds when at least the target share of its sent requests met the SLO and it was not stopped as over-saturated.
 * The answer is the bracket's lower end: "max sustainable rate: X req/s", with the bracket it rests on. Points are
 * open loop and timed as the rate sweep's ({@link RateSweep}).
 */
public final class CapacitySweep implements CellSweep {
    static final int CELL_SECONDS = 15;
    static final int QUICK_CELL_SECONDS = 2;
    /** Bisection ends when the bracket's upper end is within this share above its lower end. */
    static final double RESOLUTION = 0.10;

    @Override
    public String name() { return "capacity"; }

    @Override
    public String summary() { return "max sustainable rate within -Dslo (bracketing and bisection over open-loop rates)"; }

    @Override
    public Set<Option<?>> reads() { return Catalog.with(Options.CELL_SWEEP, Options.ATTAINMENT, Options.CAPACITY_STEPS); }

    /** The search needs targets to judge by; {@code -Drate} is its one starting rate. */
    @Override
    public void validate(SweepOptions o) {
        if (o.slo() == null) {
            throw new OptionException(Options.SLO.name(), "(unset)", "an SLO for -Dsweep=capacity, " + Slo.FORM);
        }
        if (o.rates() != null && o.rates().size() > 1) {
            throw new OptionException(Options.RATE.name(), o.text(Options.RATE), "one starting rate with -Dsweep=capacity");
        }
    }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        return List.of(SweepSection.planned(name(), "Capacity search", new Planner(RateSweep.bases(ctx), ctx.options())));
    }

    /** What a search over one provider found. */
    record Bracket(double holds, double holdsAttainment, double fails, double failsAttainment, int points) {
        String describe(Slo slo, double target) {
            String at = " (" + slo + ", attainment >= " + pct(target) + ", " + points + " rate points)";
            if (Double.isNaN(holds)) {
                return "below " + rate(fails) + " req/s: even that rate missed (" + pct(failsAttainment) + ")" + at;
            }
            if (Double.isNaN(fails)) {
                return "at least " + rate(holds) + " req/s (" + pct(holdsAttainment) + "); no failing rate found within the steps" + at;
            }
            return rate(holds) + " req/s; bracket: holds at " + rate(holds) + " (" + pct(holdsAttainment) + "), fails at "
                    + rate(fails) + " (" + pct(failsAttainment) + ")" + at;
        }
    }

    static String rate(double r) { return String.format(Locale.ROOT, r >= 100 ? "%.0f" : r >= 10 ? "%.1f" : "%.2f", r); }

    static String pct(double share) { return String.format(Locale.ROOT, "%.1f%%", share * 100); }

    /** Searches the providers one after the other. Stateful: the runner calls {@link #next} in order. */
    static final class Planner implements CellPlanner {
        private final List<CellSpec> bases;
        private final Slo slo;
        private final double target;
        private final int steps;
        private final Double start;
        private final int cap;
        private final Long nanos;
        private final Map<String, Bracket> found = new LinkedHashMap<>();
        private int provider;
        /** Index in the runner's results where the current provider's cells begin. */
        private int from;

        Planner(List<CellSpec> bases, SweepOptions o) {
            this.bases = List.copyOf(bases);
            this.slo = o.slo();
            this.target = o.get(Options.ATTAINMENT);
            this.steps = o.get(Options.CAPACITY_STEPS);
            this.start = o.rate();
            this.cap = RateSweep.CAP_FACTOR * Collections.max(o.concurrency());
            this.nanos = RateSweep.cellNanos(o, CELL_SECONDS, QUICK_CELL_SECONDS);
        }

        @Override
        public int maxCells() { return bases.size() * (steps + (start == null ? 1 : 0)); }

        @Override
        public long unitsPerCell(SweepOptions o) { return RateSweep.units(o, nanos, cap); }

        boolean holds(CellResult c) {
            return c.measured().stoppedEarly() == null && c.derived().sloAttainment() >= target;
        }

        @Override
        public Optional<CellSpec> next(List<CellResult> done) {
            while (provider < bases.size()) {
                Optional<Double> rate = nextRate(done.subList(from, done.size()));
                if (rate.isPresent()) return Optional.of(point(bases.get(provider), rate.get()));
                from = done.size();
                provider++;
            }
            return Optional.empty();
        }

        /** The next rate for the current provider given its cells so far (a probe first without -Drate), or empty. */
        private Optional<Double> nextRate(List<CellResult> mine) {
            CellSpec base = bases.get(provider);
            List<CellResult> points = mine;
            double first;
            if (start == null) {
                if (mine.isEmpty()) return Optional.of(Double.NaN); // the probe
                first = RateSweep.rateOf(mine.get(0));
                points = mine.subList(1, mine.size());
            } else {
                first = start;
            }
            if (points.isEmpty()) return Optional.of(first);
            double lo = Double.NaN, loAtt = Double.NaN, hi = Double.NaN, hiAtt = Double.NaN;
            for (CellResult c : points) {
                double r = c.measured().offeredRate();
                if (holds(c)) {
                    if (Double.isNaN(lo) || r > lo) {
                        lo = r;
                        loAtt = c.derived().sloAttainment();
                    }
                } else if (Double.isNaN(hi) || r < hi) {
                    hi = r;
                    hiAtt = c.derived().sloAttainment();
                }
            }
            Bracket b = new Bracket(lo, loAtt, hi, hiAtt, points.size());
            found.put(label(base), b);
            if (points.size() >= steps) return Optional.empty();
            if (Double.isNaN(hi)) return Optional.of(lo * 2);
            if (Double.isNaN(lo)) return Optional.of(hi / 2);
            if (hi <= lo * (1 + RESOLUTION)) return Optional.empty();
            return Optional.of(Math.sqrt(lo * hi));
        }

        private CellSpec point(CellSpec base, double rate) {
            return Double.isNaN(rate) ? RateSweep.probe(base, 1, "sync", nanos) : RateSweep.point(base, rate, cap, nanos);
        }

        private static String label(CellSpec base) {
            return "max sustainable rate, " + base.key().provider() + " " + base.key().path() + "+" + base.key().transport();
        }

        @Override
        public Map<String, String> conclusions(List<CellResult> done) {
            Map<String, String> out = new LinkedHashMap<>();
            found.forEach((k, b) -> out.put(k, b.describe(slo, target)));
            return out;
        }

        /** The bracket found for each provider so far (for tests). */
        Map<String, Bracket> found() { return Collections.unmodifiableMap(found); }
    }
}
