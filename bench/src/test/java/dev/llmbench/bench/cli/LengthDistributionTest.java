package dev.llmbench.bench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LengthDistributionTest {

    @Test
    void parsesTheThreeFormsAndPrintsThemBack() {
        assertThat(LengthDistribution.parse("fixed:128")).isEqualTo(new LengthDistribution.Fixed(128));
        assertThat(LengthDistribution.parse(" Uniform:10 - 20 ")).isEqualTo(new LengthDistribution.Uniform(10, 20));
        assertThat(LengthDistribution.parse("normal:200,50")).isEqualTo(new LengthDistribution.Normal(200, 50));
        assertThat(LengthDistribution.parse("normal:2.5,0.5")).isEqualTo(new LengthDistribution.Normal(2.5, 0.5));
        for (String text : new String[] {"fixed:128", "uniform:10-20", "normal:200,50", "normal:2.5,0.5", "uniform:7-7"}) {
            assertThat(LengthDistribution.parse(text).text()).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"128", "fixed:", "fixed:0", "fixed:-3", "fixed:1000001", "fixed:99999999999", "uniform:20-10",
            "uniform:0-5", "uniform:5", "normal:200", "normal:0,5", "normal:200,-1", "normal:1e3,5", "gauss:1,2", "fixed:1.5"})
    void aBadDistributionNamesTheValidForms(String text) {
        assertThatThrownBy(() -> LengthDistribution.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(text + ": expected " + LengthDistribution.FORMS);
        assertThat(LengthDistribution.FORMS).contains("fixed:N").contains("uniform:A-B").contains("normal:MEAN,SD");
    }

    @Test
    void fixedIsExact() {
        SplittableRandom r = new SplittableRandom(1);
        assertThat(IntStream.range(0, 100).map(i -> new LengthDistribution.Fixed(37).sample(r))).containsOnly(37);
    }

    @Test
    void uniformStaysWithinItsBoundsAndReachesBoth() {
        LengthDistribution u = LengthDistribution.parse("uniform:10-14");
        SplittableRandom r = new SplittableRandom(7);
        int[] draws = IntStream.range(0, 2_000).map(i -> u.sample(r)).toArray();
        assertThat(IntStream.of(draws).boxed().toList()).allMatch(d -> d >= 10 && d <= 14);
        assertThat(draws).contains(10, 11, 12, 13, 14); // both ends are included
    }

    @Test
    void normalHasRoughlyItsMeanAndSdAndIsClampedToOne() {
        LengthDistribution n = LengthDistribution.parse("normal:500,100");
        SplittableRandom r = new SplittableRandom(11);
        double[] draws = IntStream.range(0, 20_000).mapToDouble(i -> n.sample(r)).toArray();
        double mean = java.util.Arrays.stream(draws).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(draws).map(d -> (d - mean) * (d - mean)).sum() / draws.length);
        assertThat(mean).isBetween(490.0, 510.0);
        assertThat(sd).isBetween(90.0, 110.0);

        LengthDistribution wide = LengthDistribution.parse("normal:2,50"); // most draws would be <= 0
        SplittableRandom r2 = new SplittableRandom(3);
        int[] clamped = IntStream.range(0, 1_000).map(i -> wide.sample(r2)).toArray();
        assertThat(IntStream.of(clamped).boxed().toList()).allMatch(d -> d >= 1).contains(1);
        assertThat(new LengthDistribution.Normal(3, 0).sample(r2)).isEqualTo(3);
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        LengthDistribution u = LengthDistribution.parse("uniform:1-1000");
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        int[] first = IntStream.range(0, 50).map(i -> u.sample(a)).toArray();
        assertThat(IntStream.range(0, 50).map(i -> u.sample(b)).toArray()).isEqualTo(first);
        SplittableRandom c = new SplittableRandom(43);
        assertThat(IntStream.range(0, 50).map(i -> u.sample(c)).toArray()).isNotEqualTo(first);
    }
}
