package dev.llmbench.bench.load;

import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.model.Tokens;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Outcomes;
import dev.llmbench.bench.model.Percentiles;
import dev.llmbench.bench.model.SweepResult;
import dev.llmbench.bench.report.JsonReport;
import dev.llmbench.bench.report.CsvReport;
import dev.llmbench.client.LlmException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures as infinite latency in the adjusted percentiles, and accounting that refuses not to balance. */
class AdjustedPercentilesTest {
    @TempDir
    Path dir;

    @Test
    void failuresSortAfterEveryOkSampleAsInfinitelySlow() {
        Histogram ok = new Histogram(3);
        for (long v = 1; v <= 8; v++) ok.recordValue(v * 100_000); // 100 ms ... 800 ms
        Percentiles p = CellRecorder.adjusted(ok, 2); // 10 requests: 8 ok, 2 failed

        assertThat(p.count()).isEqualTo(10);
        assertThat(p.p50()).isBetween(499.0, 501.0); // rank 5 of 10
        assertThat(p.p90()).isInfinite(); // rank 9 is a failure
        assertThat(p.max()).isInfinite();
        assertThat(CellRecorder.adjusted(ok, 0).p90()).isEqualTo(CellRecorder.summarise(ok).p90()); // no failures: the same
        assertThat(CellRecorder.adjusted(new Histogram(3), 3).p50()).isInfinite(); // nothing ok
    }

    @Test
    void theDriverReportsAdjustedPercentilesAndTimeToErrorOfEveryFailure() throws Exception {
        Throwable[] rotation = {null, null, null, new LlmException.Timeout(LlmException.Timeout.Phase.IDLE, Duration.ofSeconds(1))};
        try (FakeSession session = new FakeSession(2, n -> rotation[n % rotation.length])) {
            CellMeasurement m = new LoadDriver(Progress.NONE, 60).run(session, (i, w) -> Prompts.request("m", null, i, 8),
                    new LoadPlan(20, 0, 2, null, 1), dir.resolve("c.hlog"));

            assertThat(m.latency().get(Metric.ERROR).count()).isEqualTo(5);
            assertThat(m.adjusted().get(Metric.E2E).count()).isEqualTo(20);
            assertThat(m.adjusted().get(Metric.E2E).p50()).isFinite();
            assertThat(m.adjusted().get(Metric.E2E).p90()).isInfinite(); // 25 % failed: the top quarter is failures
            assertThat(m.latency().get(Metric.E2E).p90()).isFinite(); // the ok-only figure flatters the cell
        }
    }

    @Test
    void infiniteAdjustedPercentilesSurviveJsonAndReadAsInfInTheCsv() throws Exception {
        Percentiles inf = new Percentiles(10, 500, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        CellMeasurement m = new CellMeasurement(1, Double.NaN, new Outcomes(10, 8, 0, Map.of("TIMEOUT", 2L), 0, 0),
                new Tokens(10, 10, 0, 0, 0), Map.of(), Map.of(Metric.E2E, inf), null, null, null, Double.NaN, -1, Map.of(), List.of());
        CellResult c = CellResult.of(new CellKey("openai", "ref", "okhttp-h2", 2, "", 0), m, null, null, null);
        SweepResult r = new SweepResult("concurrency", "t", Map.of(), true, List.of(c));
        Path json = dir.resolve("results.json");
        Files.writeString(json, JsonReport.render(r));

        CellResult back = JsonReport.read(json).cells().get(0);
        assertThat(back.measured().adjusted(Metric.E2E).p90()).isInfinite();
        assertThat(back.measured().adjusted(Metric.E2E).p50()).isEqualTo(500);
        assertThat(CsvReport.render(r)).contains(",500,inf,inf,inf,");
    }

    @Test
    void accountingThatDoesNotBalanceFailsLoudly() {
        assertThatThrownBy(() -> new Outcomes(10, 7, 0, Map.of("TIMEOUT", 2L), 0, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not balance").hasMessageContaining("sent=10");
    }
}
