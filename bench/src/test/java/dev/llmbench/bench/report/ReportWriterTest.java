package dev.llmbench.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Overhead;
import dev.llmbench.bench.model.SweepResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a chart must never hang the build
class ReportWriterTest {
    /** Written once for the tests that only read the report (charts are the slow part). */
    @TempDir
    static Path shared;
    static SweepResult sharedResult;
    static Report sharedReport;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeOnce() throws IOException {
        sharedResult = sweep(shared);
        sharedReport = ReportWriter.write(sharedResult, shared);
    }

    /** Two transports × two concurrencies, with 429s, a missing hlog, a corrupt hlog and a cell that measured nothing. */
    private static SweepResult sweep(Path dir) throws IOException {
        Fixtures.writeHlog(dir.resolve("h2-c8.hlog"), 150_000, 180_000, 210_000, 260_000, 900_000);
        Fixtures.writeHlog(dir.resolve("h1-c8.hlog"), 300_000, 320_000, 500_000);
        Files.writeString(dir.resolve("corrupt.hlog"), "Tag=TTFT,0.0,1.0,2.0,not-base64-at-all\n");
        Overhead oh = Fixtures.overhead(64, 0.4, 2.5, 0.97);
        List<CellResult> cells = List.of(
                Fixtures.cell("openai", "okhttp-h2", 8).tokPerSec(700).ttft(180, 260).hlog("h2-c8.hlog").overhead(oh).build(),
                Fixtures.cell("openai", "okhttp-h1", 8).tokPerSec(600).ttft(320, 500).hlog("h1-c8.hlog").overhead(oh).build(),
                Fixtures.cell("openai", "okhttp-h2", 64).tokPerSec(2308).ttft(290, 560).errors(Map.of("RATE_LIMITED", 7L, "TIMEOUT", 1L))
                        .hlog("missing.hlog").build(),
                Fixtures.cell("openai", "okhttp-h1", 64).tokPerSec(Double.NaN).ttft(Double.NaN, Double.NaN).hlog("corrupt.hlog").build());
        return Fixtures.sweep("http-version", cells);
    }

