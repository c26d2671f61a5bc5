package dev.llmbench.bench.load;

import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.Outcomes;
import dev.llmbench.bench.model.RequestRecord;
import dev.llmbench.bench.model.RequestRecord.Outcome;
import dev.llmbench.bench.path.Guard;
import dev.llmbench.bench.report.RequestsJsonl;
import dev.llmbench.client.LlmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records of the drivers against {@link FakeSession} (no network), and the log's own bookkeeping. */
class RequestLogTest {
    @TempDir
    Path dir;

    private final RequestFactory requests = (i, warmup) -> Prompts.request("gpt-4.1-nano", null, i, 16);

    @Test
    void everyOutcomeIsRecordedUnderTheClassTheReportsCountItUnder() throws Exception {
        Throwable[] rotation = {null, new LlmException.RateLimited("429", 429, null, Duration.ofMillis(5), Map.of()),
                new LlmException.ServerError("500", 500, null), null, new LlmException.Cancelled(),
                new LlmException.Timeout(LlmException.Timeout.Phase.IDLE, Duration.ofSeconds(1)),
                new IllegalStateException("client bug"), new LlmException.Protocol("truncated", 200, null)};
        try (FakeSession session = new FakeSession(1, n -> rotation[n % rotation.length])) {
            CellMeasurement m = new LoadDriver(Progress.NONE, 60).run(session, requests, new LoadPlan(40, 8, 4, null, 1), dir.resolve("c.hlog"));
            List<RequestRecord> all = RequestsJsonl.read(dir.resolve("c" + RequestsJsonl.SUFFIX));
            List<RequestRecord> measured = all.stream().filter(r -> !r.warmup()).toList();

            assertThat(all).hasSize(8 + 40);
            assertThat(all.stream().filter(RequestRecord::warmup).count()).isEqualTo(8);
            assertThat(new ArrayList<>(session.requestIds)).as("sent as x-request-id, warm-up first")
                    .containsExactlyElementsOf(all.stream().sorted((a, b) -> a.warmup() == b.warmup()
                            ? Integer.compare(a.index(), b.index()) : a.warmup() ? -1 : 1).map(RequestRecord::requestId).toList());
            Outcomes o = m.outcomes();
            Map<String, Long> byClass = measured.stream().filter(r -> r.outcome() == Outcome.ERROR)
                    .collect(Collectors.groupingBy(RequestRecord::errorClass, TreeMap::new, Collectors.counting()));
            assertThat(byClass).isEqualTo(o.errors());
            assertThat(byClass).containsEntry(OutcomeTally.UNEXPECTED, 5L).containsEntry("RATE_LIMITED", 5L);
            assertThat(measured.stream().filter(r -> r.outcome() == Outcome.OK).count()).isEqualTo(o.ok());
            assertThat(measured.stream().filter(r -> r.outcome() == Outcome.CANCELLED).count()).isEqualTo(o.cancelled()).isEqualTo(5);
            assertThat(measured.stream().mapToLong(RequestRecord::outputTokens).sum()).isEqualTo(m.tokens().output());
            assertThat(measured.stream().filter(RequestRecord::failed).count()).isEqualTo(m.latency(Metric.ERROR).count());
            assertThat(measured).filteredOn(RequestRecord::failed).allSatisfy(r -> {
                assertThat(r.errorMs()).isNotNaN().isNotNegative();
                assertThat(r.sendNanos()).isZero();
            });
            // the ok ones: the fake's 3 token events and 10 output tokens
            assertThat(measured).filteredOn(r -> r.outcome() == Outcome.OK).allSatisfy(r -> {
                assertThat(r.outputTokens()).isEqualTo(10);
                assertThat(r.tpotMs()).isEqualTo(2_000 / 9 / 1e6);
            });
        }
    }

