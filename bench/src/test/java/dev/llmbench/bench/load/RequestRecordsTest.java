package dev.llmbench.bench.load;

import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Percentiles;
import dev.llmbench.bench.model.RequestRecord;
import dev.llmbench.bench.model.RequestRecord.Outcome;
import dev.llmbench.bench.path.ClientPath;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.path.RefClientOptions;
import dev.llmbench.bench.path.RefClientPath;
import dev.llmbench.bench.path.SessionSpec;
import dev.llmbench.bench.report.RequestsJsonl;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.client.Provider;
import dev.llmbench.client.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-request records against {@link ExactServer} (a schedule written down here, which also keeps every request's
 * {@code x-request-id}): one record a request, warm-up flagged, ids unique and received by the server, times in
 * order, and the cell's aggregates recomputed from its records.
 */
class RequestRecordsTest {
    @TempDir
    Path dir;

    private final RequestFactory requests = (i, warmup) -> Prompts.request("gpt-4.1-nano", null, i, 64);

    private record Cell(CellMeasurement m, List<RequestRecord> records) {
        List<RequestRecord> measured() { return records.stream().filter(r -> !r.warmup()).toList(); }

        List<RequestRecord> measuredOk() { return measured().stream().filter(r -> r.outcome() == Outcome.OK).toList(); }
    }

    private Cell run(ExactServer server, ClientPath path, LoadPlan plan) throws Exception {
        Endpoint e = new Endpoint("openai", Provider.OPENAI, "gpt-4.1-nano", server.baseUrl(), "sk-exact-test", null, null, false, null);
        Path hlog = dir.resolve(path.id() + ".hlog");
        try (PathSession session = path.open(new SessionSpec(e, TransportKind.OKHTTP_H1, plan.concurrency(), false, null))) {
            CellMeasurement m = new LoadDriver(Progress.NONE, 120).run(session, requests, plan, hlog);
            return new Cell(m, RequestsJsonl.read(dir.resolve(path.id() + RequestsJsonl.SUFFIX)));
        }
    }

