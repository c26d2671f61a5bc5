package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.cli.SweepOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CacheSweepTest {

    @Test
    void runsInAFreshSubfolderOfCacheDirAndLeavesItEmpty(@TempDir Path tmp) throws Exception {
        Path cacheDir = Files.createDirectory(tmp.resolve("cache"));
        SweepOptions o = SweepOptions.parse(Map.of("sweep", "cache", "quick", "true", "cacheDir", cacheDir.toString(),
                "reports", tmp.resolve("reports").toString(), "results", tmp.resolve("RESULTS.md").toString()));
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        Path report = CacheSweep.runAndPublish(o, tmp, out);

        assertThat(report.resolve("results.json")).content().contains(cacheDir.toString() + " (-DcacheDir");
        assertThat(report.resolve("throughput.csv")).exists();
        assertThat(tmp.resolve("RESULTS.md")).content().contains(cacheDir.toString());
        assertThat(cacheDir).as("the benchmark's subfolder is deleted").isEmptyDirectory();
    }
}
