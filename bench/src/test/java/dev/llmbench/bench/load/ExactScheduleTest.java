package dev.llmbench.bench.load;

import dev.llmbench.bench.model.CellDerived;
import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.model.Metric;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures' definitions against {@link ExactServer}, whose schedule is written here and shares no code with the
 * simulator: the reference client over plain HTTP/1.1 on loopback, driven by {@link LoadDriver}. Tolerances are
 * wide enough for a shared machine and narrow enough that the old definitions (TPOT to the end of the stream, latency
 * from the last attempt's send only) fall outside them.
 */
class ExactScheduleTest {
    @TempDir
    Path dir;

    private final RequestFactory requests = (i, warmup) -> Prompts.request("gpt-4.1-nano", null, i, 64);

    private CellMeasurement run(ExactServer server, RefClientOptions options, int concurrency, int n, int warmup) throws Exception {
        Endpoint e = new Endpoint("openai", Provider.OPENAI, "gpt-4.1-nano", server.baseUrl(), "sk-exact-test", null, null, false, null);
        try (PathSession session = new RefClientPath(options).open(new SessionSpec(e, TransportKind.OKHTTP_H1, concurrency, false, null))) {
            return new LoadDriver(Progress.NONE, 120).run(session, requests, new LoadPlan(n, warmup, concurrency, null, 1), dir.resolve("c.hlog"));
        }
    }

    @Test
    void tpotRunsFromTheFirstToTheLastTokenAndTheTailIsItsOwnFigure() throws Exception {
        ExactServer.Schedule s = ExactServer.Schedule.of(20, 10, 150, List.of(12));
        try (ExactServer server = new ExactServer(s)) {
            CellMeasurement m = run(server, RefClientOptions.RAW, 2, 6, 1);

            assertThat(m.outcomes().ok()).isEqualTo(6);
            double tpot = m.latency().get(Metric.TPOT).p50();
            // to the end of the stream it would read (11 x 10 + 150) / 11 = 23.6 ms
            assertThat(tpot / s.gapMs()).as("TPOT p50 %s ms vs the true gap %s ms", tpot, s.gapMs()).isBetween(0.9, 1.4);
            assertThat(m.latency().get(Metric.TAIL).p50()).isBetween(0.95 * s.tailMs(), 2.0 * s.tailMs());
            assertThat(m.latency().get(Metric.ITL).p50()).isBetween(0.9 * s.gapMs(), 1.4 * s.gapMs());
            assertThat(m.latency().get(Metric.E2E).p50()).isGreaterThanOrEqualTo(s.e2eMs(12));
        }
    }

    @Test
    void aRetryAfterWaitIsQueueTimeFromSubmitNotHiddenBehindTheLastSend() throws Exception {
        ExactServer.Schedule s = new ExactServer.Schedule(30, 2, 0, List.of(8), 1, 1);
        try (ExactServer server = new ExactServer(s)) {
            CellMeasurement m = run(server, RefClientOptions.raw(1), 1, 1, 0);

            assertThat(m.outcomes().ok()).isEqualTo(1);
            assertThat(m.outcomes().retries()).isEqualTo(1);
            assertThat(server.arrivals()).isEqualTo(2);
            assertThat(m.latency().get(Metric.QUEUE).p50()).as("retry-after: 1 is waited inside the client").isGreaterThanOrEqualTo(1000);
            assertThat(m.latency().get(Metric.TTFT_SUBMIT).p50()).isGreaterThanOrEqualTo(1000 + s.ttftMs());
            assertThat(m.latency().get(Metric.TTFT).p50()).as("from the last send").isBetween((double) s.ttftMs(), 900.0);
            assertThat(m.latency().get(Metric.E2E_SUBMIT).p50()).isGreaterThan(m.latency().get(Metric.E2E).p50() + 900);
        }
    }

    @Test
    void aClientWindowSmallerThanTheOfferedLoadShowsAsQueueTime() throws Exception {
        ExactServer.Schedule s = ExactServer.Schedule.of(40, 2, 0, List.of(6));
        try (ExactServer server = new ExactServer(s)) {
            // the driver offers 4 at a time, the client's fixed window lets 1 through
            RefClientOptions oneAtATime = RefClientOptions.RAW.with(RefClientOptions.Limit.FIXED, 1, 1);
            CellMeasurement m = run(server, oneAtATime, 4, 8, 0);

            assertThat(m.outcomes().ok()).isEqualTo(8);
            double service = s.e2eMs(6);
            // request k of a wave of 4 waits k services: the last of each wave about 3 x service
            assertThat(m.latency().get(Metric.QUEUE).max()).isGreaterThan(2.5 * service);
            assertThat(m.latency().get(Metric.E2E).max()).as("from the send each request is one service").isLessThan(2.0 * service);
            assertThat(m.latency().get(Metric.E2E_SUBMIT).max()).isGreaterThan(3.0 * service);
        }
    }

    @Test
    void theHeadlineRateIsTheSteadyStateRateOfMixedLengths() throws Exception {
        // four lengths, 45 to 205 ms each: one wave would be set by its slowest request
        ExactServer.Schedule s = ExactServer.Schedule.of(30, 5, 0, List.of(4, 12, 20, 36));
        int c = 16;
        try (ExactServer server = new ExactServer(s)) {
            CellMeasurement m = run(server, RefClientOptions.RAW, c, 10 * c, c);
            CellDerived d = CellDerived.of(m, c, null);

            assertThat(m.outcomes().ok()).isEqualTo(10 * c);
            assertThat(m.steady().completions()).as("completions c+1 .. n-c").isEqualTo(10 * c - 2 * c);
            double truth = c * s.meanTokens() / s.meanE2eMs() * 1000; // tokens/s the schedule allows at c in flight
            // the client and loopback add a little to every request, so the measured rate may sit a few % under the truth
            assertThat(d.outputTokPerSec() / truth).as("steady %s tok/s vs %s", d.outputTokPerSec(), truth).isBetween(0.88, 1.04);
            assertThat(d.requestsPerSec() / (c / s.meanE2eMs() * 1000)).isBetween(0.88, 1.04);
            // Little's law from the same cell's own latencies agrees with the window
            assertThat(d.littleRatio()).as("rate / Little").isBetween(0.95, 1.05);
            // the lessons' batch figure (first 64 requests over their wall) is its own column and never above the steady rate by much
            assertThat(m.batch().requests()).isEqualTo(64);
            assertThat(d.batchOutputTokPerSec()).isPositive().isLessThan(1.05 * d.outputTokPerSec());
            // CPU in the window is a part of the phase's
            assertThat(m.steady().cpuMillis()).isPositive().isLessThanOrEqualTo(m.cpuMillis());
        }
    }

    @Test
    void aCellOfOneWaveHasNoSteadyStateAndSaysSo() throws Exception {
        ExactServer.Schedule s = ExactServer.Schedule.of(10, 2, 0, List.of(4, 16));
        try (ExactServer server = new ExactServer(s)) {
            CellMeasurement m = run(server, RefClientOptions.RAW, 8, 8, 0);
            CellDerived d = CellDerived.of(m, 8, null);

            assertThat(m.outcomes().ok()).isEqualTo(8);
            assertThat(m.steady().present()).isFalse();
            assertThat(d.outputTokPerSec()).as("no window held the load: no headline rate").isNaN();
            assertThat(d.batchOutputTokPerSec()).as("the batch figure is still there").isPositive();
            assertThat(m.batch().requests()).isEqualTo(8);
        }
    }

    @Test
    void anAimdWindowsWaitIsCountedFromSubmit() throws Exception {
        ExactServer.Schedule s = ExactServer.Schedule.of(40, 2, 0, List.of(6));
        int c = 16;
        try (ExactServer server = new ExactServer(s)) {
            // an AIMD window of at most 4 (its floor) under 16 offered: three of every four requests wait inside the client
            RefClientOptions aimd = RefClientOptions.RAW.with(RefClientOptions.Limit.AIMD, 4, 1);
            CellMeasurement m = run(server, aimd, c, 4 * c, c);

            double service = s.e2eMs(6);
            assertThat(m.outcomes().ok()).isEqualTo(4 * c);
            // at 4 in flight a request is served in about one service: the rest of its time from submit is the window's
            assertThat(m.latency().get(Metric.QUEUE).p50()).as("waited for the window").isGreaterThan(1.5 * service);
            assertThat(m.latency().get(Metric.E2E).p50()).as("from the send each request is about one service").isLessThan(1.5 * service);
            assertThat(m.latency().get(Metric.E2E_SUBMIT).p50()).isGreaterThan(2.5 * service);
            // Little's law holds with the caller's time (16 in flight from the driver's side), not with the send's
            CellDerived d = CellDerived.of(m, c, null);
            assertThat(d.littleRatio()).isBetween(0.9, 1.1);
        }
    }
}
