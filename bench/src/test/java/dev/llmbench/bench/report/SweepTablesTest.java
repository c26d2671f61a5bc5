package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.Overhead;
import dev.llmbench.bench.model.SweepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepTablesTest {

    @Test
    void oneTablePerProviderSortedByConcurrency() {
        SweepResult s = Fixtures.sweep("concurrency", List.of(
                Fixtures.cell("gemini", "okhttp-h2", 64).tokPerSec(4209).ttft(889, 1096).build(),
                Fixtures.cell("openai", "okhttp-h2", 32).tokPerSec(2456).ttft(213, 753).build(),
                Fixtures.cell("gemini", "okhttp-h2", 8).tokPerSec(682).ttft(836, 1025).build()));
        String md = SweepTables.render(s);
        assertThat(md.indexOf("**Gemini, simulated:**")).isLessThan(md.indexOf("**OpenAI (gpt-4.1-nano), simulated:**"));
        assertThat(md.indexOf("| 8 ")).isLessThan(md.indexOf("| 64 "));
        assertThat(md).contains("0.836s").contains("1.096s").contains("4209");
    }

    @Test
    void nanIsShownAsMissingNeverAsZero() {
        SweepResult s = Fixtures.sweep("concurrency", List.of(Fixtures.cell("openai", "okhttp-h2", 32).tokPerSec(Double.NaN).ttft(Double.NaN, Double.NaN).build()));
        assertThat(SweepTables.render(s)).containsPattern("\\|\\s*32\\s*\\|\\s*ref\\+okhttp-h2\\s*\\|\\s*–\\s*\\|\\s*–\\s*\\|\\s*–\\s*\\|\\s*–\\s*\\|");
    }

    @Test
    void variantsGetAColumn() {
        SweepResult s = Fixtures.sweep("prompt-length", List.of(
                Fixtures.cell("together", "okhttp-h1", 32).variant("short").build(),
                Fixtures.cell("together", "okhttp-h1", 32).variant("long").build()));
        assertThat(SweepTables.render(s)).containsPattern("\\|\\s*c\\s*\\|\\s*Path\\s*\\|\\s*Variant\\s*\\|").contains("| long ");
    }

    @Test
    void notesSaySamplesAndRepeats() {
        List<CellResult> cells = List.of(Fixtures.cell("openai", "okhttp-h2", 32).repeat(0).build(), Fixtures.cell("openai", "okhttp-h2", 32).repeat(1).build());
        assertThat(SweepTables.notes(CellGroup.of(cells))).contains("from 64 ok requests per cell").contains("p95 is a rough estimate")
                .contains("median (min–max) of up to 2 interleaved repeats");
        assertThat(SweepTables.notes(CellGroup.of(cells.subList(0, 1)))).contains("One run per cell: noise unknown");
    }

    @Test
    void overheadLineSummarisesCellsOrSaysItIsUnknown() {
        List<CellResult> cells = List.of(
                Fixtures.cell("openai", "okhttp-h2", 8).overhead(Fixtures.overhead(150, 0.3, 1.0, 0.99)).build(),
                Fixtures.cell("openai", "okhttp-h2", 64).overhead(Fixtures.overhead(150, 0.9, 4.0, 0.90)).build());
        assertThat(SweepTables.overheadLine(cells)).contains("(2 cells, 300 requests)").contains("TTFT +0.60 ms p50")
                .contains("worst 0.90 ms").contains("+2.50 ms p99 (median over the 2 cells with at least 100 samples; worst 4.00 ms)")
                .contains("wall efficiency 0.95 (lowest 0.90")
                .contains("Target at c=64: p50 <= 0.20 ms, p99 <= 1.00 ms; here p50 0.90 ms, p99 4.00 ms (not met).")
                .doesNotContain("c=1024");
        // under 100 samples a p99 is only the largest value: no p99 is claimed
        String few = SweepTables.overheadLine(List.of(Fixtures.cell("openai", "okhttp-h2", 64).overhead(Fixtures.overhead(64, 0.1, 0.5, 1.0)).build()));
        assertThat(few).contains("1 cells had fewer than 100 samples (no p99)").doesNotContain(" p99 (median")
                .contains("p99 unknown (fewer than 100 samples) (not met)");
        String met = SweepTables.overheadLine(List.of(Fixtures.cell("openai", "okhttp-h2", 64).overhead(Fixtures.overhead(200, 0.1, 0.5, 1.0)).build()));
        assertThat(met).contains("here p50 0.10 ms, p99 0.50 ms (met).");
        assertThat(SweepTables.overheadLine(List.of(Fixtures.cell("openai", "okhttp-h2", 8).build()))).contains("not measured");
    }

    @Test
    void consoleTableHasTitleAndTable() {
        SweepResult s = Fixtures.sweep("concurrency", List.of(Fixtures.cell("openai", "okhttp-h2", 32).tokPerSec(2456).build()));
        String text = ConsoleTable.render(s);
        assertThat(text).startsWith("Sweep concurrency (simulated)\n").contains("2456").contains("0.200s");
        assertThat(ConsoleTable.render(Fixtures.sweep("empty", List.of()))).contains("No cells were measured");
    }

    @Test
    void markdownCellsCannotBreakTheTable() {
        String t = new MarkdownTable(List.of("a", "b")).row(List.of("x|y", "z")).render();
        assertThat(t).contains("x\\|y");
        assertThatThrownBy(() -> new MarkdownTable(List.of("a")).row(List.of("1", "2"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atomicWriteReplacesAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertThat(Files.readString(f)).isEqualTo("two");
        Path blocked = dir.resolve("dir-in-the-way");
        Files.createDirectories(blocked.resolve("child"));
        assertThatThrownBy(() -> AtomicFiles.writeString(blocked, "x")).isInstanceOf(IOException.class);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.txt", "dir-in-the-way");
        }
    }

    @Test
    void percentileAxisLabels() {
        assertThat(Charts.percentileLabel(0)).isEqualTo("0%");
        assertThat(Charts.percentileLabel(1)).isEqualTo("90%");
        assertThat(Charts.percentileLabel(2)).isEqualTo("99%");
        assertThat(Charts.percentileLabel(3)).isEqualTo("99.9%");
        assertThat(Charts.percentileLabel(-1)).isEmpty();
    }

    @Test
    void hlogIsReadPerTag(@TempDir Path dir) throws IOException {
        Fixtures.writeHlog(dir.resolve("c.hlog"), 100_000, 200_000, 300_000);
        var byTag = HlogDistribution.read(dir.resolve("c.hlog"));
        assertThat(byTag).containsOnlyKeys("TTFT", "E2E");
        assertThat(byTag.get("TTFT").getTotalCount()).isEqualTo(3);
        assertThat(byTag.get("E2E").getMaxValue()).isBetween(1_490_000L, 1_510_000L);
        assertThatThrownBy(() -> HlogDistribution.read(dir.resolve("none.hlog"))).isInstanceOf(IOException.class);
    }

    @Test
    void costIsShownPerCellAndPerMillionOutputTokensAndAnUnpricedModelIsUnknownNeverZero() throws Exception {
        CellResult priced = Fixtures.cell("openai", "okhttp-h2", 32).cost(0.0123).build();
        CellResult unpriced = Fixtures.cell("openai", "okhttp-h2", 64).cost(null).build();
        String md = SweepTables.render(Fixtures.sweep("concurrency", List.of(priced, unpriced)));
        double perMillion = 0.0123 / priced.measured().tokens().output() * 1e6;
        assertThat(md).contains("| cost ").contains("| $/1M out ").contains("$0.0123")
                .contains(Fmt.usd(perMillion))
                .containsPattern("\\|\\s*64\\s*\\|[^\\n]*\\|\\s*unknown\\s*\\|\\s*unknown\\s*\\|");
        assertThat(Fmt.usd(Double.NaN)).isEqualTo("unknown");
        String csv = CsvReport.render(Fixtures.sweep("concurrency", List.of(priced, unpriced)));
        assertThat(csv.lines().skip(2).findFirst().orElseThrow()).as("unpriced row").doesNotContain(",0.0123,");
        assertThat(csv).contains("cost_per_1m_output_usd");
        assertThat(Figure.COST_PER_M_OUTPUT.of(unpriced)).isNaN();
        assertThat(Figure.COST_PER_M_OUTPUT.of(priced)).isCloseTo(perMillion, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void pathAndTransportTablesShowCpuThreadsAndTheNegotiatedHttpVersion() {
        for (String sweep : List.of("path", "transport", "lessons-path")) {
            SweepResult s = Fixtures.sweep(sweep, List.of(
                    Fixtures.cell("openai", "okhttp-h2", 32).resources(180.4, 61).protocols(Map.of("h2", 64L)).build(),
                    Fixtures.cell("openai", "okhttp", 32).path("sdk-default").resources(412.6, 97)
                            .protocols(Map.of("unknown", 64L)).build(),
                    Fixtures.cell("openai", "jdk", 32).path("generic").resources(Double.NaN, -1)
                            .protocols(Map.of("h2", 60L, "http/1.1", 4L)).build()));
            String md = LessonsTables.render(s);
            assertThat(md).as(sweep).containsPattern("\\|\\s*wall\\s*\\|\\s*cost\\s*\\|\\s*\\$/1M out\\s*\\|(\\s*retries\\s*\\|)?\\s*CPU ms/1k tok\\s*\\|\\s*peak threads\\s*\\|\\s*HTTP\\s*\\|");
            assertThat(md).as(sweep)
                    .containsPattern("\\|\\s*ref\\+okhttp-h2\\s*\\|.*\\|\\s*180\\s*\\|\\s*61\\s*\\|\\s*h2\\s*\\|")
                    .containsPattern("\\|\\s*sdk-default\\+okhttp\\s*\\|.*\\|\\s*413\\s*\\|\\s*97\\s*\\|\\s*unknown\\s*\\|")
                    // unmeasured CPU/threads show as missing, never as 0 or -1
                    .containsPattern("\\|\\s*generic\\+jdk\\s*\\|.*\\|\\s*–\\s*\\|\\s*–\\s*\\|\\s*h2 60, http/1.1 4\\s*\\|");
            // CPU is compared with the noise marking like the other figures
            assertThat(md).as(sweep).containsPattern("Comparison\\s*\\|.*\\|\\s*CPU ms/1k tok\\s*\\|")
                    .contains("simulator forked: not included");
        }
    }

    @Test
    void otherSweepsKeepTheLessonsColumns() {
        SweepResult s = Fixtures.sweep("concurrency", List.of(Fixtures.cell("openai", "okhttp-h2", 32).build()));
        assertThat(LessonsTables.render(s)).doesNotContain("CPU ms/1k tok").doesNotContain("peak threads");
    }

    @Test
    void estimatedTokenCountsAreFlaggedInTheTableAndExplained() {
        SweepResult s = Fixtures.sweep("path", List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).tokPerSec(2000).build(),
                Fixtures.cell("openai", "jdk", 32).path("generic").tokPerSec(1500).estimatedUsage(3).build()));
        String md = LessonsTables.render(s);
        assertThat(md).containsPattern("\\|\\s*generic\\+jdk\\s*\\|\\s*1500 †\\s*\\|")
                .containsPattern("\\|\\s*ref\\+okhttp-h2\\s*\\|\\s*2000\\s*\\|")
                .contains("† Output tokens estimated (content events counted, the library exposed no usage) for OpenAI c=32 generic+jdk: 3 of 64 ok requests.");
    }

    @Test
    void openLoopAndSloCellsAddTheirColumnsAndNotesAndClosedLoopTablesDoNot() {
        SweepResult rate = new SweepResult("rate", "Rate sweep", Map.of("target", "sim"), true, List.of(
                Fixtures.cell("openai", "okhttp-h2", 1).variant("sync").build(),
                Fixtures.cell("openai", "okhttp-h2", 256).variant("rate=8").rate(8, 7.5).slo(0.948, 4.5).build()),
                Map.of("max sustainable rate, openai ref+okhttp-h2", "7.50 req/s; bracket: holds at 7.50 (95.1%), fails at 9.00 (80.0%)"));
        String md = LessonsTables.render(rate);
        assertThat(md).contains("offered req/s", "achieved req/s", "TTFT p95 from submit", "E2E p95 from submit", "dispatch lag p95",
                "SLO met", "goodput req/s");
        assertThat(md).containsPattern("\\|\\s*8\\.00\\s*\\|\\s*7\\.50\\s*\\|"); // offered, achieved
        assertThat(md).contains("94.8%").contains("4.50");
        assertThat(md).contains("SLO ttft<=1000ms: SLO met = share of sent requests");
        assertThat(md).startsWith("**Max sustainable rate, openai ref+okhttp-h2:** 7.50 req/s; bracket: holds at 7.50");

        String closed = LessonsTables.render(Fixtures.sweep("concurrency", List.of(Fixtures.cell("openai", "okhttp-h2", 8).build())));
        assertThat(closed).doesNotContain("offered req/s", "achieved req/s", "SLO met", "goodput", "Max sustainable");
    }
}