    @Test
    void writesEveryFileAndValidImages() throws IOException {
        Path dir = shared;
        Report report = sharedReport;

        for (String f : List.of("results.csv", "results.json", "table.md", "throughput.png", "ttft.png",
                "latency-openai-ref-okhttp-h2-c8-r0.png", "latency-openai-ref-okhttp-h1-c8-r0.png")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
            assertThat(Files.size(dir.resolve(f))).as(f).isPositive();
        }
        assertThat(report.charts()).hasSize(4);
        for (Path png : report.charts()) {
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img).as(png.toString()).isNotNull();
            assertThat(img.getWidth()).isGreaterThan(100);
            assertThat(img.getHeight()).isGreaterThan(100);
        }
        // the missing and the corrupt hlog are tolerated, and said
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("openai-ref-okhttp-h2-c64-r0").contains("missing.hlog"));
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("openai-ref-okhttp-h1-c64-r0").contains("corrupt.hlog"));
        assertThat(Files.readString(dir.resolve("table.md"))).contains("Not drawn:").contains("missing.hlog");
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles() throws IOException {
        SweepResult result = Fixtures.sweep("concurrency", List.of(
                Fixtures.cell("openai", "okhttp-h2", 8).build(), Fixtures.cell("openai", "okhttp-h2", 16).build()));
        ReportWriter.write(result, dir);
        ReportWriter.write(result, dir); // a rerun replaces every file
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("results.csv", "results.json", "table.md", "throughput.png", "ttft.png");
        }
    }

    @Test
    void csvParsesBackWithTheNumbers() throws IOException {
        Path dir = shared;
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(dir.resolve("results.csv").toFile())) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(4);
        Map<String, String> c64 = rows.get(2);
        assertThat(c64).containsEntry("provider", "openai").containsEntry("transport", "okhttp-h2").containsEntry("concurrency", "64")
                .containsEntry("output_tok_s", "2308").containsEntry("sent", "72").containsEntry("ok", "64")
                .containsEntry("errors", "8").containsEntry("err_RATE_LIMITED", "7").containsEntry("err_TIMEOUT", "1")
                .containsEntry("err_AUTH", "0").containsEntry("ttft_p50_ms", "290").containsEntry("ttft_p95_ms", "560")
                .containsEntry("ttft_count", "64").containsEntry("peak_threads", "42").containsEntry("cost_usd", "0.0123");
        assertThat(Double.parseDouble(c64.get("wall_s"))).isCloseTo(6400 / 2308.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rows.get(0)).containsEntry("overhead_ttft_p50_ms", "0.4").containsEntry("wall_efficiency", "0.97")
                .containsEntry("overhead_ttft_count", "64").containsEntry("overhead_ttft_p99_ms", ""); // 64 samples: no p99
        // NaN is an empty field, never a 0 that could pass for a measurement
        assertThat(rows.get(3)).containsEntry("output_tok_s", "").containsEntry("ttft_p50_ms", "").containsEntry("wall_s", "")
                .containsEntry("overhead_ttft_p50_ms", "").containsEntry("itl_p50_ms", "");
    }

    @Test
    void jsonIsStrictAndReadsBackToTheSameResult() throws IOException {
        Path dir = shared;
        SweepResult original = sharedResult;
        // a strict parser (no NaN tokens allowed) accepts it
        JsonNode root = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(root.get("schema").asInt()).isEqualTo(JsonReport.SCHEMA);
        assertThat(root.get("provenance").get("target").asText()).isEqualTo("sim");
        assertThat(root.get("simulated").asBoolean()).isTrue();
        assertThat(root.get("cells")).hasSize(4);
        assertThat(root.get("cells").get(2).get("measured").get("outcomes").get("errors").get("RATE_LIMITED").asLong()).isEqualTo(7);
        assertThat(root.get("cells").get(2).get("measured").get("latency").get("TTFT").get("p95").asDouble()).isEqualTo(560);
        assertThat(root.get("cells").get(3).get("derived").get("outputTokPerSec").isNull()).isTrue();
        // the file says what its numbers are in
        assertThat(root.get("units").get("measured.latency.*, measured.adjusted.*, measured.overhead.{ttft,itl,tpot}.*").asText()).startsWith("ms");
        assertThat(root.get("units").get("hlogFile").asText()).contains("µs");

        assertThat(JsonReport.read(dir.resolve("results.json"))).isEqualTo(original);
    }

    @Test
    void degenerateRangesStillDraw() throws IOException {
        // one concurrency (a zero-width x range) and a one-sample histogram: XChart must neither hang nor fail
        Fixtures.writeHlog(dir.resolve("one.hlog"), 250_000);
        SweepResult s = Fixtures.sweep("prompt-length", List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).variant("short").hlog("one.hlog").build(),
                Fixtures.cell("openai", "okhttp-h2", 32).variant("long").ttft(200, 200).build()));
        Report report = ReportWriter.write(s, dir);
        assertThat(report.charts()).extracting(p -> p.getFileName().toString())
                .containsExactly("throughput.png", "ttft.png", "latency-openai-ref-okhttp-h2-c32-short-r0.png");
        for (Path png : report.charts()) assertThat(ImageIO.read(png.toFile())).as(png.toString()).isNotNull();
    }

    @Test
    void zeroCellsStillWriteTheTextFilesAndNoCharts() throws IOException {
        Report report = ReportWriter.write(Fixtures.sweep("empty", List.of()), dir);
        assertThat(report.charts()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("results.csv"))).hasSize(1).first().asString().startsWith("sweep,provider,path");
        assertThat(new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("cells")).isEmpty();
        assertThat(Files.readString(dir.resolve("table.md"))).contains("No cells were measured");
        assertThat(dir.resolve("throughput.png")).doesNotExist();
    }

    @Test
    void tableMdHoldsTheLessonsLayoutAndTheErrors() throws IOException {
        String md = Files.readString(shared.resolve("table.md"));
        assertThat(md).contains("(simulated)").contains("**OpenAI (gpt-4.1-nano), simulated:**")
                .containsPattern("\\|\\s*c\\s*\\|\\s*Path\\s*\\|\\s*tok/s\\s*\\|\\s*batch tok/s\\s*\\|\\s*rate/Little\\s*\\|\\s*TTFT p50\\s*\\|\\s*TTFT p95\\s*\\|\\s*n\\s*\\|\\s*wall\\s*\\|\\s*cost\\s*\\|\\s*\\$/1M out\\s*\\|\\s*errors / 429\\s*\\|")
                .containsPattern("\\|\\s*64\\s*\\|\\s*ref\\+okhttp-h2\\s*\\|\\s*2308\\s*\\|\\s*2308\\s*\\|\\s*–\\s*\\|\\s*0\\.290s\\s*\\|\\s*0\\.560s\\s*\\|\\s*64\\s*\\|\\s*2\\.773s\\s*\\|[^|\\n]*\\|[^|\\n]*\\|\\s*8/72: RATE_LIMITED 7, TIMEOUT 1\\s*\\|")
                .contains("Harness overhead vs the simulator's ground truth (2 cells, 128 requests): TTFT +0.40 ms p50")
                .contains("![throughput.png](throughput.png)");
    }
}
