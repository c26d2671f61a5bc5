package dev.llmbench.bench.target;

import dev.llmbench.bench.SweepMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys never leave the process: sweeps run in their own JVM with a recognisable fake key in the environment (as a user
 * would set it), one accepted and one the simulator refuses with 401, and every byte they print and every file they
 * write (reports, .hlog, charts, RESULTS.md) is searched for it. (Simulator sweeps are checked the same way in
 * SweepEndToEndTest; the cache's files in the client's CacheSecretsTest.)
 */
class SecretsTest {
    private static final String GOOD = "sk-FAKE-goodkey-7d3f9a1c2b5e";
    private static final String BAD = "bad-sk-FAKE-refused-0a9b8c7d6e";

    @TempDir
    Path dir;

    private Process sweep(String key, Path out, String root) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", ForkedSimulator.classpath(),
                "-Dsweep=concurrency", "-Dquick=true", "-Dtarget=" + root + "/zero/v1", "-Dmodel=my-model", "-Dn=4", "-Dconcurrency=2",
                "-Dreports=" + out.resolve("reports"), "-Dresults=" + out.resolve("RESULTS.md"), SweepMain.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolve("console.txt").toFile());
        pb.environment().put("OPENAI_COMPATIBLE_API_KEY", key);
        Files.createDirectories(out);
        return pb.start();
    }

    @Test
    void noFakeKeyInAnythingPrintedOrWritten() throws Exception {
        try (InProcessSimulator sim = new InProcessSimulator(3, Map.of("zero.output.mean", "8"))) {
            Process good = sweep(GOOD, dir.resolve("good"), sim.httpRoot());
            Process bad = sweep(BAD, dir.resolve("bad"), sim.httpRoot());
            for (Process p : List.of(good, bad)) {
                if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
            }
            String goodOut = Files.readString(dir.resolve("good/console.txt"));
            assertThat(good.exitValue()).as(goodOut).isZero();
            assertThat(bad.exitValue()).as(Files.readString(dir.resolve("bad/console.txt"))).isZero();
            assertThat(Files.readString(dir.resolve("bad/RESULTS.md"))).contains("AUTH"); // refused, counted, not leaked
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.toString().endsWith(".hlog")).anyMatch(f -> f.toString().endsWith("results.json"));
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String secret : List.of(GOOD, BAD, "goodkey-7d3f9a1c2b5e", "refused-0a9b8c7d6e")) {
                assertThat(text).as(f.toString()).doesNotContain(secret);
            }
        }
    }
}
