package dev.llmbench.bench.load;

import dev.llmbench.bench.model.CellDerived;
import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Slo;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.path.RefClientOptions;
import dev.llmbench.bench.path.RefClientPath;
import dev.llmbench.bench.path.SessionSpec;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.client.Provider;
import dev.llmbench.client.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timed cells, open-loop rates, saturation stops and SLO attainment against {@link ExactServer}'s written schedule:
 * what each figure must be follows from the schedule, not from the simulator.
 */
class LoadShapeTest {
    @TempDir
    Path dir;

    private final RequestFactory requests = (i, warmup) -> Prompts.request("gpt-4.1-nano", null, i, 64);

    private CellMeasurement run(ExactServer server, LoadPlan plan) throws Exception {
        Endpoint e = new Endpoint("openai", Provider.OPENAI, "gpt-4.1-nano", server.baseUrl(), "sk-exact-test", null, null, false, null);
        try (PathSession session = new RefClientPath(RefClientOptions.RAW).open(
                new SessionSpec(e, TransportKind.OKHTTP_H1, plan.concurrency(), false, null))) {
            return new LoadDriver(Progress.NONE, 120).run(session, requests, plan, dir.resolve("c.hlog"));
        }
    }

    private static LoadPlan plan(int n, int concurrency, Double rate, long durationNanos, Slo slo, boolean stopSaturated) {
        return new LoadPlan(n, 0, concurrency, rate, 7, durationNanos, slo, stopSaturated);
    }

    @Test
    void aTimedClosedLoopDispatchesForItsDurationAndLetsTheLastWaveFinish() throws Exception {
        ExactServer.Schedule s = ExactServer.Schedule.of(30, 5, 0, List.of(4, 12));
        int c = 8;
        long duration = TimeUnit.MILLISECONDS.toNanos(1500);
        try (ExactServer server = new ExactServer(s)) {
            CellMeasurement m = run(server, plan(0, c, null, duration, null, false));

            double expected = c * 1.5 / (s.meanE2eMs() / 1000); // requests the schedule serves at c in 1.5 s
            assertThat((double) m.outcomes().sent()).as("sent vs %s", expected).isBetween(0.6 * expected, 1.05 * expected);
            assertThat(m.outcomes().ok()).as("every dispatched request finished and counts").isEqualTo(m.outcomes().sent());
            assertThat(m.wallSeconds()).as("dispatch for 1.5 s, then the last wave").isBetween(1.5, 1.5 + 3 * s.e2eMs(12) / 1000);
            assertThat(m.steady().completions()).as("window n-2c").isEqualTo(m.outcomes().sent() - 2 * c);
            CellDerived d = CellDerived.of(m, c, null);
            assertThat(d.requestsPerSec() / (c / s.meanE2eMs() * 1000)).isBetween(0.8, 1.05);
            assertThat(d.achievedRate()).as("no failures: achieved = ok rate").isEqualTo(d.requestsPerSec());
        }
    }