    @Test
    void theSoakDriverRecordsEveryRequestAndSpillsAsItRuns() throws Exception {
        Guard guard = new Guard(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(800),
                Duration.ofMillis(400));
        Path file = dir.resolve("soak" + RequestsJsonl.SUFFIX);
        try (FakeSession session = new FakeSession(1, n -> n % 50 == 49 ? new LlmException.ServerError("500", 500, null) : null)) {
            CellMeasurement m;
            RequestLog log = RequestLog.open(file, "soak:cell", 64);
            try (log) {
                m = new SoakDriver().run(session, requests, 8, 6, guard, dir.resolve("soak.hlog"), log);
            }
            List<RequestRecord> all = RequestsJsonl.read(file);
            List<RequestRecord> measured = all.stream().filter(r -> !r.warmup()).toList();

            assertThat(log.chunksHandedOff()).as("written while the soak ran, not held to the end").isPositive();
            assertThat(log.lines()).isEqualTo(all.size());
            assertThat(all).hasSize(6 + (int) m.outcomes().sent());
            assertThat(session.requestIds).hasSize(all.size());
            assertThat(new HashSet<>(session.requestIds)).isEqualTo(all.stream().map(RequestRecord::requestId).collect(Collectors.toSet()));
            assertThat(measured.stream().filter(r -> r.outcome() == Outcome.OK).count()).isEqualTo(m.outcomes().ok());
            assertThat(measured.stream().filter(r -> r.outcome() == Outcome.ERROR).count()).isEqualTo(m.outcomes().count("SERVER_ERROR"));
            assertThat(measured.stream().mapToLong(RequestRecord::outputTokens).sum()).isEqualTo(m.tokens().output());
            assertThat(measured).extracting(RequestRecord::index).doesNotHaveDuplicates();
            assertThat(all).allSatisfy(r -> assertThat(r.requestId()).startsWith("soak:cell:"));
        }
    }

    @Test
    void aLogLongerThanAChunkIsWrittenCompletelyFromManyThreads() throws Exception {
        Path file = dir.resolve("many" + RequestsJsonl.SUFFIX);
        int threads = 4;
        int each = 1_000;
        RequestLog log = RequestLog.open(file, "x", 128);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = base; i < base + each; i++) {
                    log.append(new RequestRecord(log.id(false, i), false, i, Outcome.OK, null, 1, 2, false, 0, 1, 2, 3, 4, 5, 6, 7));
                }
            });
            th.start();
            ts.add(th);
        }
        start.countDown();
        for (Thread th : ts) th.join();
        log.close();

        assertThat(log.chunksHandedOff()).isEqualTo(threads * each / 128);
        List<RequestRecord> read = RequestsJsonl.read(file);
        assertThat(read).hasSize(threads * each);
        assertThat(read).extracting(RequestRecord::index).doesNotHaveDuplicates();
        assertThat(read).extracting(RequestRecord::requestId).contains("x:m0", "x:m3999");
        assertThat(log.lines()).isEqualTo(threads * each);
        assertThat(Thread.getAllStackTraces().keySet()).as("the writer thread is gone after close")
                .noneMatch(t -> t.getName().equals("llmbench-requests-writer") && t.isAlive());
    }

    @Test
    void aRecordAfterCloseIsCountedNotLostSilently() throws IOException {
        Path file = dir.resolve("late" + RequestsJsonl.SUFFIX);
        RequestLog log = RequestLog.open(file, "x");
        log.append(new RequestRecord("x:m0", false, 0, Outcome.OK, null, 1, 2, false, 0, 1, 2, 3, 4, 5, 6, 7));
        log.close();
        log.append(new RequestRecord("x:m1", false, 1, Outcome.OK, null, 1, 2, false, 0, 1, 2, 3, 4, 5, 6, 7));

        assertThat(log.late()).isEqualTo(1);
        assertThat(log.lines()).isEqualTo(1);
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void idsAreDeterministicPerPhaseAndIndexAndTheDefaultLogSitsBesideTheHlog() throws IOException {
        try (RequestLog log = RequestLog.besideHlog(dir.resolve("openai-ref-okhttp-h2-c4-r1.hlog"))) {
            assertThat(log.file()).isEqualTo(dir.resolve("openai-ref-okhttp-h2-c4-r1.requests.jsonl"));
            assertThat(log.id(true, 3)).isEqualTo("openai-ref-okhttp-h2-c4-r1:w3");
            assertThat(log.id(false, 3)).isEqualTo("openai-ref-okhttp-h2-c4-r1:m3");
        }
        assertThatThrownBy(() -> RequestLog.open(dir.resolve("x.requests.jsonl"), "x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
