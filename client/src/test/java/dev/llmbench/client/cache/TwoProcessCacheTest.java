package dev.llmbench.client.cache;

import dev.llmbench.client.ChatResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.llmbench.client.cache.CacheFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

/** Two JVMs write the same and different keys into one cache directory at the same time. */
class TwoProcessCacheTest {

    @Test
    void twoProcessesShareOneCacheDirectory(@TempDir Path dir) throws Exception {
        int n = 60;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CacheWriterMain.class.getName(), dir.toString(), "child", String.valueOf(n))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> childOut = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine(); // wait until the child has its shard open, then write at the same time
            assertThat(line).as("child process output").isEqualTo("ready");
            CacheWriterMain.Written parent = CacheWriterMain.write(dir, "parent", n, () -> {});
            for (String l; (l = out.readLine()) != null; ) childOut.add(l);
            assertThat(parent.skipped()).as("puts skipped by the parent: %s", parent).isZero();
        } finally {
            if (!child.waitFor(120, TimeUnit.SECONDS)) child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("child exit code, output %s", childOut).isZero();
        assertThat(childOut).containsExactly("done skipped=0");

        try (ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(dir).build()) {
            for (int i = 0; i < n; i++) {
                for (String name : List.of("shared", "parent", "child")) {
                    assertThat(cache.get(key(name + "-" + i))).as(name + "-" + i).get()
                            .extracting(ChatResponse::text).isEqualTo(name + "-" + i);
                }
            }
            assertThat(cache.stats().errors()).isZero();
        }
    }
}
