package dev.llmbench.bench.report;

import dev.llmbench.bench.model.SweepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsMarkdownTest {
    @TempDir
    Path root;

    private static SweepResult concurrency(double tokS) {
        return Fixtures.sweep("concurrency", List.of(Fixtures.cell("openai", "okhttp-h2", 32).tokPerSec(tokS).ttft(213, 753).build()));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void createsTheFileWithTheHeaderAndOneSection() throws IOException {
        Path md = root.resolve("RESULTS.md");
        Path report = root.resolve("reports/concurrency-20261128-100000");
        Files.createDirectories(report);
        Files.write(report.resolve("throughput.png"), new byte[]{1});
        ResultsMarkdown.update(md, concurrency(2456), report, "mvn -pl bench exec:java -Dsweep=concurrency");

        String doc = Files.readString(md);
        assertThat(doc).startsWith(ResultsMarkdown.HEADER)
                .contains("<!-- llmbench:begin concurrency -->").contains("<!-- llmbench:end concurrency -->")
                .contains("## Sweep concurrency (simulated)")
                .contains("- Command: `mvn -pl bench exec:java -Dsweep=concurrency`")
                .contains("- Date: 2026-11-28 10:00 UTC")
                .contains("- Target: **simulated** — sim")
                .contains("[reports/concurrency-20261128-100000](reports/concurrency-20261128-100000/)")
                .contains("(reports/concurrency-20261128-100000/throughput.png)")
                .doesNotContain("ttft.png") // not drawn, not linked
                .containsPattern("\\|\\s*32\\s*\\|\\s*ref\\+okhttp-h2\\s*\\|\\s*2456\\s*\\|\\s*2456\\s*\\|\\s*–\\s*\\|\\s*0\\.213s\\s*\\|\\s*0\\.753s\\s*\\|");
    }

    @Test
    void rerunReplacesItsSectionInPlaceAndLeavesEverythingElse() throws IOException {
        Path md = root.resolve("RESULTS.md");
        String before = "# My results\n\nHand-written intro.\n";
        Files.writeString(md, before);
        Path report = root.resolve("reports/x");
        ResultsMarkdown.update(md, concurrency(1111), report, null);
        Files.writeString(md, Files.readString(md) + "\nNotes between sections, by hand.\n");
        ResultsMarkdown.update(md, Fixtures.sweep("http-version", List.of(Fixtures.cell("openai", "okhttp-h1", 8).tokPerSec(777).build())), report, null);
        Files.writeString(md, Files.readString(md) + "\nTrailing notes.\n");
        String first = Files.readString(md);

        ResultsMarkdown.update(md, concurrency(2222), report, null);
        String second = Files.readString(md);

        assertThat(second).startsWith(before).contains("2222").doesNotContain("1111")
                .contains("Notes between sections, by hand.").endsWith("\nTrailing notes.\n");
        assertThat(count(second, "<!-- llmbench:begin concurrency -->")).isEqualTo(1);
        assertThat(second.indexOf("begin concurrency")).isLessThan(second.indexOf("Notes between sections"));
        assertThat(second.indexOf("Notes between sections")).isLessThan(second.indexOf("begin http-version"));
        // everything outside the replaced section is byte-for-byte the same
        String end = "<!-- llmbench:end concurrency -->";
        assertThat(second.substring(second.indexOf(end))).isEqualTo(first.substring(first.indexOf(end)));
        assertThat(second.substring(0, second.indexOf("<!-- llmbench:begin concurrency"))).isEqualTo(first.substring(0, first.indexOf("<!-- llmbench:begin concurrency")));
        assertThat(second).contains("- Command: `mvn -pl bench exec:java -Dsweep=concurrency`");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("RESULTS.md");
        }
    }

    @Test
    void errorsAreShownWhenAnyCellHadThem() throws IOException {
        Path md = root.resolve("RESULTS.md");
        SweepResult s = Fixtures.sweep("concurrency", List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).build(),
                Fixtures.cell("openai", "okhttp-h2", 64).errors(Map.of("RATE_LIMITED", 12L)).build()));
        ResultsMarkdown.update(md, s, root.resolve("reports/y"), null);
        assertThat(Files.readString(md)).contains("errors / 429").contains("12/76: RATE_LIMITED 12")
                .contains("TTFT p95 adj.") // errors beside the figure that counts them as infinitely slow
                .containsPattern("\\|\\s*32\\s*\\|[^\\n]*\\|\\s*0\\s*\\|\\s*–\\s*\\|\\s*1\\s*\\|\\n"); // errors 0, adj. –, retries 1
    }

    @Test
    void liveResultsAreNotLabelledSimulated() throws IOException {
        Path md = root.resolve("RESULTS.md");
        SweepResult live = new SweepResult("concurrency", "Concurrency sweep", Map.of("target", "live"), false,
                List.of(Fixtures.cell("openai", "okhttp-h2", 32).build()));
        ResultsMarkdown.update(md, live, root.resolve("reports/z"), null);
        String section = Files.readString(md).substring(ResultsMarkdown.HEADER.length());
        assertThat(section).doesNotContain("simulated").contains("- Target: live");
    }

    @Test
    void aBrokenMarkerPairIsRefusedAndTheFileLeftAlone() throws IOException {
        Path md = root.resolve("RESULTS.md");
        String broken = "# R\n<!-- llmbench:begin concurrency -->\nold\n";
        Files.writeString(md, broken);
        assertThatThrownBy(() -> ResultsMarkdown.update(md, concurrency(1), root.resolve("reports/x"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("llmbench:end concurrency");
        assertThat(Files.readString(md)).isEqualTo(broken);
    }

    @Test
    void regenerateRebuildsTheFolderAndSectionFromResultsJson() throws IOException {
        Path report = root.resolve("reports/concurrency-20261128-100000");
        Path md = root.resolve("RESULTS.md");
        ReportWriter.publish(concurrency(2456), report, md, "cmd");
        Files.delete(report.resolve("table.md"));
        Files.delete(md);
        RegenerateReport.regenerate(report, md);
        assertThat(Files.readString(report.resolve("table.md"))).contains("2456");
        assertThat(Files.readString(md)).contains("<!-- llmbench:begin concurrency -->").contains("2456");
        assertThatThrownBy(() -> RegenerateReport.regenerate(root, md)).isInstanceOf(IOException.class).hasMessageContaining("results.json");
    }

    @Test
    void publishWritesTheReportThenTheSection() throws IOException {
        Path report = root.resolve("reports/concurrency-20261128-100000");
        Report r = ReportWriter.publish(concurrency(2456), report, root.resolve("RESULTS.md"), "cmd");
        assertThat(r.files()).contains(report.resolve("results.csv"), report.resolve("table.md"));
        assertThat(Files.readString(root.resolve("RESULTS.md")))
                .contains("(reports/concurrency-20261128-100000/throughput.png)")
                .contains("(reports/concurrency-20261128-100000/ttft.png)");
    }
}
