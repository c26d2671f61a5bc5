package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoiseComparisonTest {

    @Test
    void spreadIsMedianAndRangeOfMeasuredValues() {
        assertThat(Spread.of(2510, 2380, 2456)).isEqualTo(new Spread(2456, 2380, 2510, 3));
        assertThat(Spread.of(4, 1, 3, 2).median()).isEqualTo(2.5);
        assertThat(Spread.of(Double.NaN, 10, Double.NaN)).isEqualTo(new Spread(10, 10, 10, 1));
        assertThat(Spread.of(Double.NaN).measured()).isFalse();
        assertThat(Spread.of().n()).isZero();
    }

    @Test
    void spreadFormatsMedianWithRangeOnlyForRepeats() {
        assertThat(Spread.of(2510, 2380, 2456).format(Fmt::whole)).isEqualTo("2456 (2380–2510)");
        assertThat(Spread.of(2456).format(Fmt::whole)).isEqualTo("2456");
        assertThat(Spread.of(213, 213).format(Fmt::secondsFromMs)).isEqualTo("0.213s");
        assertThat(Spread.of(Double.NaN).format(Fmt::whole)).isEqualTo(Fmt.MISSING);
    }

    @Test
    void overlappingRangesAreWithinNoise() {
        NoiseComparison c = new NoiseComparison(Spread.of(1000, 1100, 1200), Spread.of(1150, 1300, 1250));
        assertThat(c.withinNoise()).isTrue();
        assertThat(c.describe()).isEqualTo("within noise");
    }

    @Test
    void disjointRangesShowTheRatioOfMedians() {
        NoiseComparison c = new NoiseComparison(Spread.of(1470, 1500, 1480), Spread.of(1000, 990, 1010));
        assertThat(c.withinNoise()).isFalse();
        assertThat(c.ratio()).isCloseTo(1.48, within(1e-9));
        assertThat(c.describe()).isEqualTo("1.48x");
    }

    @Test
    void touchingRangesCountAsOverlapping() {
        assertThat(new NoiseComparison(Spread.of(10, 20), Spread.of(20, 30)).withinNoise()).isTrue();
    }

    @Test
    void singleRunsGiveARatioButNoNoiseJudgement() {
        NoiseComparison c = new NoiseComparison(Spread.of(1470), Spread.of(1000));
        assertThat(c.repeated()).isFalse();
        assertThat(c.withinNoise()).isFalse();
        assertThat(c.describe()).isEqualTo("1.47x");
    }

    @Test
    void unmeasuredSidesGiveNoRatio() {
        assertThat(new NoiseComparison(Spread.of(Double.NaN), Spread.of(1000)).describe()).isEqualTo(Fmt.MISSING);
        assertThat(new NoiseComparison(Spread.of(5), Spread.of(0)).measured()).isFalse();
        assertThat(new NoiseComparison(Spread.of(5), Spread.of(0)).ratio()).isNaN();
    }

    @Test
    void groupsCollectRepeatsInRunOrder() {
        List<CellResult> cells = List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).repeat(0).tokPerSec(2380).build(),
                Fixtures.cell("openai", "okhttp-h1", 32).repeat(0).tokPerSec(1500).build(),
                Fixtures.cell("openai", "okhttp-h2", 32).repeat(1).tokPerSec(2510).build(),
                Fixtures.cell("openai", "okhttp-h1", 32).repeat(1).tokPerSec(1600).build(),
                Fixtures.cell("openai", "okhttp-h2", 32).repeat(2).tokPerSec(2456).build());
        List<CellGroup> groups = CellGroup.of(cells);
        assertThat(groups).extracting(g -> g.key().transport()).containsExactly("okhttp-h2", "okhttp-h1");
        assertThat(groups.get(0).repeats()).isEqualTo(3);
        assertThat(groups.get(0).key().repeat()).isZero();
        assertThat(groups.get(0).spread(Figure.TOK_PER_SEC).format(Figure.TOK_PER_SEC::format)).isEqualTo("2456 (2380–2510)");
    }

    @Test
    void comparisonsPairCellsDifferingInExactlyOneDimension() {
        List<CellGroup> groups = CellGroup.of(List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).tokPerSec(2400).build(),
                Fixtures.cell("openai", "okhttp-h1", 32).tokPerSec(1600).build(),
                Fixtures.cell("openai", "okhttp-h1", 32).variant("long").tokPerSec(1500).build(),
                Fixtures.cell("openai", "okhttp-h2", 64).tokPerSec(4000).build(),
                Fixtures.cell("gemini", "okhttp-h1", 32).tokPerSec(1000).build()));
        List<Comparisons.Pair> pairs = Comparisons.pairs(groups);
        // h1 vs h2 at c=32 (transport), long vs "" for h1 at c=32 (variant); c=64 and gemini have no partner
        assertThat(pairs).extracting(Comparisons.Pair::label)
                .containsExactly("OpenAI c=32 ref: okhttp-h1 vs okhttp-h2", "OpenAI c=32 ref okhttp-h1: long vs ");
        assertThat(pairs.get(0).compare(Figure.TOK_PER_SEC).describe()).isEqualTo("0.67x");
        assertThat(Comparisons.render(groups)).contains("0.67x").contains("0.94x");
        assertThat(Comparisons.render(CellGroup.of(List.of(Fixtures.cell("openai", "okhttp-h2", 32).build())))).isEmpty();
    }
}
