package dev.llmbench.client.cache;

import dev.llmbench.client.ChatResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.llmbench.client.cache.CacheFixtures.key;
import static dev.llmbench.client.cache.CacheFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The cache survives a writer killed mid-write, and a full disk turns it off (once, loudly) without failing the run. */
class CacheDurabilityTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void aWriterKilledWithSigkillLeavesEveryCommittedEntryReadable(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(JAVA, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CacheWriterMain.class.getName(), dir.toString(), "killed", "until-killed")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int lastCommitted = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; lastCommitted < 150 && (line = out.readLine()) != null; ) {
                if (line.startsWith("stored ")) lastCommitted = Integer.parseInt(line.substring(7));
            }
            child.destroyForcibly(); // SIGKILL while it keeps writing: no close, no checkpoint
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(lastCommitted).as("entries the child reported committed").isGreaterThanOrEqualTo(150);

        List<String> warnings = new ArrayList<>();
        try (ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(dir).listener((m, e) -> warnings.add(m)).build()) {
            for (int i = 0; i <= lastCommitted; i++) {
                String text = "killed-" + i + "-" + "x".repeat(i % 200);
                assertThat(cache.get(key("killed-" + i))).as("entry %d", i).get().extracting(ChatResponse::text).isEqualTo(text);
            }
            assertThat(cache.put(key("after"), response("after"))).isTrue(); // and it takes new writes
            assertThat(cache.get(key("after"))).isPresent();
            assertThat(cache.stats().errors()).isZero();
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aFullDiskDisablesTheCacheOnceAndTheWritesGoOnAsNoOps(@TempDir Path dir) throws Exception {
        // A file-size limit makes every write past ~200 KB fail with EFBIG, as on a full disk (root ignores permissions,
        // so this is the reliable way to run out of space in a test). The JVM ignores SIGXFSZ, so the write just fails.
        // sqlite-jdbc would extract its native library under the limit too: hand it a copy made out here
        Path lib = Files.createDirectories(dir.resolve("native")).resolve("libsqlitejdbc.so");
        try (InputStream in = CacheDurabilityTest.class.getResourceAsStream("/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so")) {
            assumeTrue(in != null, "no Linux x86_64 SQLite library in sqlite-jdbc");
            Files.copy(in, lib);
        }
        Path cacheDir = dir.resolve("cache");
        String cmd = "ulimit -f 400 && exec '" + JAVA + "' -XX:-UsePerfData -XX:TieredStopAtLevel=1"
                + " -Dorg.sqlite.lib.path='" + lib.getParent() + "' -Dorg.sqlite.lib.name=libsqlitejdbc.so -cp '"
                + System.getProperty("java.class.path") + "' " + CacheWriterMain.class.getName() + " '" + cacheDir + "' full until-full";
        Process child = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) out.add(line);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assumeTrue(out.stream().noneMatch(l -> l.contains("UnsatisfiedLinkError")), "SQLite's native library did not load: " + out);
        assertThat(child.exitValue()).as("child output %s", out).isZero();
        assertThat(out).anyMatch(l -> l.startsWith("stored=") && l.contains("enabled=false") && l.contains("warnings=1"));
        assertThat(out).anyMatch(l -> l.startsWith("warning: response cache disabled"));
    }
}
