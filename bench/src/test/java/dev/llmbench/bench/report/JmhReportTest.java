package dev.llmbench.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JmhReportTest {

    private static Path fixture(Path dir) throws IOException {
        Path jmh = Files.createDirectories(dir.resolve("reports/jmh"));
        try (InputStream in = JmhReportTest.class.getResourceAsStream("/jmh/results-fixture.json")) {
            Files.copy(in, jmh.resolve("results.json"));
        }
        return jmh;
    }

    @Test
    void readsScoresErrorsUnitsAndParams(@TempDir Path dir) throws IOException {
        List<JmhResults.Row> rows = JmhResults.read(fixture(dir));
        assertThat(rows).hasSize(4);
        JmhResults.Row decode = rows.get(0);
        assertThat(decode.className()).isEqualTo("SseDecodeBenchmark");
        assertThat(decode.method()).isEqualTo("decodeStream");
        assertThat(decode.params()).containsExactly(java.util.Map.entry("format", "openai"), java.util.Map.entry("split", "WHOLE"));
        assertThat(decode.primary().score()).isEqualTo(2345678.9);
        assertThat(decode.primary().unit()).isEqualTo("ops/s");
        assertThat(decode.secondary().get("gc.alloc.rate.norm").unit()).isEqualTo("B/op");
        assertThat(rows.get(1).primary().error()).isNaN(); // JMH writes "NaN" as a string
        // a "#" counter is summed over iterations by JMH: shown as the mean per iteration, with min and max
        JmhResults.Score load = rows.get(2).secondary().get("loadAverage");
        assertThat(load.score()).isEqualTo(4.0);
        assertThat(load.min()).isEqualTo(3.0);
        assertThat(load.max()).isEqualTo(5.0);
        assertThat(decode.settings()).isEqualTo("1 fork, 2×1 s warm-up, 3×1 s");
    }

    @Test
    void rendersTablesTargetsChartsAndTheResultsSection(@TempDir Path dir) throws IOException {
        Path jmh = fixture(dir);
        Files.writeString(jmh.resolve(JmhReport.NOTES), "Load average 3.1 during the run.\n");
        Path md = dir.resolve("RESULTS.md");
        Files.writeString(md, ResultsMarkdown.HEADER + "\nhand-written text\n");

        JmhReport.Rendered r = JmhReport.render(jmh, md, "mvn -pl bench exec:java -Dsweep=jmh");

        String table = Files.readString(jmh.resolve(ReportWriter.TABLE), StandardCharsets.UTF_8);
        // score ± error with three significant digits, unit, params as columns, the B/op column of -prof gc
        assertThat(table).contains("| benchmark    | format | split | threads | mode  | score ± error       | units | gc.alloc.rate.norm (B/op) |")
                .contains("| decodeStream | openai | WHOLE | 1       | thrpt | 2,350,000 ± 123,000 | ops/s | 24.0 ± 0.0100             |");
        assertThat(table).contains("2,350,000 ± 123,000").contains("| openai ").contains("| WHOLE ").contains("24.0 ± 0.0100");
        assertThat(table).contains("gc.alloc.rate.norm (B/op)").doesNotContain("gc.alloc.rate (MB/sec)");
        assertThat(table).contains("412,000 ± –"); // no error with one iteration
        assertThat(table).contains("| netty-h2 ").contains("168,000 ± 7,000").contains("11.7 (11.7–11.7)");
        // targets: decoding met, end to end not met, the SDK shown as the baseline
        assertThat(table).containsPattern("decoding ≥ 2,000,000 OpenAI events/s per core \\(split WHOLE\\) +\\| 2,350,000 ± 123,000 ops/s +\\| met ");
        assertThat(table).contains("c=64 ≥ 750,000 chunks/s: netty-h2 tls 64 short").contains("**not met**");
        assertThat(table).contains("SDK baseline, c=64").contains("baseline");

        assertThat(jmh.resolve("SseDecodeBenchmark.png")).isNotEmptyFile();
        assertThat(jmh.resolve("EndToEndBenchmark-chunks.png")).isNotEmptyFile();

        String doc = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(doc).contains("hand-written text").contains(ResultsMarkdown.beginMarker("jmh")).contains(ResultsMarkdown.endMarker("jmh"));
        assertThat(doc).contains("Load average 3.1 during the run.").contains("[reports/jmh](reports/jmh/)")
                .contains("![SseDecodeBenchmark.png](reports/jmh/SseDecodeBenchmark.png)");
        assertThat(r.section()).contains("- Settings: SseDecodeBenchmark: 1 fork, 2×1 s warm-up, 3×1 s");

        JmhReport.render(jmh, md, "mvn -pl bench exec:java -Dsweep=jmh"); // a rerun replaces its own section
        String again = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(again.split(ResultsMarkdown.beginMarker("jmh"), -1)).hasSize(2);
    }

    @Test
    void missingOrMalformedResultsAreReported(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> JmhResults.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("no JMH JSON results");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"not\": \"an array\"}");
        assertThatThrownBy(() -> JmhResults.read(bad)).isInstanceOf(IOException.class).hasMessageContaining("not a JMH JSON result");
    }

    @Test
    void numbersKeepThreeSignificantDigits() {
        assertThat(JmhReport.number(2_345_678.9)).isEqualTo("2,350,000");
        assertThat(JmhReport.number(61.04)).isEqualTo("61.0");
        assertThat(JmhReport.number(0.012345)).isEqualTo("0.0123");
        assertThat(JmhReport.number(Double.NaN)).isEqualTo("–");
    }
}
