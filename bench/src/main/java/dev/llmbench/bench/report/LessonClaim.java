package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellKey;

import java.util.function.Predicate;

/**
 * One finding of the lessons (the Python benchmarks of 2026-02-17) encoded as data: which figure of which cells, and what the lesson
 * measured. The reading compares our numbers with it; the conclusion is always computed, never written here. The claims,
 * their sources and the verdict rules are described in {@code docs/lessons.md} (repository root).
 *
 * @param topic          the sweep it applies to, without the {@code lessons-} prefix (e.g. {@code http-version}); a
 *                       sweep named {@code lessons-concurrency-openai} or {@code concurrency} matches {@code concurrency}
 * @param statement      the lesson's words and numbers, quoted in the reading
 * @param figure         what is compared
 * @param subject        the cells the claim is about
 * @param baseline       the cells they are compared with; null for a {@link Expectation.Level} claim
 * @param expected       the lesson's ratio (subject / baseline) or level range
 * @param atConcurrency  where the lesson measured it, when the selectors leave concurrency open; the nearest
 *                       concurrency both sides have is used (0 = the highest)
 */
public record LessonClaim(String topic, String statement, Figure figure, Selector subject, Selector baseline,
                          Expectation expected, int atConcurrency) {

    /** True when this claim is about the named sweep. */
    public boolean appliesTo(String sweep) {
        String s = sweep.startsWith("lessons-") ? sweep.substring("lessons-".length()) : sweep;
        return s.equals(topic) || s.startsWith(topic + "-");
    }

    /**
     * Which cells: one provider, optionally one concurrency (0 = any), and a match on the rest of the key.
     *
     * @param label shown in the reading, e.g. {@code h2} or {@code c=64}
     */
    public record Selector(String label, String provider, int concurrency, Predicate<CellKey> match) {
        public boolean test(CellKey k) {
            return k.provider().equals(provider) && (concurrency == 0 || k.concurrency() == concurrency) && match.test(k);
        }
    }

    /** What the lesson found. */
    public sealed interface Expectation {
        /** subject / baseline lies in [low, high]; a range containing 1.0 means "no effect". */
        record Ratio(double low, double high) implements Expectation {
            public boolean noEffect() { return low <= 1.0 && 1.0 <= high; }
        }

        /** The subject's figure itself lies in [low, high] (e.g. a 429 share above zero). */
        record Level(double low, double high) implements Expectation {}

        static Ratio ratio(double low, double high) { return new Ratio(low, high); }

        static Ratio atLeast(double low) { return new Ratio(low, Double.POSITIVE_INFINITY); }

        static Ratio atMost(double high) { return new Ratio(0, high); }

        /** Some of it, e.g. rate limiting happened. */
        static Level present() { return new Level(Double.MIN_VALUE, Double.POSITIVE_INFINITY); }

        /** None of it. */
        static Level absent() { return new Level(0, 0); }
    }
}
