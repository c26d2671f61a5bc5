package dev.llmbench.bench.jmh;

import dev.llmbench.bench.SweepMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -Dsweep=jmh} through SweepMain: renders a results file into the given RESULTS.md, or exits 2 in one line. */
class JmhResultsRendererTest {

    private static int run(Map<String, String> options, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return SweepMain.run(options, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void missingResultsIsABadOption(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String missing = dir.resolve("nothing-here.json").toString();
        int code = run(Map.of("sweep", "jmh", "jmhResults", missing), out, err);
        assertThat(code).isEqualTo(2);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e.strip().lines()).hasSize(1);
        assertThat(e).contains("jmhResults=" + missing).contains("-rf json");
    }

    @Test
    void rendersTheGivenResultsIntoTheGivenResultsMd(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("results.json");
        try (InputStream in = JmhResultsRendererTest.class.getResourceAsStream("/jmh/results-fixture.json")) {
            Files.copy(in, json);
        }
        Path md = dir.resolve("RESULTS.md");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(Map.of("sweep", "jmh", "jmhResults", json.toString(), "results", md.toString()), out, err);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(md)).contains("<!-- llmbench:begin jmh -->").contains("-Dsweep=jmh -DjmhResults=" + json)
                .contains("SseDecodeBenchmark");
        assertThat(dir.resolve("table.md")).isNotEmptyFile();
    }
}
