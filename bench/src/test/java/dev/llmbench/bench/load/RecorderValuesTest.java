package dev.llmbench.bench.load;

import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Outcomes;
import dev.llmbench.bench.model.Percentiles;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import dev.llmbench.bench.path.CallTiming;
import dev.llmbench.client.Usage;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;

import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The recorders behind every latency figure and the accounting, from hand-made durations: nanoseconds in,
 * microsecond histograms, millisecond percentiles out; failures as infinite latency; the request tally.
 */
class RecorderValuesTest {
    @TempDir
    Path dir;

    @Test
    void durationsAreRecordedInMicrosecondsAndSummarisedInMilliseconds() throws IOException {
        CellRecorder r = new CellRecorder();
        for (long ms : new long[] {10, 20, 30, 40}) r.record(Metric.TTFT, ms * 1_000_000);
        r.record(Metric.TTFT, -1); // a moment that never happened
        r.record(Metric.ITL, 0);   // a zero gap is a value
        r.recordOverhead(OverheadKind.TTFT, 2_500_000);
        r.recordOverhead(OverheadKind.TTFT, -3_000); // clock granularity: clamped at 0
        CellRecorder.Summary s = r.finish(dir.resolve("c.hlog"), 1_000, 3_000, 0);

        Percentiles ttft = s.latency().get(Metric.TTFT);
        assertThat(ttft.count()).isEqualTo(4);
        assertThat(ttft.p50()).isCloseTo(20.0, within(0.02));
        assertThat(ttft.p99()).isCloseTo(40.0, within(0.04));
        assertThat(ttft.max()).isCloseTo(40.0, within(0.04));
        assertThat(ttft.mean()).isCloseTo(25.0, within(0.03));
        assertThat(s.latency().get(Metric.ITL).count()).isEqualTo(1);
        assertThat(s.latency().get(Metric.ITL).max()).isZero();
        assertThat(s.latency()).doesNotContainKey(Metric.E2E);
        assertThat(s.overheadTtft().count()).isEqualTo(2);
        assertThat(s.overheadTtft().max()).isCloseTo(2.5, within(0.003));
        assertThat(s.overheadTtft().p50()).isZero();
        assertThat(s.adjusted().get(Metric.TTFT)).as("no failures: the plain percentiles").isEqualTo(ttft);
        assertThat(s.adjusted()).doesNotContainKey(Metric.E2E);
    }

    @Test
    void theHlogHoldsOneTaggedIntervalPerMetricOverTheCell() throws IOException {
        CellRecorder r = new CellRecorder();
        r.record(Metric.E2E, 5_000_000);
        r.record(Metric.E2E, 7_000_000);
        r.recordOverhead(OverheadKind.TTFT, 1_000_000);
        Path hlog = dir.resolve("cell.hlog");
        r.finish(hlog, 1_700_000_000_000L, 1_700_000_004_000L, 0);

        Map<String, Histogram> byTag = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        Histogram h;
        while ((h = (Histogram) reader.nextIntervalHistogram()) != null) byTag.put(h.getTag(), h);
        assertThat(reader.getStartTimeSec()).isEqualTo(1_700_000_000.0);
        assertThat(byTag.keySet()).contains("E2E", "TTFT", OverheadKind.TTFT.tag()).hasSize(Metric.values().length + OverheadKind.values().length);
        Histogram e2e = byTag.get("E2E");
        assertThat(e2e.getTotalCount()).isEqualTo(2);
        assertThat(e2e.getMaxValue()).isBetween(6_995L, 7_005L); // microseconds
        assertThat(e2e.getStartTimeStamp()).isEqualTo(1_700_000_000_000L);
        assertThat(e2e.getEndTimeStamp()).isEqualTo(1_700_000_004_000L);
        assertThat(byTag.get(OverheadKind.TTFT.tag()).getTotalCount()).isEqualTo(1);
        assertThat(byTag.get("TTFT").getTotalCount()).isZero();
    }

