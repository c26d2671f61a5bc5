package dev.llmbench.bench;

import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.FaultCase;
import dev.llmbench.bench.model.Metric;
import dev.llmbench.bench.model.RequestRecord;
import dev.llmbench.bench.model.SweepResult;
import dev.llmbench.bench.report.FaultTable;
import dev.llmbench.bench.report.JsonReport;
import dev.llmbench.bench.report.RequestsJsonl;
import dev.llmbench.bench.target.InProcessSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Quick runs of each sweep against the in-process simulator through SweepMain, checking what lands on disk. */
class SweepEndToEndTest {
    /** Every simulator key the runner makes starts with this; it must never reach output or a file. */
    private static final String KEY_PREFIX = "sim-key-";

    /**
     * Measuring the measurer: TTFT overhead p50 (measured TTFT minus the simulator's first-token send time) must stay
     * well under the stream time a client that held tokens back until the end of the stream would add to it (about
     * the whole 200 ms stream of {@link #harnessOverheadStaysWithinTolerance}). A ratio, not a number of milliseconds:
     * on a shared 2-core box the overhead has measured ~40 ms against the 50 ms bound this test once had, while a
     * loaded box stretches the measured stream time (E2E p50 - TTFT p50) as well.
     */
    private static final double OVERHEAD_SHARE_OF_STREAM = 0.5;

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(String sweep, Map<String, String> extra) {
        Map<String, String> o = new HashMap<>(Map.of("sweep", sweep, "quick", "true", "simInProcess", "true",
                "reports", dir.resolve("reports").toString(), "results", dir.resolve("RESULTS.md").toString()));
        o.putAll(extra);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SweepMain.run(o, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<Path> reportDirs() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("reports"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static SweepResult json(Path reportDir) throws IOException {
        return JsonReport.read(reportDir.resolve("results.json"));
    }

    private void assertNoKeyAnywhere(Run r) throws IOException {
        assertThat(r.out).doesNotContain(KEY_PREFIX);
        assertThat(r.err).doesNotContain(KEY_PREFIX);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain(KEY_PREFIX);
            }
        }
    }

    /**
     * A cell's per-request records: one a request (warm-up included, flagged), each id {@code <section>:<slug>:...},
     * and the measured ones agree with the cell's accounting and tokens.
     */
    private static List<RequestRecord> assertRecords(Path report, SweepResult result, CellResult c, long warmup) throws IOException {
        String slug = c.key().slug();
        assertThat(c.requestsFile()).isEqualTo(slug + RequestsJsonl.SUFFIX);
        List<RequestRecord> all = RequestsJsonl.read(report.resolve(c.requestsFile()));
        assertThat(all).as(slug).hasSize((int) (c.outcomes().sent() + warmup));
        assertThat(all.stream().filter(RequestRecord::warmup).count()).as(slug).isEqualTo(warmup);
        assertThat(all).allSatisfy(r -> assertThat(r.requestId()).startsWith(result.sweep() + ":" + slug + ":"));
        List<RequestRecord> measured = all.stream().filter(r -> !r.warmup()).toList();
        assertThat(measured.stream().filter(r -> r.outcome() == RequestRecord.Outcome.OK).count()).as(slug).isEqualTo(c.outcomes().ok());
        assertThat(measured.stream().filter(r -> r.outcome() == RequestRecord.Outcome.CACHE_HIT).count()).isEqualTo(c.outcomes().cacheHits());
        assertThat(measured.stream().filter(r -> r.outcome() == RequestRecord.Outcome.CANCELLED).count()).isEqualTo(c.outcomes().cancelled());
        Map<String, Long> byClass = measured.stream().filter(r -> r.outcome() == RequestRecord.Outcome.ERROR)
                .collect(Collectors.groupingBy(RequestRecord::errorClass, TreeMap::new, Collectors.counting()));
        assertThat(byClass).as(slug).isEqualTo(c.outcomes().errors());
        assertThat(measured.stream().mapToLong(RequestRecord::outputTokens).sum()).as(slug).isEqualTo(c.measured().tokens().output());
        return all;
    }

    @Test
    void concurrencySweepWritesEveryReportFileWithTheNumbersAndMeasuresItsOwnOverhead() throws IOException {
        Run r = run("concurrency", Map.of());

        assertThat(r.code).as(r.err).isZero();
        List<Path> dirs = reportDirs();
        assertThat(dirs).hasSize(1);
        Path report = dirs.get(0);
        assertThat(report.getFileName().toString()).startsWith("concurrency-");
        for (String f : List.of("results.csv", "results.json", "table.md")) assertThat(report.resolve(f)).isRegularFile();
        assertThat(dir.resolve("RESULTS.md")).content().contains("concurrency");
        assertThat(r.out).contains("Report: " + report.toAbsolutePath());

        assertThat(json(report).cells()).hasSize(4 * 2); // four providers x quick concurrency 2,4
        try (Stream<Path> hlogs = Files.list(report)) {
            assertThat(hlogs.filter(p -> p.toString().endsWith(".hlog")).count()).isEqualTo(8);
        }
        SweepResult result = JsonReport.read(report.resolve("results.json"));
        assertThat(result.simulated()).isTrue();
        Set<String> ids = new HashSet<>();
        long records = 0;
        for (CellResult c : result.cells()) {
            List<RequestRecord> rs = assertRecords(report, result, c, SweepOptions.parse(Map.of("quick", "true")).warmupFor(c.key().concurrency()));
            rs.forEach(x -> ids.add(x.requestId()));
            records += rs.size();
        }
        assertThat(ids).as("request ids unique across the run").hasSize((int) records);
        for (CellResult c : result.cells()) {
            int quickN = SweepOptions.parse(Map.of("quick", "true")).n();
            assertThat(c.outcomes().sent()).as(c.key().slug()).isEqualTo(quickN);
            assertThat(c.outcomes().ok()).as(c.key().slug() + " " + c.outcomes()).isEqualTo(quickN);
            assertThat(c.measured().tokens().output()).isPositive();
            assertThat(c.derived().outputTokPerSec()).isPositive();
            assertThat(c.latency(Metric.TTFT).count()).isEqualTo(quickN);
            assertThat(c.latency(Metric.E2E).p50()).isGreaterThanOrEqualTo(c.latency(Metric.TTFT).p50());
            assertThat(report.resolve(c.hlogFile())).isRegularFile();
            assertThat(c.measured().overhead()).as(c.key().slug()).isNotNull(); // ground truth was asked for and read
            assertThat(c.measured().overhead().wallEfficiency()).isBetween(0.0, 1.5);
        }
        String csv = Files.readString(report.resolve("results.csv"));
        assertThat(csv.lines().count()).isGreaterThan(8);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("requests_file");
        assertThat(csv).contains(result.cells().get(0).key().slug() + RequestsJsonl.SUFFIX);
        assertNoKeyAnywhere(r);
    }

    @Test
    void harnessOverheadStaysWithinTolerance() throws IOException {
        // one provider, a 60-token stream at 300 tok/s (200 ms) after a 10 ms first token; warm-up enough for the JIT
        Run r = run("concurrency", Map.of("provider", "openai", "concurrency", "2", "n", "24", "warmup", "16",
                "simSet", "openai.latency.medianMs=10;openai.decode.tokensPerSecond=300;openai.output.mean=60"));

        assertThat(r.code).as(r.err).isZero();
        CellResult c = JsonReport.read(reportDirs().get(0).resolve("results.json")).cells().get(0);
        assertThat(c.outcomes().ok()).isEqualTo(24);
        assertThat(c.measured().overhead()).isNotNull();
        double streamMs = c.latency(Metric.E2E).p50() - c.latency(Metric.TTFT).p50();
        assertThat(streamMs).as("measured stream time, ms").isGreaterThan(100.0); // 59 tokens after the first, at 300 tok/s
        assertThat(c.measured().overhead().ttft().p50()).isBetween(0.0, OVERHEAD_SHARE_OF_STREAM * streamMs);
        assertThat(c.measured().overhead().ttft().p99()).isGreaterThanOrEqualTo(c.measured().overhead().ttft().p50());
        assertThat(c.measured().overhead().wallEfficiency()).isBetween(0.05, 1.2);
    }

    @Test
    void injectedFaultsAreCountedByKindAndTheAccountingBalances() throws IOException {
        Run r = run("concurrency", Map.of("provider", "openai", "concurrency", "4", "n", "40", "warmup", "0",
                "simSet", "openai.fault.http-500=0.15;openai.fault.rate-limit=0.15;openai.fault.truncate=0.15"));

        assertThat(r.code).as(r.err).isZero();
        CellResult c = JsonReport.read(reportDirs().get(0).resolve("results.json")).cells().get(0);
        assertThat(c.outcomes().sent()).isEqualTo(40);
        assertThat(c.outcomes().count("SERVER_ERROR")).isPositive();
        assertThat(c.outcomes().count("RATE_LIMITED")).isPositive();
        assertThat(c.outcomes().count("PROTOCOL")).isPositive();
        assertThat(c.outcomes().ok()).isPositive().isLessThan(40);
        assertThat(c.latency(Metric.TTFT).count()).isEqualTo(c.outcomes().ok());
        // the records of the same requests give the same counts per class as the results
        Path report = reportDirs().get(0);
        assertRecords(report, json(report), c, 0);
        assertNoKeyAnywhere(r);
    }

    @Test
    void anOpenAiCompatibleBaseUrlIsMeasuredAsTheGenericProvider() throws IOException {
        try (InProcessSimulator sim = new InProcessSimulator(1, Map.of("zero.output.mean", "16"))) {
            Run r = run("concurrency", Map.of("target", sim.httpRoot() + "/zero/v1", "model", "my-model",
                    "concurrency", "2", "n", "6"));

            assertThat(r.code).as(r.err).isZero();
            SweepResult result = json(reportDirs().get(0));
            assertThat(result.simulated()).isFalse(); // a URL is not known to be the simulator
            assertThat(result.cells()).singleElement().satisfies(c -> {
                assertThat(c.key().provider()).isEqualTo("generic");
                assertThat(c.outcomes().ok()).isEqualTo(6);
                assertThat(c.measured().tokens().output()).isEqualTo(6 * 16);
                assertThat(c.measured().overhead()).isNull(); // no ground truth asked of an unknown server
            });
        }
    }

    /** {@code -Ddataset}: the example ShareGPT file's prompts reach the simulator and the report names the file and its hash. */
    @Test
    void aDatasetRunRecordsThePathItsSha256AndItsLengths() throws Exception {
        Path dataset = Path.of("src/test/resources/datasets/sharegpt.json").toAbsolutePath(); // inside the repository
        Run r = run("concurrency", Map.of("provider", "openai", "concurrency", "2", "n", "6", "dataset", dataset.toString()));

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("dataset bench/src/test/resources/datasets/sharegpt.json: 3 of 6 entries skipped"
                + " (2 no human turn, 1 empty prompt)");
        Path report = reportDirs().get(0);
        SweepResult result = json(report);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dataset)));
        assertThat(result.provenance())
                .containsEntry("dataset", "bench/src/test/resources/datasets/sharegpt.json") // relative to the root, as no home directory shows
                .containsEntry("dataset sha256", sha)
                .containsEntry("dataset entries", "3 used of 6 (3 skipped: 2 no human turn, 1 empty prompt); JSON list (ShareGPT)")
                .containsEntry("max tokens", "per request: the dataset entry's, else 256");
        assertThat(result.provenance().get("input tokens")).contains("mean 10.7, p50 11, p90 12, max 12 (3 entries)");
        assertThat(result.provenance().get("output tokens")).contains("p50 8, p90 15, max 15 (2 entries)");
        assertThat(Files.readString(report.resolve("table.md"))).contains(sha);
        // n = 6 walks the 3 prompts twice: 2 x (12 + 11 + 9) tokens, as the simulator counted them
        assertThat(result.cells()).singleElement().satisfies(c -> {
            assertThat(c.outcomes().ok()).isEqualTo(6);
            assertThat(c.measured().tokens().input()).isEqualTo(2 * (12 + 11 + 9));
        });
        assertNoKeyAnywhere(r);
    }

    /** A dataset entry's max_tokens reaches the server; {@code -DexactOutput=true} makes every answer run to it. */
    @Test
    void aDatasetsMaxTokensAndExactOutputSetTheAnswersLength() throws IOException {
        // one 400-byte prompt (100 tokens) asking for 40 tokens; the quick profile answers 24 unless forced
        Path data = Files.writeString(dir.resolve("one.jsonl"), "{\"prompt\": \"" + "abcd".repeat(100) + "\", \"max_tokens\": 40}\n");
        Map<String, String> o = Map.of("provider", "openai", "concurrency", "2", "n", "6", "dataset", data.toString());

        Run natural = run("concurrency", o);
        assertThat(natural.code).as(natural.err).isZero();
        CellResult c = json(reportDirs().get(0)).cells().get(0);
        assertThat(c.measured().tokens().input()).isEqualTo(6 * 100);
        assertThat(c.measured().tokens().output()).isEqualTo(6 * 24);

        Map<String, String> exact = new HashMap<>(o);
        exact.put("exactOutput", "true");
        exact.put("reports", dir.resolve("exact").toString());
        Run forced = run("concurrency", exact);
        assertThat(forced.code).as(forced.err).isZero();
        SweepResult result;
        try (Stream<Path> s = Files.list(dir.resolve("exact"))) {
            result = json(s.filter(Files::isDirectory).findFirst().orElseThrow());
        }
        assertThat(result.cells().get(0).measured().tokens().output()).isEqualTo(6 * 40);
        assertThat(result.provenance()).containsEntry("dataset", "one.jsonl (outside the repository)");
        assertThat(result.provenance().get("exact output")).startsWith("ignore_eos=true, min_tokens=max_tokens sent to openai");
    }

    @Test
    void aSweepThatSendsItsOwnPromptsSaysItIgnoresTheDataset() throws IOException {
        Path data = Files.writeString(dir.resolve("p.jsonl"), "{\"prompt\": \"hello\"}\n");
        Run r = run("prompt-length", Map.of("provider", "openai", "concurrency", "2", "n", "4", "dataset", data.toString()));

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err.lines().filter(l -> l.contains("-Ddataset not used by section prompt-length"))).hasSize(1);
        assertThat(json(reportDirs().get(0)).provenance()).doesNotContainKey("dataset")
                .containsEntry("prompts", "the section's own, with -DmaxTokens (it does not use -Ddataset)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-version", "prompt-length", "transport", "path", "lessons-path"})
    void everyOtherSweepRunsQuickAndReports(String sweep) throws IOException {
        Run r = run(sweep, Map.of("provider", "openai,gemini", "n", "8", "concurrency", "2"));

        assertThat(r.code).as(r.err).isZero();
        Path report = reportDirs().get(0);
        assertThat(report.getFileName().toString()).startsWith(sweep + "-");
        assertThat(report.resolve("results.json")).isRegularFile();
        assertThat(json(report).cells()).isNotEmpty();
        if (!sweep.equals("http-version") && !sweep.equals("prompt-length")) assertClientCostReported(report);
        assertNoKeyAnywhere(r);
    }

    /** The HTTP-stack sweeps' tables carry CPU per 1k tokens, peak threads and the HTTP version, measured in every cell. */
    private static void assertClientCostReported(Path report) throws IOException {
        for (CellResult c : json(report).cells()) {
            assertThat(c.derived().cpuPhaseMsPer1kTokens()).as(c.key().slug()).isPositive().isFinite();
            // the warm figure exists exactly when the cell had a steady window
            if (c.measured().steady().present()) assertThat(c.derived().cpuMsPer1kTokens()).as(c.key().slug()).isPositive().isFinite();
            else assertThat(c.derived().cpuMsPer1kTokens()).as(c.key().slug()).isNaN();
            assertThat(c.measured().peakThreads()).as(c.key().slug()).isPositive();
            assertThat(c.measured().protocols()).as(c.key().slug()).isNotEmpty();
        }
        List<String> rows = Files.readAllLines(report.resolve("table.md")).stream()
                .filter(l -> l.matches("\\|\\s*\\d+\\s*\\|.*")).toList();
        assertThat(rows).isNotEmpty();
        String header = Files.readAllLines(report.resolve("table.md")).stream().filter(l -> l.startsWith("| c ")).findFirst().orElseThrow();
        List<String> columns = List.of(header.split("\\|")).stream().map(String::trim).toList();
        int cpu = columns.indexOf("CPU ms/1k tok");
        int threads = columns.indexOf("peak threads");
        int http = columns.indexOf("HTTP");
        assertThat(List.of(cpu, threads, http)).as(header).allMatch(i -> i > 0);
        for (String row : rows) {
            List<String> cellsOfRow = List.of(row.split("\\|")).stream().map(String::trim).toList();
            assertThat(cellsOfRow.get(cpu)).as(row).matches("\\d+( \\(\\d+–\\d+\\))?");
            assertThat(cellsOfRow.get(threads)).as(row).matches("\\d+( \\(\\d+–\\d+\\))?");
            assertThat(cellsOfRow.get(http)).as(row).isNotBlank().isNotEqualTo("–");
        }
        assertThat(report.resolve("cpu.png")).isRegularFile();
    }

    @Test
    void faultsSweepEndsEveryFaultWithItsTypedErrorWithinTheLimitsAndLeaksNothing() throws IOException {
        // one transport here (every transport: the recorded run in RESULTS.md, and FailureTest per transport)
        Run r = run("faults", Map.of("transport", "netty-h2", "n", "4", "concurrency", "2"));

        assertThat(r.code).as(r.err).isZero();
        List<CellResult> cells = json(reportDirs().get(0)).cells();
        assertThat(cells).extracting(c -> c.key().variant()).containsExactlyElementsOf(FaultCase.ALL.stream().map(FaultCase::variant).toList());
        for (CellResult c : cells) {
            assertThat(FaultTable.problem(c)).as(c.key().variant() + " " + c.outcomes() + " " + c.leaks()).isNull();
            assertThat(c.leaks()).as(c.key().variant()).isNotNull();
            long faulted = FaultCase.ofVariant(c.key().variant()).orElseThrow().faultedOf(4);
            assertThat(c.latency(Metric.ERROR).count()).as(c.key().variant()).isEqualTo(faulted);
            // no hang: every failure came within the quick request limit (3 s) plus scheduling slack
            if (faulted > 0) assertThat(c.latency(Metric.ERROR).max()).as(c.key().variant()).isLessThan(3_000 + 1_000);
            // errors count as infinitely slow in the adjusted percentiles, so they never flatter a cell
            assertThat(c.measured().adjusted(Metric.E2E).count()).isEqualTo(c.outcomes().sent());
            if (faulted == c.outcomes().sent()) assertThat(c.measured().adjusted(Metric.E2E).p50()).isInfinite();
        }
        assertThat(dir.resolve("RESULTS.md")).content().contains("fault @ rate").contains("every cell as expected")
                .contains("no thread or socket left behind");
        assertNoKeyAnywhere(r);
    }

    @Test
    void soakSamplesHeapThreadsSocketsAndThroughputOverTime() throws IOException {
        Run r = run("soak", Map.of("concurrency", "16"));

        assertThat(r.code).as(r.err).isZero();
        List<CellResult> cells = json(reportDirs().get(0)).cells();
        assertThat(cells).extracting(c -> c.key().provider()).containsExactly("zero", "openai");
        for (CellResult c : cells) {
            assertThat(c.measured().soak()).as(c.key().provider()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(c.measured().soak()).allSatisfy(x -> {
                assertThat(x.heapMb()).isPositive();
                assertThat(x.threads()).isPositive();
            });
            assertThat(c.outcomes().ok()).isPositive();
            assertThat(c.outcomes().sent()).isEqualTo(c.outcomes().ok() + c.outcomes().errorCount() + c.outcomes().cancelled());
            assertThat(c.leaks()).isNotNull();
            assertRecords(reportDirs().get(0), json(reportDirs().get(0)), c, SweepOptions.parse(Map.of("quick", "true")).warmupFor(16));
        }
        assertThat(dir.resolve("RESULTS.md")).content().contains("heap after GC").contains("Second half vs first half");
    }

    @Test
    void anHttpsBaseUrlIsNotTrustedWithoutItsCertificate() throws IOException {
        // the simulator's self-signed certificate: trusted for -Dtarget=sim (its own truststore), never for a URL
        try (InProcessSimulator sim = new InProcessSimulator(1, Map.of())) {
            Run r = run("concurrency", Map.of("target", sim.tlsRoot() + "/zero/v1", "model", "m", "concurrency", "2", "n", "4", "warmup", "0"));

            assertThat(r.code).as(r.err).isZero();
            CellResult c = json(reportDirs().get(0)).cells().get(0);
            assertThat(c.outcomes().ok()).isZero();
            assertThat(c.outcomes().count("CONNECTION")).as(c.outcomes().toString()).isEqualTo(4);
        }
    }

    @Test
    void lessonsRunsEachTableAsItsOwnSection() throws IOException {
        Run r = run("lessons", Map.of("n", "4", "concurrency", "2"));

        assertThat(r.code).as(r.err).isZero();
        List<String> names = reportDirs().stream().map(p -> p.getFileName().toString().replaceAll("-\\d{8}-\\d{6}(-\\d+)?$", "")).toList();
        assertThat(names).containsExactlyInAnyOrder("lessons-concurrency", "lessons-http-version", "lessons-prompt-length",
                "lessons-prefix-cache", "lessons-gemini-thinking", "lessons-client-reuse", "lessons-aimd", "lessons-path");
        Path path = reportDirs().stream().filter(p -> p.getFileName().toString().startsWith("lessons-path")).findFirst().orElseThrow();
        assertThat(json(path).cells()).extracting(c -> c.key().path()).contains("ref", "sdk-default", "sdk-tuned", "generic");
        Path prefixCache = reportDirs().stream().filter(p -> p.getFileName().toString().startsWith("lessons-prefix-cache")).findFirst().orElseThrow();
        List<CellResult> batches = json(prefixCache).cells();
        assertThat(batches).extracting(c -> c.key().variant()).containsExactly("first-batch", "second-batch");
        assertThat(batches.get(1).measured().tokens().cachedInput()).as("the second batch finds the first batch's prefixes cached")
                .isGreaterThan(batches.get(0).measured().tokens().cachedInput());
        assertNoKeyAnywhere(r);
    }

    @Test
    void aimdSweepHoldsTheRestInsideTheClientRecordsItsWindowAndCountsThe429s() throws IOException {
        // a low wall (8 per key) under the offered 64, so both cells meet it even with quick timing
        Run r = run("aimd", Map.of("simSet", "openai.limit.concurrency=8", "n", "120"));

        assertThat(r.code).as(r.err).isZero();
        Path report = reportDirs().get(0);
        List<CellResult> cells = json(report).cells();
        assertThat(cells).extracting(c -> c.key().variant()).containsExactly("fixed", "aimd");
        assertThat(cells).allSatisfy(c -> {
            assertThat(c.key().concurrency()).isEqualTo(64);
            assertThat(c.outcomes().sent()).isEqualTo(120);
            assertThat(c.outcomes().retries()).as("raw sweeps do not retry").isZero();
        });
        CellResult fixed = cells.get(0);
        CellResult aimd = cells.get(1);
        assertThat(fixed.outcomes().count("RATE_LIMITED")).as("fixed c=64 runs into the wall").isPositive();
        assertThat(aimd.outcomes().count("RATE_LIMITED")).as("AIMD backs off").isLessThan(fixed.outcomes().count("RATE_LIMITED"));

        List<String> window = Files.readAllLines(report.resolve("window.csv"));
        assertThat(window.get(0)).isEqualTo("cell,key,seconds,window,in_flight");
        assertThat(window.stream().filter(l -> l.contains("-fixed-")).map(l -> l.split(",")[3]).distinct()).containsExactly("64");
        List<Integer> aimdWindows = window.stream().filter(l -> l.contains("-aimd-")).map(l -> Integer.parseInt(l.split(",")[3])).toList();
        assertThat(aimdWindows).contains(64).anySatisfy(w -> assertThat(w).isLessThanOrEqualTo(8)).allSatisfy(w -> assertThat(w).isBetween(4, 64));
        List<Integer> aimdInFlight = window.stream().filter(l -> l.contains("-aimd-")).map(l -> Integer.parseInt(l.split(",")[4])).toList();
        assertThat(aimdInFlight).as("in flight of the key at each change, as the client reports it")
                .anySatisfy(n -> assertThat(n).isPositive()).allSatisfy(n -> assertThat(n).isBetween(0, 64));
        assertThat(report.resolve("window.png")).isRegularFile();
        assertThat(report.resolve("window.json")).isRegularFile();
        String results = Files.readString(dir.resolve("RESULTS.md"));
        assertThat(results).contains("<!-- llmbench:begin aimd -->", "window.png", "the lesson \"AIMD");
        assertNoKeyAnywhere(r);
    }

    @Test
    void keysSweepGivesEveryKeyItsOwnWindow() throws IOException {
        Run r = run("keys", Map.of("n", "48"));

        assertThat(r.code).as(r.err).isZero();
        Path report = reportDirs().get(0);
        List<CellResult> cells = json(report).cells();
        assertThat(cells).extracting(c -> c.key().variant()).containsExactly("keys=1", "keys=2", "keys=4");
        assertThat(cells).allSatisfy(c -> assertThat(c.outcomes().sent()).isEqualTo(48));
        List<String> window = Files.readAllLines(report.resolve("window.csv"));
        for (int keys : List.of(1, 2, 4)) {
            String cell = "-keys_" + keys + "-";
            assertThat(window.stream().filter(l -> l.contains(cell) || l.contains("-keys=" + keys + "-")).map(l -> l.split(",")[1]).distinct().count())
                    .as("windows of the %d-key cell", keys).isEqualTo(keys);
        }
        assertThat(Files.readString(dir.resolve("RESULTS.md"))).contains("<!-- llmbench:begin keys -->", "Key rotation");
        assertNoKeyAnywhere(r);
    }

    @Test
    void retriesInsideTheClientAreCountedInTheResults() throws IOException {
        Run r = run("concurrency", Map.of("provider", "openai", "n", "16", "concurrency", "2", "retries", "2",
                "simSet", "openai.fault.http-500=0.3"));

        assertThat(r.code).as(r.err).isZero();
        Path report = reportDirs().get(0);
        CellResult cell = json(report).cells().get(0);
        assertThat(cell.outcomes().retries()).isPositive();
        assertThat(cell.outcomes().sent()).isEqualTo(16); // retries are not extra requests
        assertThat(Files.readString(report.resolve("results.csv"))).contains(",retries,");
        assertThat(Files.readString(report.resolve("table.md"))).contains("| retries");
    }

    @Test
    void cacheBenchmarkWritesTheShardsVsInitTimeTable() throws IOException {
        Run r = run("cache", Map.of());

        assertThat(r.code).as(r.err).isZero();
        Path report = reportDirs().get(0);
        assertThat(report.getFileName().toString()).startsWith("cache-");
        List<String> init = Files.readAllLines(report.resolve("init.csv"));
        assertThat(init).hasSize(5);
        assertThat(init.subList(1, 5)).extracting(l -> l.split(",")[0]).containsExactly("1", "2", "4", "8");
        List<String> throughput = Files.readAllLines(report.resolve("throughput.csv"));
        assertThat(throughput.subList(1, throughput.size())).extracting(l -> l.split(",")[0] + "x" + l.split(",")[1])
                .containsExactly("getx1", "getx4", "getx16", "putx1", "putx4", "putx16");
        assertThat(report.resolve("init.png")).isRegularFile();
        String results = Files.readString(dir.resolve("RESULTS.md"));
        assertThat(results).contains("<!-- llmbench:begin cache -->", "all shards cold", "<!-- llmbench:end cache -->");
    }
}