    @Test
    void everyRequestHasOneRecordWithItsIdSentAsXRequestIdAndItsTimesInOrder() throws Exception {
        ExactServer.Schedule s = ExactServer.Schedule.of(15, 3, 5, List.of(3, 7));
        try (ExactServer server = new ExactServer(s)) {
            // open loop (so the measured requests have an intended start) after a closed-loop warm-up of 3
            Cell c = run(server, new RefClientPath(RefClientOptions.RAW), new LoadPlan(12, 3, 2, 40.0, 5));

            assertThat(c.records()).hasSize(3 + 12);
            assertThat(c.records()).filteredOn(RequestRecord::warmup).extracting(RequestRecord::index).containsExactlyInAnyOrder(0, 1, 2);
            assertThat(c.measured()).extracting(RequestRecord::index).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            assertThat(c.records()).allSatisfy(r -> assertThat(r.requestId()).isEqualTo("ref:" + (r.warmup() ? "w" : "m") + r.index()));
            List<String> ids = c.records().stream().map(RequestRecord::requestId).toList();
            assertThat(new HashSet<>(ids)).hasSize(ids.size());
            assertThat(server.requestIds()).as("each id reached the server once, as x-request-id").containsExactlyInAnyOrderElementsOf(ids);

            assertThat(c.records()).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.OK);
                if (r.warmup()) assertThat(r.intendedNanos()).as("closed loop: no schedule").isZero();
                else assertThat(r.intendedNanos()).isNotZero().isEqualTo(r.submitNanos());
                assertThat(new long[] {r.submitNanos(), r.sendNanos(), r.headersNanos(), r.firstTokenNanos(), r.lastTokenNanos(),
                        r.endNanos(), r.doneNanos()}).as(r.requestId()).doesNotContain(0L).isSorted();
                assertThat(r.outputTokens()).isIn(3L, 7L);
                assertThat(r.inputTokens()).isEqualTo(10);
                assertThat(r.usageEstimated()).isFalse();
                assertThat(r.ttftMs()).isGreaterThanOrEqualTo(s.ttftMs());
                assertThat(r.e2eMs()).isGreaterThanOrEqualTo(s.e2eMs((int) r.outputTokens()));
            });
            // the token gaps as the schedule wrote them; not for the warm-up, whose first request on a cold JVM can read
            // its events in one batch when the machine is loaded
            assertThat(c.measured()).allSatisfy(r -> assertThat(r.tpotMs()).as(r.requestId()).isBetween(0.9 * s.gapMs(), 4.0 * s.gapMs()));
            // the server alternates 3 and 7 tokens in arrival order: both lengths, summing to the cell's tokens
            assertThat(c.records()).extracting(RequestRecord::outputTokens).contains(3L, 7L);
            assertThat(c.measured().stream().mapToLong(RequestRecord::outputTokens).sum()).isEqualTo(c.m().tokens().output());
            assertThat(c.records().stream().mapToLong(RequestRecord::outputTokens).sum())
                    .isEqualTo(Math.floorDiv(15, 2) * (3 + 7) + 3); // 15 arrivals: 8 of 3 tokens, 7 of 7
        }
    }

    @Test
    void theCellsAggregatesAreRecomputedFromItsRecords() throws Exception {
        ExactServer.Schedule s = ExactServer.Schedule.of(15, 3, 5, List.of(3, 6, 9));
        try (ExactServer server = new ExactServer(s)) {
            Cell c = run(server, new RefClientPath(RefClientOptions.RAW), new LoadPlan(24, 4, 4, null, 1));
            List<RequestRecord> ok = c.measuredOk();

            assertThat(c.measured()).hasSize((int) c.m().outcomes().sent());
            assertThat(ok).hasSize((int) c.m().outcomes().ok()).hasSize(24);
            assertThat(ok.stream().mapToLong(RequestRecord::outputTokens).sum()).isEqualTo(c.m().tokens().output());
            assertThat(ok.stream().mapToLong(RequestRecord::inputTokens).sum()).isEqualTo(c.m().tokens().input());
            assertAgrees(c, Metric.TTFT, RequestRecord::ttftMs);
            assertAgrees(c, Metric.TPOT, RequestRecord::tpotMs);
            assertAgrees(c, Metric.E2E, RequestRecord::e2eMs);
            assertAgrees(c, Metric.TTFB, RequestRecord::ttfbMs);
            assertAgrees(c, Metric.QUEUE, RequestRecord::queueMs);
            assertAgrees(c, Metric.TTFT_SUBMIT, RequestRecord::ttftSubmitMs);
            assertAgrees(c, Metric.E2E_SUBMIT, RequestRecord::e2eSubmitMs);
        }
    }

    @Test
    void aRateLimitedRequestIsAnErrorOfItsClassWithTheTimesItHas() throws Exception {
        // the first two arrivals get a 429; the raw client does not retry
        ExactServer.Schedule s = new ExactServer.Schedule(10, 2, 0, List.of(4), 2, 0);
        try (ExactServer server = new ExactServer(s)) {
            Cell c = run(server, new RefClientPath(RefClientOptions.RAW), new LoadPlan(5, 0, 1, null, 1));

            assertThat(c.m().outcomes().count("RATE_LIMITED")).isEqualTo(2);
            List<RequestRecord> errors = c.measured().stream().filter(r -> r.outcome() == Outcome.ERROR).toList();
            assertThat(errors).extracting(RequestRecord::index).containsExactlyInAnyOrder(0, 1); // one at a time: the first two
            assertThat(errors).allSatisfy(r -> {
                assertThat(r.errorClass()).isEqualTo("RATE_LIMITED");
                assertThat(r.submitNanos()).isNotZero();
                assertThat(r.doneNanos()).isGreaterThanOrEqualTo(r.submitNanos());
                assertThat(r.sendNanos()).as("not exposed for a failure").isZero();
                assertThat(r.firstTokenNanos()).isZero();
                assertThat(r.outputTokens()).isZero();
                assertThat(r.errorMs()).isEqualTo((r.doneNanos() - r.submitNanos()) / 1e6);
                assertThat(r.ttftMs()).isNaN();
            });
            assertThat(server.requestIds().subList(0, 2)).containsExactlyInAnyOrderElementsOf(
                    errors.stream().map(RequestRecord::requestId).toList());
            assertThat(c.measuredOk()).hasSize(3);
            assertAgrees(c, Metric.ERROR, RequestRecord::errorMs, errors);
        }
    }

    private static void assertAgrees(Cell c, Metric metric, ToDoubleFunction<RequestRecord> figure) {
        assertAgrees(c, metric, figure, c.measuredOk());
    }

    /**
     * The cell's {@code metric} has one sample per record that has the figure, and its p50 and max are those of the
     * records' figures within one bucket of the histogram (µs, 3 significant digits: the bucket's highest value is
     * reported, at most ~1/1000 above; plus the µs truncation).
     */
    private static void assertAgrees(Cell c, Metric metric, ToDoubleFunction<RequestRecord> figure, List<RequestRecord> records) {
        double[] v = records.stream().mapToDouble(figure).filter(x -> !Double.isNaN(x)).sorted().toArray();
        Percentiles p = c.m().latency(metric);
        assertThat(p.count()).as(metric + " samples").isEqualTo(v.length).isPositive();
        double p50 = v[(int) Math.max(1, Math.round(0.5 * v.length)) - 1];
        double max = v[v.length - 1];
        assertThat(p.p50()).as(metric + " p50 vs the records' " + Arrays.toString(v)).isBetween(p50 - 0.001, p50 * 1.001 + 0.001);
        assertThat(p.max()).as(metric + " max").isBetween(max - 0.001, max * 1.001 + 0.001);
    }
}