    @Test
    void adjustedPercentilesRankFailuresLast() {
        Histogram ok = new Histogram(3);
        for (int i = 1; i <= 9; i++) ok.recordValue(i * 1_000L); // 1..9 ms
        Percentiles p = CellRecorder.adjusted(ok, 1); // 10 requests, the failure slowest
        assertThat(p.count()).isEqualTo(10);
        assertThat(p.p50()).isCloseTo(5.0, within(0.01));  // rank 5 of the ok samples
        assertThat(p.p90()).isCloseTo(9.0, within(0.01));  // rank 9 = the last ok sample, not the failure
        assertThat(p.p95()).isInfinite();                   // rank 10: the failure
        assertThat(p.max()).isInfinite();
        assertThat(p.mean()).isInfinite();

        Percentiles none = CellRecorder.adjusted(new Histogram(3), 3);
        assertThat(none.count()).isEqualTo(3);
        assertThat(none.p50()).isInfinite();

        Percentiles clean = CellRecorder.adjusted(ok, 0);
        assertThat(clean.max()).isCloseTo(9.0, within(0.01));
        assertThat(clean.mean()).isCloseTo(5.0, within(0.01));
        assertThat(CellRecorder.summarise(new Histogram(3))).isSameAs(Percentiles.EMPTY);
    }

    @Test
    void onlyFailuresStillGiveAdjustedPercentiles() throws IOException {
        CellRecorder r = new CellRecorder();
        CellRecorder.Summary s = r.finish(dir.resolve("f.hlog"), 0, 10, 2);
        assertThat(s.latency()).isEmpty();
        assertThat(s.adjusted().get(Metric.TTFT).count()).isEqualTo(2);
        assertThat(s.adjusted().get(Metric.E2E).p50()).isInfinite();
        assertThat(s.adjusted()).containsOnlyKeys(Metric.TTFT, Metric.E2E);
        assertThat(s.overheadTtft()).isSameAs(Percentiles.EMPTY);
        assertThat(s.toOverhead(1.0)).as("no ground truth: no overhead").isNull();
        assertThat(r.finish(dir.resolve("g.hlog"), 0, 10, 0).adjusted()).isEmpty();
    }

    @Test
    void theTallyBalancesAndSumsProviderTokens() {
        OutcomeTally t = new OutcomeTally();
        for (int i = 0; i < 7; i++) t.sent();
        t.ok(response(new Usage(100, 40, 12, 3, true), "h2"));
        t.ok(response(new Usage(50, 0, 8, 0, false), null));
        t.cacheHit();
        t.failed(new LlmException.RateLimited("429 for sk-secret", 429, null, null, null), s -> s.replace("sk-secret", "***"));
        t.failed(new LlmException.Cancelled(), s -> s);
        t.failed(new CancellationException(), s -> s);
        t.failed(new IllegalStateException("bug"), s -> s);

        assertThat(t.okCount()).isEqualTo(2);
        assertThat(t.outputTokens.sum()).isEqualTo(20);
        assertThat(t.inputTokens.sum()).isEqualTo(150);
        assertThat(t.cachedInputTokens.sum()).isEqualTo(40);
        assertThat(t.reasoningTokens.sum()).isEqualTo(3);
        assertThat(t.estimatedUsage.sum()).isEqualTo(1);
        assertThat(t.protocols()).containsExactly(Map.entry("h2", 1L), Map.entry("unknown", 1L));
        assertThat(t.failures()).as("rate limit, two cancellations, the bug").isEqualTo(4);

        Outcomes o = t.outcomes(5);
        assertThat(o.sent()).isEqualTo(7);
        assertThat(o.ok()).isEqualTo(2);
        assertThat(o.cacheHits()).isEqualTo(1);
        assertThat(o.cancelled()).isEqualTo(2);
        assertThat(o.retries()).isEqualTo(5);
        assertThat(o.errors()).containsExactly(Map.entry("RATE_LIMITED", 1L), Map.entry(OutcomeTally.UNEXPECTED, 1L));
        assertThat(o.messages("RATE_LIMITED")).singleElement().satisfies(m -> {
            assertThat(m.message()).contains("429 for ***").doesNotContain("sk-secret");
            assertThat(m.count()).isEqualTo(1);
        });
        assertThat(o.messages(OutcomeTally.UNEXPECTED)).hasSize(1);
        assertThat(t.outcomes().retries()).isZero();
    }

    @Test
    void anEmptyTallyHasNoErrorClasses() {
        OutcomeTally t = new OutcomeTally();
        t.sent();
        t.ok();
        t.protocol(" ");
        assertThat(t.protocols()).containsExactly(Map.entry("unknown", 1L));
        assertThat(t.outcomes().errors()).isEmpty();
        assertThat(t.failures()).isZero();
    }

    private static ChatResponse response(Usage usage, String protocol) {
        CallTiming timing = new CallTiming();
        timing.markSend(1);
        timing.markEnd(2);
        return new ChatResponse(Provider.OPENAI, "gpt-4.1-nano", "x", "", "stop", usage, timing, protocol, false);
    }

}