    @Test
    void sloAttainmentCountsTheRequestsWhoseScheduleMeetsIt() throws Exception {
        // alternate 4 and 36 tokens, 5 ms apart after 20 ms: E2E 35 ms or 195 ms; TPOT 5 ms for both
        ExactServer.Schedule s = ExactServer.Schedule.of(20, 5, 0, List.of(4, 36));
        try (ExactServer server = new ExactServer(s)) {
            CellMeasurement m = run(server, plan(20, 1, null, 0, Slo.parse("e2e<=110ms"), false));
            assertThat(m.outcomes().ok()).isEqualTo(20);
            assertThat(m.sloMet()).as("the 10 short answers").isEqualTo(10);
            assertThat(m.sloAttainment()).isEqualTo(0.5);
            CellDerived d = CellDerived.of(m, 1, null);
            assertThat(d.sloAttainment()).isEqualTo(0.5);
            assertThat(d.goodputReqPerSec()).as("half the window's rate").isCloseTo(d.achievedRate() * m.steady().sloMet() / m.steady().allCompletions(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(m.steady().sloMet()).isBetween(m.steady().allCompletions() / 2 - 1, m.steady().allCompletions() / 2 + 1);
        }
        try (ExactServer server = new ExactServer(s)) {
            assertThat(run(server, plan(10, 1, null, 0, Slo.parse("tpot<=2ms"), false)).sloMet()).as("5 ms gaps miss 2 ms").isZero();
        }
        try (ExactServer server = new ExactServer(s)) {
            assertThat(run(server, plan(10, 1, null, 0, Slo.parse("tpot<=20ms,ttft<=2s"), false)).sloMet()).isEqualTo(10);
        }
    }

    @Test
    void aFailedRequestMissesTheSlo() throws Exception {
        ExactServer.Schedule s = new ExactServer.Schedule(20, 2, 0, List.of(4), 1, 0); // the first arrival gets a 429
        try (ExactServer server = new ExactServer(s)) {
            CellMeasurement m = run(server, plan(10, 1, null, 0, Slo.parse("e2e<=5s"), false));
            assertThat(m.outcomes().errorCount()).isEqualTo(1);
            assertThat(m.sloMet()).isEqualTo(9);
            assertThat(m.sloAttainment()).isEqualTo(0.9);
        }
    }

    @Test
    void anOpenLoopWithRoomAchievesTheOfferedRate() throws Exception {
        ExactServer.Schedule s = ExactServer.Schedule.of(20, 2, 0, List.of(6)); // 30 ms each: 40/s needs ~1.2 in flight
        double rate = 40;
        try (ExactServer server = new ExactServer(s)) {
            CellMeasurement m = run(server, plan(160, 64, rate, 0, null, true));
            CellDerived d = CellDerived.of(m, 64, null);
            assertThat(m.stoppedEarly()).isNull();
            assertThat(m.outcomes().ok()).isEqualTo(160);
            // Poisson arrivals: the window's count has a relative spread of 1/sqrt(count); allow four of it
            double tolerance = 4 / Math.sqrt(m.steady().allCompletions());
            assertThat(d.achievedRate() / rate).as("achieved %s of %s/s", d.achievedRate(), rate).isBetween(1 - tolerance, 1 + tolerance);
            assertThat(m.latency(Metric.DISPATCH_LAG).count()).isEqualTo(160);
            assertThat(m.latency(Metric.TTFT_SUBMIT).p50()).as("from the intended start: about the schedule's TTFT").isLessThan(20 + 30);
        }
    }

    @Test
    void anOverSaturatedPointStopsEarlyAndSaysWhy() throws Exception {
        // two in flight of 45 ms each serve ~44/s; 200/s offered piles up behind the cap without bound
        ExactServer.Schedule s = ExactServer.Schedule.of(30, 5, 0, List.of(4));
        try (ExactServer server = new ExactServer(s)) {
            CellMeasurement m = run(server, plan(2000, 2, 200.0, 0, Slo.parse("ttft<=1s"), true));
            assertThat(m.stoppedEarly()).contains("over-saturated");
            assertThat(m.outcomes().sent()).as("stopped well before its 2000 requests").isLessThan(1000);
            assertThat(m.wallSeconds()).as("its plan was 10 s").isLessThan(8);
            // what was stopped in flight is counted, not lost
            assertThat(m.outcomes().ok() + m.outcomes().cancelled() + m.outcomes().errorCount()).isEqualTo(m.outcomes().sent());
        }
    }

    @Test
    void withoutTheStopAnOverSaturatedPointRunsItsLength() throws Exception {
        ExactServer.Schedule s = ExactServer.Schedule.of(30, 5, 0, List.of(4));
        try (ExactServer server = new ExactServer(s)) {
            CellMeasurement m = run(server, plan(60, 2, 200.0, 0, null, false));
            assertThat(m.stoppedEarly()).isNull();
            assertThat(m.outcomes().ok()).isEqualTo(60);
            assertThat(m.latency(Metric.DISPATCH_LAG).max()).as("the cap held arrivals back").isGreaterThan(100);
        }
    }
}
