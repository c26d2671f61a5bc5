package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.model.Tokens;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Outcomes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Spreads, noise verdicts and group sums against hand-computed values, at the edges the reports depend on. */
class DerivationValuesTest {

    @Test
    void infinityIsAValueAndNanIsNot() {
        Spread s = Spread.of(3, Double.NaN, Double.POSITIVE_INFINITY, 1);
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.median()).isEqualTo(3);
        assertThat(s.max()).isInfinite();
        assertThat(Spread.of(Double.NEGATIVE_INFINITY, 2).n()).isEqualTo(1);
        assertThat(Spread.of(4, 1, 3, 2).median()).isEqualTo(2.5);
    }

    @Test
    void rangesThatTouchOverlap() {
        Spread a = Spread.of(1, 2);
        Spread b = Spread.of(2, 3);
        Spread c = Spread.of(2.01, 3);
        assertThat(a.overlaps(b)).isTrue();
        assertThat(b.overlaps(a)).isTrue();
        assertThat(a.overlaps(c)).isFalse();
        assertThat(c.overlaps(a)).isFalse();
        assertThat(a.overlaps(Spread.of())).isFalse();
        assertThat(Spread.of().overlaps(a)).isFalse();
    }

    @Test
    void onlyRepeatsOnBothSidesCanBeWithinNoise() {
        // equal single runs: the noise is unknown, so the ratio is shown as measured
        assertThat(new NoiseComparison(Spread.of(100), Spread.of(100)).describe()).isEqualTo("1.00x");
        assertThat(new NoiseComparison(Spread.of(100), Spread.of(100)).repeated()).isFalse();
        // overlapping, but only one side repeated
        assertThat(new NoiseComparison(Spread.of(90, 110), Spread.of(100)).describe()).isEqualTo("1.00x");
        assertThat(new NoiseComparison(Spread.of(100), Spread.of(90, 110)).describe()).isEqualTo("1.00x");
        assertThat(new NoiseComparison(Spread.of(90, 110), Spread.of(95, 105)).describe()).isEqualTo("within noise");
        assertThat(new NoiseComparison(Spread.of(290, 310), Spread.of(95, 105)).describe()).isEqualTo("3.00x");
        assertThat(new NoiseComparison(Spread.of(290, 310), Spread.of(95, 105)).ratio()).isEqualTo(3.0);
    }

    @Test
    void aRatioThatIsNotFiniteIsNoMeasurement() {
        assertThat(new NoiseComparison(Spread.of(1e200), Spread.of(1e-200)).measured()).as("overflows").isFalse();
        assertThat(new NoiseComparison(Spread.of(1e200), Spread.of(1e-200)).describe()).isEqualTo(Fmt.MISSING);
        assertThat(new NoiseComparison(Spread.of(Double.POSITIVE_INFINITY), Spread.of(2)).measured()).isFalse();
        assertThat(new NoiseComparison(Spread.of(5), Spread.of(0)).measured()).isFalse();
        assertThat(new NoiseComparison(Spread.of(5), Spread.of()).ratio()).isNaN();
        assertThat(new NoiseComparison(Spread.of(6), Spread.of(3)).ratio()).isEqualTo(2.0);
    }

    @Test
    void groupsSumTheirRepeatsAccounting() {
        CellResult a = cell(0, new Outcomes(10, 6, 1, Map.of("TIMEOUT", 1L), 2, 3));
        CellResult b = cell(1, new Outcomes(10, 7, 0, Map.of("TIMEOUT", 2L, "AUTH", 1L), 0, 1));
        CellGroup g = CellGroup.of(List.of(a, b)).get(0);
        assertThat(g.repeats()).isEqualTo(2);
        assertThat(g.sent()).isEqualTo(20);
        assertThat(g.ok()).isEqualTo(13);
        assertThat(g.errors()).isEqualTo(4);
        assertThat(g.cancelled()).isEqualTo(2);
        assertThat(g.retries()).isEqualTo(4);
        assertThat(g.errorsByKind()).containsExactly(Map.entry("AUTH", 1L), Map.entry("TIMEOUT", 3L));
    }

    private static CellResult cell(int repeat, Outcomes o) {
        CellMeasurement m = new CellMeasurement(1.0, Double.NaN, o, new Tokens(10, 10, 0, 0, 0), Map.of(), Map.of(), null, null, null,
                Double.NaN, -1, Map.of(), List.of());
        return CellResult.of(new CellKey("openai", "ref", "okhttp-h2", 4, "", repeat), m, null, "x.hlog", null);
    }
}
