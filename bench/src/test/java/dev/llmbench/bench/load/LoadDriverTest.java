package dev.llmbench.bench.load;

import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Outcomes;
import dev.llmbench.bench.report.HlogDistribution;
import dev.llmbench.client.LlmException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoadDriverTest {
    @TempDir
    Path dir;

    private final RequestFactory requests = (i, warmup) -> Prompts.request("gpt-4.1-nano", null, i, 16);

    @Test
    void everyOutcomeIsCountedUnderItsKindAndTheAccountingBalances() throws Exception {
        // 40 requests: a fixed rotation of ok, each failure kind, a cancellation and a non-LlmException
        Throwable[] rotation = {null, new LlmException.RateLimited("429", 429, null, Duration.ofMillis(5), Map.of()),
                new LlmException.ServerError("500", 500, null), null, new LlmException.Cancelled(),
                new LlmException.Timeout(LlmException.Timeout.Phase.IDLE, Duration.ofSeconds(1)),
                new IllegalStateException("client bug"), new LlmException.Protocol("truncated", 200, null)};
        try (FakeSession session = new FakeSession(1, n -> rotation[n % rotation.length])) {
            CellMeasurement m = new LoadDriver(Progress.NONE, 60).run(session, requests, new LoadPlan(40, 0, 4, null, 1), dir.resolve("c.hlog"));

            Outcomes o = m.outcomes();
            assertThat(o.sent()).isEqualTo(40);
            assertThat(o.ok()).isEqualTo(10);
            assertThat(o.count("RATE_LIMITED")).isEqualTo(5);
            assertThat(o.count("SERVER_ERROR")).isEqualTo(5);
            assertThat(o.count("TIMEOUT")).isEqualTo(5);
            assertThat(o.count("PROTOCOL")).isEqualTo(5);
            assertThat(o.count(OutcomeTally.UNEXPECTED)).isEqualTo(5);
            assertThat(o.cancelled()).isEqualTo(5);
            assertThat(m.tokens().output()).isEqualTo(10 * 10);
            assertThat(m.latency().get(Metric.TTFT).count()).isEqualTo(10); // latency only of ok requests
        }
    }

    @Test
    void warmupIsExcludedAndClosedLoopNeverExceedsItsConcurrency() throws Exception {
        try (FakeSession session = new FakeSession(2, n -> null)) {
            CellMeasurement m = new LoadDriver(Progress.NONE, 60).run(session, requests, new LoadPlan(30, 7, 3, null, 1), dir.resolve("c.hlog"));

            assertThat(m.outcomes().sent()).isEqualTo(30);
            assertThat(m.outcomes().ok()).isEqualTo(30);
            assertThat(m.latency().get(Metric.E2E).count()).isEqualTo(30);
            assertThat(m.latency().get(Metric.ITL).count()).isEqualTo(30 * 2); // 3 token events → 2 gaps each
            assertThat(m.latency().get(Metric.TPOT).count()).isEqualTo(30);
            assertThat(session.maxInFlight.get()).isEqualTo(3);
            assertThat(m.latency()).doesNotContainKey(Metric.DISPATCH_LAG);
            assertThat(m.overhead()).isNull(); // no ground truth from a fake
        }
    }

    @Test
    void openLoopMeasuresFromTheIntendedStartSoQueueingIsNotHidden() throws Exception {
        // 100 arrivals/s but only one request in flight, each taking 20 ms: the schedule falls behind by ~10 ms per
        // request. From the intended start, late requests wait ~10 x their index; measured from the actual send
        // (coordinated omission) every request would look like ~20 ms.
        int n = 20;
        try (FakeSession session = new FakeSession(20, i -> null)) {
            Path hlog = dir.resolve("open.hlog");
            CellMeasurement m = new LoadDriver(Progress.NONE, 60).run(session, requests, new LoadPlan(n, 0, 1, 100.0, 7), hlog);

            assertThat(m.outcomes().ok()).isEqualTo(n);
            assertThat(m.latency().get(Metric.DISPATCH_LAG).count()).isEqualTo(n);
            // the service time alone is 20 ms; the last requests waited far longer than that behind the cap
            assertThat(m.latency().get(Metric.E2E_SUBMIT).max()).isGreaterThan(100);
            assertThat(m.latency().get(Metric.DISPATCH_LAG).max()).isGreaterThan(60);
            assertThat(m.latency().get(Metric.E2E_SUBMIT).max()).isGreaterThan(m.latency().get(Metric.DISPATCH_LAG).max());
            // from the send, each request took only its own service time: the waiting is QUEUE, not hidden in E2E
            assertThat(m.latency().get(Metric.E2E).max()).isLessThan(m.latency().get(Metric.E2E_SUBMIT).max());
            assertThat(m.latency().get(Metric.QUEUE).max()).isGreaterThan(60);

            Map<String, Histogram> byTag = HlogDistribution.read(hlog);
            assertThat(byTag.get("E2E").getTotalCount()).isEqualTo(n);
            assertThat(byTag.get("E2E_SUBMIT").getTotalCount()).isEqualTo(n);
            assertThat(byTag.get("DISPATCH_LAG").getTotalCount()).isEqualTo(n);
        }
    }

    @Test
    void requestsWithoutUsageAreCountedAsEstimatedAndProtocolsAreTallied() throws Exception {
        // every third response comes from a library that hides usage and protocol (as openai-java's default does)
        try (FakeSession fake = new FakeSession(1, n -> null)) {
            java.util.concurrent.atomic.AtomicInteger seq = new java.util.concurrent.atomic.AtomicInteger();
            PathSession session = new PathSession() {
                @Override
                public java.util.concurrent.CompletableFuture<dev.llmbench.client.ChatResponse> stream(
                        dev.llmbench.client.ChatRequest request, dev.llmbench.client.StreamListener listener) {
                    boolean hidden = seq.getAndIncrement() % 3 == 0;
                    return fake.stream(request, listener).thenApply(r -> !hidden ? r : new dev.llmbench.client.ChatResponse(
                            r.provider(), r.model(), r.text(), r.thinkingText(), r.finishReason(),
                            new dev.llmbench.client.Usage(0, 0, r.timing().tokenEvents(), 0, false), r.timing(), null, false));
                }

                @Override
                public void close() {}
            };
            CellMeasurement m = new LoadDriver(Progress.NONE, 60).run(session, requests, new LoadPlan(12, 3, 2, null, 1), dir.resolve("c.hlog"));

            // 15 requests in all, 3 of them warm-up (indexes 0, 3 hidden among them: only the measured ones count)
            assertThat(m.outcomes().ok()).isEqualTo(12);
            assertThat(m.tokens().estimatedUsage()).isEqualTo(4); // measured indexes 3, 6, 9, 12
            assertThat(m.protocols()).containsExactlyInAnyOrderEntriesOf(Map.of("h2", 8L, "unknown", 4L));
            assertThat(m.tokens().output()).isEqualTo(8 * 10 + 4 * 3); // estimated ones count their 3 content events
        }
    }
}
