package dev.llmbench.bench.report;

/**
 * Compares one figure between two configurations: {@code subject / baseline}. With repeats on both sides, the
 * difference is "within noise" when their min–max ranges overlap; then no ratio is claimed. With a single run per side
 * the noise is unknown and the ratio is shown as measured.
 */
public record NoiseComparison(Spread subject, Spread baseline) {

    public boolean measured() {
        return subject.measured() && baseline.measured() && baseline.median() != 0 && Fmt.finite(subject.median() / baseline.median());
    }

    /** Both sides were repeated, so their ranges say something about noise. */
    public boolean repeated() { return subject.n() > 1 && baseline.n() > 1; }

    public boolean withinNoise() { return measured() && repeated() && subject.overlaps(baseline); }

    /** Ratio of the medians, NaN when not measured. */
    public double ratio() { return measured() ? subject.median() / baseline.median() : Double.NaN; }

    /** {@code within noise}, a ratio like {@code 1.47x}, or the missing mark. */
    public String describe() {
        if (!measured()) return Fmt.MISSING;
        return withinNoise() ? "within noise" : Fmt.ratio(ratio());
    }
}
