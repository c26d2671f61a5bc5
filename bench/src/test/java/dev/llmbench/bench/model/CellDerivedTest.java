package dev.llmbench.bench.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The derived figures from hand-made measurements, against hand-computed values. */
class CellDerivedTest {
    private static final Percentiles E2E_SUBMIT_MEAN_200MS = new Percentiles(10, 190, 250, 260, 300, 300, 200);

    private static CellMeasurement measured(double offeredRate, SteadyState steady, Batch batch) {
        return new CellMeasurement(3.0, offeredRate, new Outcomes(10, 10, 0, Map.of(), 0, 0), new Tokens(1000, 5000, 0, 0, 0),
                Map.of(Metric.E2E_SUBMIT, E2E_SUBMIT_MEAN_200MS), Map.of(), null, steady, batch, 120.0, 10, Map.of(), List.of());
    }

    @Test
    void ratesComeFromTheSteadyWindowAndTheBatchFromItsOwnWall() {
        CellMeasurement m = measured(Double.NaN, new SteadyState(2.0, 8, 800, 40.0, 0.2), new Batch(10, 2.5, 1000));
        CellDerived d = CellDerived.of(m, 4, 0.5);

        assertThat(d.outputTokPerSec()).isCloseTo(400, within(1e-9));      // 800 tokens / 2 s
        assertThat(d.requestsPerSec()).isCloseTo(4, within(1e-9));         // 8 / 2 s
        assertThat(d.batchOutputTokPerSec()).isCloseTo(400, within(1e-9)); // 1000 / 2.5 s
        assertThat(d.cpuMsPer1kTokens()).isCloseTo(50, within(1e-9));      // 40 ms / 0.8k tokens
        assertThat(d.cpuPhaseMsPer1kTokens()).isCloseTo(120, within(1e-9)); // 120 ms / 1k tokens
        assertThat(d.costUsd()).isEqualTo(0.5);
    }

    @Test
    void littlesLawIsConcurrencyTimesMeanTokensOverMeanE2eFromSubmitOfTheWindowsCompletions() {
        CellDerived d = CellDerived.of(measured(Double.NaN, new SteadyState(2.0, 8, 800, 40.0, 0.2), Batch.NONE), 4, null);

        assertThat(d.littleOutputTokPerSec()).isCloseTo(2000, within(1e-9)); // 4 x (800 / 8) / 0.2 s
        assertThat(d.littleRatio()).isCloseTo(0.2, within(1e-9));            // 400 / 2000
        assertThat(d.batchOutputTokPerSec()).isNaN();
    }

    @Test
    void openLoopHasNoLittleCheckAndNoWindowMeansNoHeadline() {
        CellDerived open = CellDerived.of(measured(5.0, new SteadyState(2.0, 8, 800, Double.NaN, 0.2), Batch.NONE), 4, null);
        assertThat(open.littleOutputTokPerSec()).isNaN();
        assertThat(open.littleRatio()).isNaN();
        assertThat(open.cpuMsPer1kTokens()).isNaN();

        CellDerived none = CellDerived.of(measured(Double.NaN, SteadyState.empty(), Batch.NONE), 4, null);
        assertThat(none.outputTokPerSec()).isNaN();
        assertThat(none.requestsPerSec()).isNaN();
        assertThat(none.littleRatio()).isNaN();
    }
}
