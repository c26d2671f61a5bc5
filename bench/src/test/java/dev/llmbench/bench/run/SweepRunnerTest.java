package dev.llmbench.bench.run;

import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.load.FakeSession;
import dev.llmbench.bench.load.Progress;
import dev.llmbench.bench.path.ClientPath;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.path.SessionSpec;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.sweep.catalog.ConcurrencySweep;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.bench.target.Target;
import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.RequestRecord;
import dev.llmbench.bench.report.JsonReport;
import dev.llmbench.bench.report.RequestsJsonl;
import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner with a fake path and target (no network): repeats interleave, and every cell reaches the report. */
class SweepRunnerTest {
    @TempDir
    Path dir;

    private static final class FakeTarget implements Target {
        @Override public boolean simulated() { return true; }

        @Override
        public Optional<Endpoint> endpoint(String provider, boolean tls) {
            return Optional.of(new Endpoint(provider, Provider.OPENAI, "gpt-4.1-nano", "http://127.0.0.1:9/openai/v1",
                    "sim-key-fake", null, null, false, provider));
        }

        @Override public String unavailableReason(String provider) { return ""; }

        @Override public Map<String, String> provenance() { return Map.of("target", "fake"); }

        @Override public void close() {}
    }

    private static final class FakePath implements ClientPath {
        /** Every session opened, to read the x-request-id of each request they were sent. */
        final List<FakeSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override public String id() { return "ref"; }

        @Override
        public PathSession open(SessionSpec spec) {
            FakeSession s = new FakeSession(1, n -> null);
            sessions.add(s);
            return s;
        }

        List<String> requestIds() { return sessions.stream().flatMap(s -> s.requestIds.stream()).toList(); }
    }

    @Test
    void repeatsRunInterleavedAndEveryCellIsReported() throws Exception {
        SweepOptions o = SweepOptions.parse(Map.of("provider", "openai", "concurrency", "1,2", "n", "3", "warmup", "0",
                "repeats", "2", "reports", dir.resolve("reports").toString(), "results", dir.resolve("RESULTS.md").toString()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Target target = new FakeTarget();
        FakePath path = new FakePath();
        SweepContext ctx = new SweepContext(o, target, path, out);
        SweepRunner runner = new SweepRunner(o, target, dir, out);
        List<SweepSection> sections = new ConcurrencySweep().sections(ctx);

        assertThat(runner.totalRequests(sections)).isEqualTo(2 * 2 * 3);
        List<SweepRunner.Published> published = runner.run(sections, Progress.NONE);

        assertThat(published).hasSize(1);
        List<CellKey> order = published.get(0).result().cells().stream().map(CellResult::key).toList();
        assertThat(order).extracting(k -> k.concurrency() + "/r" + k.repeat()).containsExactly("1/r0", "2/r0", "1/r1", "2/r1");

        Path report = published.get(0).report().dir();
        List<CellResult> read = JsonReport.read(report.resolve("results.json")).cells();
        assertThat(read).hasSize(4);
        for (CellResult c : read) {
            assertThat(c.outcomes().ok()).isEqualTo(3);
            assertThat(c.measured().tokens().output()).isEqualTo(30);
            assertThat(c.latency(Metric.TTFT).count()).isEqualTo(3);
            assertThat(report.resolve(c.hlogFile())).isRegularFile();
            // its records beside the hlog, one line per request, each id the one the session was sent
            List<RequestRecord> records = RequestsJsonl.read(report.resolve(c.requestsFile()));
            assertThat(c.requestsFile()).isEqualTo(c.key().slug() + ".requests.jsonl");
            assertThat(records).extracting(RequestRecord::requestId)
                    .containsExactlyInAnyOrder("concurrency:" + c.key().slug() + ":m0", "concurrency:" + c.key().slug() + ":m1",
                            "concurrency:" + c.key().slug() + ":m2");
            assertThat(path.requestIds()).containsAll(records.stream().map(RequestRecord::requestId).toList());
        }
        assertThat(path.requestIds()).hasSize(2 * 2 * 3).doesNotHaveDuplicates();
        assertThat(dir.resolve("RESULTS.md")).content().contains("llmbench:begin concurrency");
        runner.print(published.get(0));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Report: ").doesNotContain("sim-key-fake");
    }
}
