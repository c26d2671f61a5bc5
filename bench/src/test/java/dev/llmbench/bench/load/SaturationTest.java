package dev.llmbench.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SaturationTest {
    private static final long S = 1_000_000_000L;

    /** Observes {@code values} at successive checkpoints (planned 10 s: one per second); the first reason, or null. */
    private static String observe(long... values) {
        Saturation s = new Saturation(0, 10 * S);
        String reason = null;
        for (int i = 0; i < values.length && reason == null; i++) {
            assertThat(s.observe((i + 1) * S - 1, values[i])).as("before its checkpoint").isNull();
            reason = s.observe((i + 1) * S, values[i]);
        }
        return reason;
    }

    @Test
    void growthAtThreeCheckpointsInARowToTwiceAndAtLeastTheMinimumStops() {
        assertThat(observe(10, 14, 20, 30)).contains("over-saturated").contains("30 requests outstanding, up from 10");
    }

    @Test
    void aBusyButSteadyPointGoesOn() {
        assertThat(observe(40, 44, 41, 45, 43, 46, 44, 47)).isNull();
    }

    @Test
    void growthBelowTwiceGoesOn() {
        assertThat(observe(20, 25, 30, 39)).isNull();
        assertThat(observe(20, 25, 30, 40)).isNotNull();
    }

    @Test
    void smallCountsNeverStop() {
        assertThat(observe(1, 2, 4, 8)).isNull();
        assertThat(observe(2, 4, 8, Saturation.MIN_OUTSTANDING)).isNotNull();
    }

    @Test
    void aPauseInTheGrowthRestartsTheCount() {
        assertThat(observe(10, 14, 14, 20, 30)).isNull();
        assertThat(observe(10, 14, 14, 20, 30, 40)).isNotNull();
    }

    @Test
    void checkpointsAreATenthOfThePlanButNoCloserThanAQuarterSecond() {
        Saturation s = new Saturation(0, S); // a tenth would be 100 ms
        for (int i = 1; i <= 4; i++) {
            long t = i * Saturation.MIN_CHECKPOINT_NANOS;
            assertThat(s.observe(t - 1, 100L * i)).isNull();
            String r = s.observe(t, 100L * (1 << i));
            if (i < 4) assertThat(r).isNull();
            else assertThat(r).isNotNull();
        }
    }
}
