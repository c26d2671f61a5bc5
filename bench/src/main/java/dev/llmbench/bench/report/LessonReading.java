package dev.llmbench.bench.report;

import dev.llmbench.bench.report.LessonClaim.Expectation;
import dev.llmbench.bench.report.LessonClaim.Selector;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What our numbers say about one lesson claim.
 *
 * @param claim    the claim
 * @param verdict  the computed conclusion
 * @param value    the ratio (subject / baseline) or the subject's level; NaN when not measured
 * @param sentence one sentence for the reading paragraph, with the numbers behind the verdict
 * @param missing  for a claim that was not measured, what was missing (e.g. {@code no cells for OpenAI c=64}); else ""
 */
public record LessonReading(LessonClaim claim, Verdict verdict, double value, String sentence, String missing) {

    public enum Verdict {
        AGREES("agrees with"),
        /** Same direction as the lesson, smaller effect. */
        WEAKER("same direction as, but weaker than,"),
        /** Same direction as the lesson, larger effect. */
        STRONGER("same direction as, but stronger than,"),
        DISAGREES("contradicts"),
        /** Repeats' ranges overlap where the lesson found a difference. */
        WITHIN_NOISE("within noise — does not confirm"),
        /** The cells the claim needs were not in the sweep (or measured NaN). */
        NOT_MEASURED("not measured for");

        private final String phrase;

        Verdict(String phrase) { this.phrase = phrase; }

        public String phrase() { return phrase; }
    }

    /** Reads one claim off the groups of a sweep. */
    public static LessonReading of(LessonClaim claim, List<CellGroup> groups) {
        List<CellGroup> subjects = matching(groups, claim.subject());
        List<CellGroup> baselines = claim.baseline() == null ? List.of() : matching(groups, claim.baseline());
        boolean ratio = claim.expected() instanceof Expectation.Ratio;
        if (subjects.isEmpty() || (ratio && baselines.isEmpty())) return notMeasured(claim, "no cells for " + missingSide(claim, subjects));

        Optional<Integer> c = concurrency(claim, subjects, baselines);
        if (c.isEmpty()) return notMeasured(claim, "no concurrency measured on both sides");
        CellGroup subject = pick(subjects, claim.subject(), c.get());
        String where = claim.subject().concurrency() == 0 || (ratio && claim.baseline().concurrency() == 0) ? " at c=" + c.get() : "";
        Spread s = subject.spread(claim.figure());

        if (claim.expected() instanceof Expectation.Level level) {
            if (!s.measured()) return notMeasured(claim, claim.figure().label() + " is missing");
            boolean in = s.median() >= level.low() && s.median() <= level.high();
            String text = claim.figure().label() + " " + claim.subject().label() + where + " = " + s.format(claim.figure()::format)
                    + " (expected " + levelRange(claim.figure(), level) + ")";
            return finish(claim, in ? Verdict.AGREES : Verdict.DISAGREES, s.median(), text, s.n() > 1, false);
        }

        Expectation.Ratio expected = (Expectation.Ratio) claim.expected();
        CellGroup baseline = pick(baselines, claim.baseline(), c.get());
        NoiseComparison cmp = new NoiseComparison(s, baseline.spread(claim.figure()));
        if (!cmp.measured()) return notMeasured(claim, claim.figure().label() + " is missing");
        double r = cmp.ratio();
        String text = claim.figure().label() + " " + claim.subject().label() + "/" + claim.baseline().label() + where + " = "
                + Fmt.ratio(r) + (cmp.withinNoise() ? " of medians" : "")
                + " (" + s.format(claim.figure()::format) + " vs " + cmp.baseline().format(claim.figure()::format)
                + "; lesson: " + ratioRange(expected) + ")";
        return finish(claim, verdict(cmp, expected), r, text, cmp.repeated(), cmp.withinNoise());
    }

    /** The ratio verdict: noise first, then the lesson's range, then the direction. */
    static Verdict verdict(NoiseComparison cmp, Expectation.Ratio expected) {
        double r = cmp.ratio();
        if (cmp.withinNoise()) return expected.noEffect() ? Verdict.AGREES : Verdict.WITHIN_NOISE;
        if (r >= expected.low() && r <= expected.high()) return Verdict.AGREES;
        if (expected.noEffect()) return Verdict.DISAGREES;
        if (expected.low() > 1.0 && r > 1.0) return r < expected.low() ? Verdict.WEAKER : Verdict.STRONGER;
        if (expected.high() < 1.0 && r < 1.0) return r > expected.high() ? Verdict.WEAKER : Verdict.STRONGER;
        return Verdict.DISAGREES;
    }

    private static LessonReading finish(LessonClaim claim, Verdict v, double value, String numbers, boolean repeated, boolean withinNoise) {
        String phrase = withinNoise && v == Verdict.AGREES ? "within noise — agrees with" : v.phrase();
        String sentence = numbers + " — " + phrase + " the lesson \"" + claim.statement() + "\""
                + (repeated || v == Verdict.NOT_MEASURED ? "" : " (single run: noise unknown)") + ".";
        return new LessonReading(claim, v, value, sentence, "");
    }

    private static LessonReading notMeasured(LessonClaim claim, String why) {
        return new LessonReading(claim, Verdict.NOT_MEASURED, Double.NaN,
                "Not measured for the lesson \"" + claim.statement() + "\" (" + why + ").", why);
    }

    private static String missingSide(LessonClaim claim, List<CellGroup> subjects) {
        Selector s = subjects.isEmpty() ? claim.subject() : claim.baseline();
        return Providers.display(s.provider()) + " " + s.label();
    }

    private static List<CellGroup> matching(List<CellGroup> groups, Selector sel) {
        return groups.stream().filter(g -> sel.test(g.key())).toList();
    }

    /** The concurrency to read at: fixed by the selectors, else the one both sides have nearest the lesson's. */
    private static Optional<Integer> concurrency(LessonClaim claim, List<CellGroup> subjects, List<CellGroup> baselines) {
        Set<Integer> candidates = concurrencies(subjects);
        if (claim.subject().concurrency() != 0) return Optional.of(claim.subject().concurrency());
        if (claim.baseline() != null && claim.baseline().concurrency() == 0) candidates.retainAll(concurrencies(baselines));
        if (candidates.isEmpty()) return Optional.empty();
        int want = claim.atConcurrency();
        if (want == 0) return Optional.of(((TreeSet<Integer>) candidates).last());
        return candidates.stream().min(Comparator.comparingInt((Integer x) -> Math.abs(x - want)).thenComparingInt(x -> -x));
    }

    private static Set<Integer> concurrencies(List<CellGroup> groups) {
        return groups.stream().map(g -> g.key().concurrency()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static CellGroup pick(List<CellGroup> groups, Selector sel, int c) {
        if (sel.concurrency() != 0) return groups.get(0);
        return groups.stream().filter(g -> g.key().concurrency() == c).findFirst().orElse(groups.get(0));
    }

    static String ratioRange(Expectation.Ratio r) {
        if (r.high() == Double.POSITIVE_INFINITY) return "≥ " + Fmt.ratio(r.low());
        if (r.low() <= 0) return "≤ " + Fmt.ratio(r.high());
        return Fmt.ratio(r.low()).replace("x", "") + "–" + Fmt.ratio(r.high());
    }

    private static String levelRange(Figure f, Expectation.Level l) {
        if (l.low() == 0 && l.high() == 0) return "none";
        if (l.high() == Double.POSITIVE_INFINITY) return l.low() <= Double.MIN_VALUE ? "above zero" : "≥ " + f.format(l.low());
        return f.format(l.low()) + "–" + f.format(l.high());
    }
}
