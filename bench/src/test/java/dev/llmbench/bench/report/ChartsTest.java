package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.SweepResult;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import java.util.List;
import java.util.Optional;

import static dev.llmbench.bench.report.Fixtures.cell;
import static dev.llmbench.bench.report.Fixtures.sweep;
import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {
    private static SweepResult closed(int... concurrencies) {
        return sweep("concurrency", java.util.Arrays.stream(concurrencies).mapToObj(c -> cell("openai", "okhttp-h2", c).build()).toList());
    }

    private static SweepResult rates() {
        List<CellResult> cells = List.of(
                cell("openai", "okhttp-h2", 1).variant("sync").build(),
                cell("openai", "okhttp-h2", 256).variant("rate=2").rate(2, 2.1).slo(1.0, 2.1).build(),
                cell("openai", "okhttp-h2", 256).variant("rate=8").rate(8, 7.5).slo(0.6, 4.5).build());
        return sweep("rate", cells);
    }

    @Test
    void powersOfTwoGetALog2AxisOtherConcurrenciesALinearOne() {
        assertThat(Charts.log2(closed(8, 16, 32, 64))).isTrue();
        assertThat(Charts.log2(closed(1, 2, 4))).isTrue();
        assertThat(Charts.log2(closed(8, 16))).as("two points: nothing to spread").isFalse();
        assertThat(Charts.log2(closed(8, 12, 16))).isFalse();
        XYChart log = Charts.throughput(closed(8, 16, 32, 64)).orElseThrow();
        XYSeries s = log.getSeriesMap().values().iterator().next();
        assertThat(s.getXData()).containsExactly(3.0, 4.0, 5.0, 6.0);
        XYSeries linear = Charts.throughput(closed(8, 12, 16)).orElseThrow().getSeriesMap().values().iterator().next();
        assertThat(linear.getXData()).containsExactly(8.0, 12.0, 16.0);
    }

    @Test
    void legendsSitOutsideThePlot() {
        for (Optional<XYChart> c : List.of(Charts.throughput(closed(8, 16)), Charts.ttft(closed(8, 16)), Charts.latencyVsRate(rates()),
                Charts.goodput(rates()))) {
            assertThat(c).isPresent();
            assertThat(c.get().getStyler().getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideS);
        }
    }

    @Test
    void openLoopCellsAreChartedAgainstTheAchievedRateNotTheirCap() {
        XYChart latency = Charts.latencyVsRate(rates()).orElseThrow();
        assertThat(latency.getSeriesMap()).hasSize(4); // TTFT and E2E, p50 and p95
        for (XYSeries s : latency.getSeriesMap().values()) assertThat(s.getXData()).containsExactly(2.1, 7.5);
        XYSeries goodput = Charts.goodput(rates()).orElseThrow().getSeriesMap().values().iterator().next();
        assertThat(goodput.getXData()).containsExactly(2.1, 7.5);
        assertThat(goodput.getYData()).containsExactly(2.1, 4.5);
        // the concurrency charts keep only the closed-loop probe
        XYSeries tput = Charts.throughput(rates()).orElseThrow().getSeriesMap().values().iterator().next();
        assertThat(tput.getXData()).containsExactly(1.0);
        assertThat(Charts.latencyVsRate(closed(8, 16))).isEmpty();
        assertThat(Charts.goodput(closed(8, 16))).as("no SLO, no goodput").isEmpty();
    }

    @Test
    void aClosedLoopSweepWithAnSloChartsGoodputAgainstConcurrency() {
        SweepResult s = sweep("concurrency", List.of(cell("openai", "okhttp-h2", 8).slo(1.0, 6.0).build(),
                cell("openai", "okhttp-h2", 16).slo(0.9, 10.0).build(), cell("openai", "okhttp-h2", 32).slo(0.5, 7.0).build()));
        XYSeries goodput = Charts.goodput(s).orElseThrow().getSeriesMap().values().iterator().next();
        assertThat(goodput.getXData()).as("log2 of 8, 16, 32").containsExactly(3.0, 4.0, 5.0);
        assertThat(goodput.getYData()).containsExactly(6.0, 10.0, 7.0);
    }
}
